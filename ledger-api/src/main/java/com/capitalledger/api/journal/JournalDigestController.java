package com.capitalledger.api.journal;

import com.capitalledger.journal.digest.Digests;
import com.capitalledger.journal.digest.JournalDigests;
import com.capitalledger.journal.keys.SigningKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collections;
import java.util.List;

/** The journal's signed digest as it is now, and the public key that verifies it. */
@Tag(name = JournalApi.TAG, description = JournalApi.TAG_DESCRIPTION)
@RestController
@RequestMapping(path = JournalApi.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class JournalDigestController {

    private final JournalDigests digests;
    private final SigningKeys keys;

    JournalDigestController(JournalDigests digests, SigningKeys keys) {
        this.digests = digests;
        this.keys = keys;
    }

    @Operation(operationId = "readJournalDigest", summary = "Sign a digest of the journal as it is now",
            description = "The journal's size and root hash (RFC 9162, SHA-256, lowercase hex) at this instant, "
                    + "signed with Ed25519 over the UTF-8 text treeSize|rootHash|issuedAt. Keep it: a later export "
                    + "must still hash to its root for its first treeSize entries." + JournalApi.ROLES)
    @GetMapping("/digest")
    public Digests.Digest digest() {
        return digests.current();
    }

    @Operation(operationId = "readJournalPublicKey", summary = "The journal's public key",
            description = "The Ed25519 public key that verifies every digest, as a PEM PUBLIC KEY block (X.509 "
                    + "SubjectPublicKeyInfo); its key id is the first 16 hex digits of the SHA-256 of that "
                    + "structure. The same text as text/plain whenever Accept admits it, otherwise as "
                    + JournalApi.PEM + "." + JournalApi.ROLES)
    @ApiResponse(responseCode = "200", description = "The public key: a PEM block, as text",
            content = {@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
                    @Content(mediaType = JournalApi.PEM, schema = @Schema(type = "string"))})
    @GetMapping(path = "/public-key", produces = {MediaType.TEXT_PLAIN_VALUE, JournalApi.PEM})
    public ResponseEntity<String> publicKey(HttpServletRequest request) {
        String pem = SigningKeys.publicKeyPem(keys.publicKey());
        // A client generated from the document accepts both types (in its own order), and one generated in Java
        // reads a string only from text/plain: that is the answer whenever it is acceptable at all.
        return admitsText(request) ? ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(pem)
                : ResponseEntity.ok(pem);
    }

    private static boolean admitsText(HttpServletRequest request) {
        try {
            List<MediaType> accepted = MediaType.parseMediaTypes(Collections.list(
                    request.getHeaders(HttpHeaders.ACCEPT)));
            return accepted.isEmpty() || accepted.stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && type.includes(MediaType.TEXT_PLAIN));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}

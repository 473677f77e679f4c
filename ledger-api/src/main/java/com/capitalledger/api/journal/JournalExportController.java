package com.capitalledger.api.journal;

import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.journal.entry.JournalEntries;
import com.capitalledger.journal.store.JournalPosition;
import com.capitalledger.journal.store.JournalStore;
import com.capitalledger.journal.store.JournalTree;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The journal exported entry by entry, each with the canonical bytes its leaf hash covers. */
@Tag(name = JournalApi.TAG, description = JournalApi.TAG_DESCRIPTION)
@RestController
@RequestMapping(path = JournalApi.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class JournalExportController {

    private final JournalTree tree;
    private final JournalStore store;
    private final JournalPosition position;

    JournalExportController(JournalTree tree, JournalStore store, JournalPosition position) {
        this.tree = tree;
        this.store = store;
        this.position = position;
    }

    @ProblemStatuses({400})
    @Operation(operationId = "exportJournal", summary = "Export the journal, entry by entry",
            description = "One JSON line per entry from seq 'from' (default 0) to before 'to' (default: the "
                    + "journal's size): {seq, leafHash, entry}, where entry is the entry's canonical JSON (RFC 8785) "
                    + "rendered from the event store now, exactly the bytes its leaf hash covers when nothing was "
                    + "changed. An entry whose event the store no longer holds has entry null and its eventId. An "
                    + "export to the end also lists, with seq and leafHash null and their globalIndex, the events the "
                    + "store holds that the journal does not (written behind the ledger's back). Errors: 400 "
                    + "INVALID_PARAMETER." + JournalApi.ROLES)
    @ApiResponse(responseCode = "200", description = "The entries, one JSON object per line",
            content = @Content(mediaType = JournalApi.NDJSON, schema = @Schema(type = "string", format = "binary")),
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
                    ref = "#/components/headers/" + HttpHeaders.CONTENT_DISPOSITION))
    @GetMapping(path = "/export", produces = JournalApi.NDJSON)
    public ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "The first entry's seq", example = "0") @RequestParam(required = false) Long from,
            @Parameter(description = "The seq after the last entry; the journal's size when absent", example = "100")
            @RequestParam(required = false) Long to) {
        long size = tree.size();
        long first = from == null ? 0 : from;
        long end = to == null ? size : to;
        if (first < 0 || first > size) {
            throw new InvalidParameter("from", "must be between 0 and the journal's size, " + size);
        }
        if (end < first || end > size) {
            throw new InvalidParameter("to", "must be between from (" + first + ") and the journal's size, " + size);
        }
        JournalPosition.Passed passed = position.passed();
        StreamingResponseBody body = output -> {
            OutputStream out = new BufferedOutputStream(output, 1 << 16);
            store.entries(first, end, row -> line(out, "{\"seq\":" + row.seq() + ",\"leafHash\":\""
                    + Hex.of(row.leafHash()) + "\"" + (row.event() == null
                    ? ",\"eventId\":\"" + row.eventIdentifier() + "\",\"entry\":null}" : ",\"entry\":"),
                    row.event() == null ? null : entry(row)));
            if (to == null) {
                store.unjournaled(passed.upTo(), passed.pending(), row -> line(out, "{\"seq\":null,\"leafHash\":null,"
                        + "\"globalIndex\":" + row.event().globalIndex() + ",\"entry\":", entry(row)));
            }
            out.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(JournalApi.NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journal.ndjson\"").body(body);
    }

    /** An event's entry, or, if it is no longer even JSON, its identity alone (which no leaf hash matches). */
    private static byte[] entry(JournalStore.JournaledRow row) {
        try {
            return JournalEntries.render(row.event(), null).bytes();
        } catch (IllegalArgumentException unreadable) {
            return ("{\"eventId\":\"" + row.eventIdentifier() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void line(OutputStream out, String head, byte[] entry) {
        try {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            if (entry != null) {
                out.write(entry);
                out.write('}');
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

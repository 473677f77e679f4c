package com.capitalledger.api.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who the caller is signed in as, and with which roles: the console shows only the pages those roles may read. */
@Tag(name = "Sign-in", description = "The signed-in user")
@RestController
public class CurrentUserController {

    /**
     * The signed-in user: the name the audit trail records as actor, the roles the access rules check and, for an
     * INVESTOR, the investor whose documents it may read.
     */
    public record CurrentUser(
            @Schema(description = "The user's name, as the audit trail records it (actor)", example = "treasury")
            String name,
            @Schema(description = "The user's roles: TREASURY, COMPLIANCE, ANALYST, ADMIN or INVESTOR",
                    example = "[\"TREASURY\"]")
            List<Role> roles,
            @Schema(description = "The investor an INVESTOR is bound to (it reads that investor's statements and "
                    + "notices only); absent for every other role", example = "SOFTBANK")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String investorId) {
    }

    @Operation(operationId = "currentUser", summary = "The signed-in user",
            description = "The caller's name and roles, as authenticated (HTTP Basic or a bearer JWT), and the "
                    + "investor an INVESTOR is bound to. Any role (an INVESTOR bound to no investor: 403).")
    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    public CurrentUser currentUser(Authentication authentication) {
        return new CurrentUser(authentication.getName(), List.copyOf(AccessRules.rolesOf(authentication)),
                BoundInvestor.of(authentication).orElse(null));
    }
}

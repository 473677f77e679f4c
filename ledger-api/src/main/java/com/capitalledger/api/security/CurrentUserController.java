package com.capitalledger.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Who the caller is signed in as, and with which roles: the console shows only the pages those roles may read. */
@Tag(name = "Sign-in", description = "The signed-in user")
@RestController
public class CurrentUserController {

    /** The signed-in user: the name the audit trail records as actor, and the roles the access rules check. */
    public record CurrentUser(
            @Schema(description = "The user's name, as the audit trail records it (actor)", example = "treasury")
            String name,
            @Schema(description = "The user's roles: TREASURY, COMPLIANCE, ANALYST or ADMIN", example = "[\"TREASURY\"]")
            List<Role> roles) {
    }

    @Operation(operationId = "currentUser", summary = "The signed-in user",
            description = "The caller's name and roles, as authenticated (HTTP Basic or a bearer JWT). Any role.")
    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    public CurrentUser currentUser(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return new CurrentUser(authentication.getName(), Arrays.stream(Role.values())
                .filter(role -> authorities.contains(role.authority())).toList());
    }
}

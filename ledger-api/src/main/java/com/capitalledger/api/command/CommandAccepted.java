package com.capitalledger.api.command;

import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * The result of an accepted command: the aggregate it changed (a program, or a base rate's stream) and the version
 * that change produced, also sent as the {@code ETag}.
 */
public record CommandAccepted(String aggregateId, long version) {

    /** 201 Created at {@code location}, with the version as a strong entity tag. */
    public static ResponseEntity<CommandAccepted> created(String location, String aggregateId, long version) {
        return ResponseEntity.created(URI.create(location)).eTag(Long.toString(version))
                .body(new CommandAccepted(aggregateId, version));
    }
}

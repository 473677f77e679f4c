package com.capitalledger.journal.config;

import java.nio.file.Path;

/**
 * The service's embedded default, as the journal sees it (a bean the service declares only there): the journal may
 * generate its own key, and keeps its files in {@code directory} unless {@code ledger.journal.directory} says
 * otherwise; with no directory (a throw-away database) its key and digest file are throw-away too.
 */
public record EmbeddedJournal(Path directory) {

    public static EmbeddedJournal throwAway() {
        return new EmbeddedJournal(null);
    }
}

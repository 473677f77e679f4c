/**
 * The refusal of a command as an event: a stored type, named in the event store by this package and class, so it
 * stays here in the core while the journal that records it lives in ledger-journal.
 */
package com.capitalledger.core.journal.api;

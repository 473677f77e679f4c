package com.capitalledger.api.domain;

import com.capitalledger.api.config.DomainConfiguration;
import com.capitalledger.api.support.IntegrationTest;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.RejectionCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ehcache.CacheManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commands find their program in memory, but only as stored: a program whose last command was rolled back with the
 * transaction around it (after Axon's unit of work had committed) decides on what the store holds, not on the
 * rolled-back event. The other node's case is in {@code TwoNodesIT}.
 */
class ProgramCacheIT extends IntegrationTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    @Autowired
    private CommandGateway commands;

    @Autowired
    private CacheManager programCacheManager;

    @Autowired
    private TransactionTemplate transactions;

    private static CommitEquity commit(ProgramId program, String investor, String amount) {
        return new CommitEquity(program, new InvestorId(investor), investor, new BigDecimal(amount), "USD", DAY);
    }

    private boolean cached(ProgramId program) {
        return programCacheManager.getCache(DomainConfiguration.PROGRAM_CACHE, Object.class, Object.class).containsKey(program.value());
    }

    private long stored(ProgramId program) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                program.value());
    }

    @Test
    void aProgramIsCachedAfterACommandAndAnEventRolledBackAroundItIsNotSeenByTheNext() {
        ProgramId program = new ProgramId("CACHE-ROLLBACK");
        commands.sendAndWait(new CreateProgram(program, "Cache", "USD", new BigDecimal("1000000.00"),
                new BigDecimal("90"), DAY));
        commands.sendAndWait(commit(program, "ALPHA", "1000.00"));
        assertThat(cached(program)).isTrue();

        // Axon's unit of work commits inside the outer transaction, which then rolls back: the cached program holds
        // BETA's commitment, the store does not.
        transactions.executeWithoutResult(status -> {
            commands.sendAndWait(commit(program, "BETA", "500.00"));
            status.setRollbackOnly();
        });
        assertThat(stored(program)).isEqualTo(2);
        assertThat(cached(program)).as("left in the cache by the unit of work").isTrue();

        // Deciding on the cached program would refuse this as a duplicate and accept an increase of BETA.
        assertThatThrownBy(() -> commands.sendAndWait(new IncreaseCommitment(program, new InvestorId("BETA"),
                new BigDecimal("1.00"), "USD", DAY)))
                .isInstanceOfSatisfying(LedgerRejection.class,
                        rejection -> assertThat(rejection.code()).isEqualTo(RejectionCode.UNKNOWN_INVESTOR));
        commands.sendAndWait(commit(program, "BETA", "500.00"));
        assertThat(stored(program)).isEqualTo(3);
        assertThat(cached(program)).isTrue();
    }
}

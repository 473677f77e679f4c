package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.readmodel.ReadModel;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Sets a rebuilt read model's processor to resume where the bulk load ended, in the shared token store. */
@Component
public class ResumeTokens {

    private final JdbcTemplate jdbc;
    private final TokenStore tokenStore;
    private final TransactionTemplate transactions;
    /** Segments per read-model processor, which several nodes share. */
    private final int segments;

    public ResumeTokens(JdbcTemplate jdbc, TokenStore tokenStore, PlatformTransactionManager transactionManager,
                        @Value("${ledger.read-models.segments}") int segments) {
        this.jdbc = jdbc;
        this.tokenStore = tokenStore;
        this.transactions = new TransactionTemplate(transactionManager);
        this.segments = segments;
    }

    /**
     * The processor resumes at {@code resumeAt} in as many segments as configured now (a ledger started with fewer
     * takes the configured count at its next rebuild).
     */
    void resume(ReadModel model, TrackingToken resumeAt) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", model.processingGroup());
            tokenStore.initializeTokenSegments(model.processingGroup(), segments, resumeAt);
        });
    }
}

package com.capitalledger.api.config;

import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.projections.audit.AuditEntries;
import com.capitalledger.projections.audit.AuditKeys;
import com.capitalledger.projections.audit.AuditTrail;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes every command the ledger refuses to the audit trail, with its code and the request's metadata, whichever way
 * the command arrived. The line is written in a transaction of its own, since the command's rolls back.
 */
public class RejectionAuditInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final AuditTrail trail;
    private final Clock clock;

    public RejectionAuditInterceptor(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (LedgerRejection rejection) {
            CommandMessage<?> command = unitOfWork.getMessage();
            Map<String, Object> metadata = new HashMap<>(command.getMetaData());
            metadata.put(AuditKeys.CAUSATION_ID, command.getIdentifier());
            trail.recordRejected(AuditEntries.rejected(command.getPayload(), rejection, clock.instant(), metadata));
            throw rejection;
        }
    }
}

package com.capitalledger.core.program;

import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.RejectionCode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns Axon's "no such aggregate" into the ledger's {@code NO_PROGRAM} rejection, so that a command for an unknown
 * program is refused like any other, with a stable code.
 */
public class NoProgramInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException notFound) {
            throw new LedgerRejection(RejectionCode.NO_PROGRAM,
                    "program " + notFound.getAggregateIdentifier() + " does not exist");
        }
    }
}

package com.capitalledger.api.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Targets a command at its program as the domain's annotations say, with the version the client expects taken from
 * the command's metadata ({@code If-Match} over HTTP). Axon then refuses the command when the program's version
 * differs: the domain's commands stay free of a transport concern.
 */
public class ExpectedVersionTargetResolver implements CommandTargetResolver {

    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotations.resolveTarget(command);
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        return expected instanceof Number version
                ? new VersionedAggregateIdentifier(target.getIdentifierValue(), version.longValue())
                : target;
    }
}

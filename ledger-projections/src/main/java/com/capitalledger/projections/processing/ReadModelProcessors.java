package com.capitalledger.projections.processing;

import com.capitalledger.projections.readmodel.ReadModel;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/** The streaming event processor that keeps each read model on this node. */
@Component
public class ReadModelProcessors {

    private final EventProcessingConfiguration processing;

    public ReadModelProcessors(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public StreamingEventProcessor of(ReadModel model) {
        return processing.eventProcessor(model.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor for " + model.processingGroup()));
    }
}

package com.capitalledger.api.config;

import com.capitalledger.journal.store.JournalSequencer;
import com.capitalledger.projections.readmodel.ReadModel;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' settings in application.yml name exactly the read models (and the journal's sequencer): a read
 * model added to {@link ReadModel} without settings, or settings left for one that is gone, fail here.
 */
class ProcessorSettingsTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyReadModelAndTheJournalHaveProcessorSettingsAndNothingElseHas() throws IOException {
        Map<String, Object> yaml;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            yaml = new Yaml().load(in);
        }
        Map<String, Object> processors = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                yaml.get("axon")).get("eventhandling")).get("processors");
        List<String> expected = new ArrayList<>(Arrays.stream(ReadModel.values()).map(ReadModel::processingGroup).toList());
        expected.add(JournalSequencer.PROCESSING_GROUP);
        assertThat(processors.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        for (ReadModel model : ReadModel.values()) {
            Map<String, Object> settings = (Map<String, Object>) processors.get(model.processingGroup());
            assertThat(settings).as(model.id()).containsEntry("mode", "pooled")
                    .containsEntry("initial-segment-count", "${ledger.read-models.segments}");
            assertThat((Map<String, Object>) settings.get("dlq")).as(model.id()).containsEntry("enabled", true);
        }
    }
}

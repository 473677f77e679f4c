package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.processing.ParkedEvents;
import com.capitalledger.projections.processing.ReadModelProcessors;
import com.capitalledger.projections.readmodel.ReadModel;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs this node's rebuilds, one at a time on a thread of its own. Once no other node holds a claim on the read models
 * any more, their processors are reset (their reset handlers empty their tables), their tables are reloaded up to the
 * rebuild's head, and each processor resumes from that head with the gaps the load saw, so events committed meanwhile
 * are still handled, once. Should the load fail, the processors replay the events the ordinary way instead.
 */
@Component
public class RebuildRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RebuildRunner.class);

    private final OtherNodesClaims otherClaims;
    private final ReadModelProcessors processors;
    private final ParkedEvents parked;
    private final TableReload reload;
    private final ResumeTokens resumeTokens;
    private final RebuildProgress progress;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-bulk-load");
        thread.setDaemon(true);
        return thread;
    });

    public RebuildRunner(OtherNodesClaims otherClaims, ReadModelProcessors processors, ParkedEvents parked,
                         TableReload reload, ResumeTokens resumeTokens, RebuildProgress progress) {
        this.otherClaims = otherClaims;
        this.processors = processors;
        this.parked = parked;
        this.reload = reload;
        this.resumeTokens = resumeTokens;
        this.progress = progress;
    }

    /** Takes the read model's processor off its events on this node, and counts its load in {@code loaded}. */
    void prepare(ReadModel model, AtomicLong loaded) {
        progress.loading(model, loaded);
        processors.of(model).shutDown();
    }

    /** Rebuilds the prepared read models up to {@code head}, on the loader thread. */
    void run(List<ReadModel> models, long head, AtomicLong loaded) {
        loader.submit(() -> load(models, head, loaded));
    }

    @Override
    public void destroy() {
        loader.shutdownNow();
    }

    private void load(List<ReadModel> models, long head, AtomicLong loaded) {
        try {
            otherClaims.awaitReleased(models);
            for (ReadModel model : models) {
                processors.of(model).resetTokens();
                parked.clear(model);
            }
            BulkLoad.Result result = reload.upTo(models, head, loaded);
            TrackingToken resumeAt = GapAwareTrackingToken.newInstance(head, result.gaps());
            for (ReadModel model : models) {
                resumeTokens.resume(model, resumeAt);
                handOver(model, loaded);
            }
            log.info("Read models {} bulk-loaded: {} events up to {}", models, result.events(), head);
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // The tables may be half loaded: replay them the ordinary way, through their processors.
            log.error("Bulk load of {} failed; replaying through the processors instead", models, e);
            for (ReadModel model : models) {
                StreamingEventProcessor processor = processors.of(model);
                processor.shutDown();
                processor.resetTokens();
                parked.clear(model);
                handOver(model, loaded);
            }
        }
    }

    private void handOver(ReadModel model, AtomicLong loaded) {
        progress.handedOver(model, loaded);
        processors.of(model).start();
    }
}

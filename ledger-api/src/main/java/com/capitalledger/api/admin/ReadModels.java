package com.capitalledger.api.admin;

import com.capitalledger.api.admin.ReadModelStatus.State;
import com.capitalledger.api.consistency.TransactionOffset;
import com.capitalledger.api.consistency.ReadModelBehind;
import com.capitalledger.api.consistency.ReadModelProgress;
import com.capitalledger.api.consistency.UnknownPosition;
import com.capitalledger.api.web.Conflict;
import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.eventstore.EventStoreReader;
import com.capitalledger.projections.processing.ParkedEvents;
import com.capitalledger.projections.processing.ProcessorTokens;
import com.capitalledger.projections.rebuild.Rebuild;
import com.capitalledger.projections.rebuild.RebuildRequests;
import com.capitalledger.projections.rebuild.RebuildStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The read models as the API shows them: their processors' progress and rebuilds, the same on every node (positions
 * and claims come from the shared token store, rebuilds from {@link RebuildStatus}), and whether a query may read
 * them now. Until a rebuilt read model has caught up with the stream's end as it was when the rebuild began, queries on
 * it answer 503, on every node.
 */
@Component
public class ReadModels {

    /** The query parameter, and the header, with which a query asks to read at a ledger position or later. */
    public static final String MIN_POSITION = "minPosition";
    public static final String MIN_POSITION_HEADER = "Ledger-Min-Position";
    private static final Pattern POSITION = Pattern.compile("[0-9]{1,18}");

    private final Clock clock;
    private final ProcessorTokens tokens;
    private final EventStoreReader events;
    private final RebuildRequests rebuilds;
    private final RebuildStatus rebuildStatus;
    private final ParkedEvents parkedEvents;
    private final ReadModelProgress progress;

    public ReadModels(Clock clock, ProcessorTokens tokens, EventStoreReader events, RebuildRequests rebuilds,
                      RebuildStatus rebuildStatus, ParkedEvents parkedEvents, ReadModelProgress progress) {
        this.clock = clock;
        this.tokens = tokens;
        this.events = events;
        this.rebuilds = rebuilds;
        this.rebuildStatus = rebuildStatus;
        this.parkedEvents = parkedEvents;
        this.progress = progress;
    }

    public boolean exists(String name) {
        return ReadModel.named(name).isPresent();
    }

    private static ReadModel model(String name) {
        return ReadModel.named(name).orElseThrow(() -> new IllegalArgumentException("unknown read model " + name));
    }

    /** Starts rebuilding the named read models and returns at once; progress shows in {@link #status(String)}. */
    public List<ReadModelStatus> rebuild(List<String> names) {
        long head;
        try {
            head = rebuilds.start(names.stream().map(ReadModels::model).toList());
        } catch (RebuildRequests.RebuildInProgress busy) {
            throw new Conflict(ProblemCode.REBUILD_IN_PROGRESS, busy.getMessage() + "; follow their progress on "
                    + "GET /api/v1/admin/read-models");
        }
        return names.stream().map(name -> status(model(name), head)).toList();
    }

    public List<ReadModelStatus> status() {
        long head = events.head();
        return Arrays.stream(ReadModel.values()).map(model -> status(model, head)).toList();
    }

    public ReadModelStatus status(String name) {
        return status(model(name), events.head());
    }

    private ReadModelStatus status(ReadModel model, long head) {
        List<ProcessorTokens.Segment> segments = tokens.of(model.processingGroup());
        long position = segments.stream().mapToLong(ProcessorTokens.Segment::position).min().orElse(0);
        boolean allClaimed = !segments.isEmpty() && segments.stream().allMatch(ProcessorTokens.Segment::claimed);
        Rebuild rebuild = rebuildStatus.latest(model, segments).orElse(null);
        State state = rebuild != null && rebuild.inProgress() ? State.REBUILDING : allClaimed ? State.LIVE : State.STOPPED;
        List<ReadModelStatus.SegmentStatus> claims = segments.stream()
                .map(s -> new ReadModelStatus.SegmentStatus(s.segment(), s.position(), s.claimed() ? s.owner() : null))
                .toList();
        long parked = parkedEvents.count(model);
        if (rebuild == null) {
            return new ReadModelStatus(model.id(), model.processingGroup(), state, position, head, claims, parked, null,
                    null, null, null, null, null);
        }
        Instant until = rebuild.inProgress() ? clock.instant() : rebuild.finishedAt();
        long millis = Math.max(1, Duration.between(rebuild.startedAt(), until).toMillis());
        long done = rebuild.handedOver() ? Math.min(position, rebuild.head()) : rebuild.loaded();
        long rate = done * 1000 / millis;
        Long eta = 0L;
        if (state == State.REBUILDING) {
            eta = rate == 0 ? null : (rebuild.head() - done) / rate;
        }
        return new ReadModelStatus(model.id(), model.processingGroup(), state, position, head, claims, parked,
                rebuild.node(), done, rate, eta, rebuild.startedAt(), rebuild.finishedAt());
    }

    /**
     * Checks that the named read models can answer the current request: none is being rebuilt, and, when the request
     * asks for a ledger position ({@code minPosition=} or {@code Ledger-Min-Position}), every one has applied it
     * (waiting up to the consistency timeout).
     *
     * @throws ReadModelUnavailable if any of them is being rebuilt, on whichever node
     * @throws ReadModelBehind      if one has not applied the requested position in time
     * @throws InvalidParameter     if the requested position is malformed or no event has it
     */
    public void requireAvailable(ReadModel... models) {
        requireNotRebuilding(models);
        Long minPosition = requestedPosition();
        if (minPosition != null) {
            try {
                progress.await(minPosition, Arrays.stream(models).map(ReadModel::processingGroup).toList());
            } catch (UnknownPosition unknown) {
                throw new InvalidParameter(MIN_POSITION, unknown.getMessage());
            }
        }
    }

    /** The position the current request asks to read at, if it asks for one. */
    private static Long requestedPosition() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        Long parameter = position(MIN_POSITION, request.getParameter(MIN_POSITION));
        Long header = position(MIN_POSITION_HEADER, request.getHeader(MIN_POSITION_HEADER));
        if (parameter != null && header != null && !parameter.equals(header)) {
            throw new InvalidParameter(MIN_POSITION, "and " + MIN_POSITION_HEADER + " ask for different positions ("
                    + parameter + " and " + header + "); send one");
        }
        return parameter != null ? parameter : header;
    }

    private static Long position(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!POSITION.matcher(value).matches()) {
            throw new InvalidParameter(name, "must be a ledger position (a whole number from 0, as a command's "
                    + TransactionOffset.HEADER + "), not '" + (value.length() > 40 ? value.substring(0, 40) + "..."
                    : value) + "'");
        }
        return Long.parseLong(value);
    }

    private void requireNotRebuilding(ReadModel... models) {
        for (ReadModel model : models) {
            // The common case, no rebuild under way, costs one indexed read; only a rebuilding model needs its status.
            if (!rebuildStatus.inProgress(model)) {
                continue;
            }
            ReadModelStatus status = status(model, events.head());
            if (status.state() == State.REBUILDING) {
                long eta = status.etaSeconds() == null ? 5 : status.etaSeconds();
                throw new ReadModelUnavailable(model.id(), Math.max(1, Math.min(eta + 1, 300)));
            }
        }
    }
}

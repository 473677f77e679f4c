package com.capitalledger.api.feed;

import com.capitalledger.api.security.Caller;
import com.capitalledger.api.security.Role;
import com.capitalledger.api.web.InvalidParameter;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.api.web.Shapes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import java.util.List;
import java.util.Set;

/**
 * The event feed as server-sent events (DESIGN section 11): every journal entry the caller may see, once, in seq
 * order, each as its CloudEvent, from where the client asks (or where it left off) and then live.
 */
@Tag(name = "Feed", description = "The event feed: journal entries as CloudEvents, streamed as server-sent events")
@RestController
public class FeedController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private final FeedEvents events;
    private final FeedStreams streams;

    FeedController(FeedEvents events, FeedStreams streams) {
        this.events = events;
        this.streams = streams;
    }

    @ProblemStatuses({400})
    @Operation(operationId = "streamFeed", summary = "Stream journal entries as server-sent events",
            description = "Every journal entry the caller may see, once, in seq order: each as one server-sent event "
                    + "whose id is the entry's seq, whose event is its CloudEvent type "
                    + "(com.capitalledger.{Type}.v1) and whose one data line is the CloudEvents 1.0 "
                    + "structured-mode JSON of the entry (extensions seq, effectivedate, actor, correlationid; "
                    + "data: the payload as the journal entry holds it, RFC 8785 canonical JSON with every number a "
                    + "string of its digits). It starts at fromSeq (inclusive), or, when the request carries "
                    + "Last-Event-ID (as a reconnecting EventSource does), just after that seq, which wins over "
                    + "fromSeq; with neither, live only: from the journal's size at connection. It opens with a "
                    + "comment line ': open', then it stays open and streams entries as they are journaled (only "
                    + "committed commands are), with a comment line ': heartbeat' after 15 s without an entry. "
                    + "Filters: programId (an unknown program's stream stays empty until it exists) and type, "
                    + "repeatable. Roles: TREASURY, COMPLIANCE, ANALYST and ADMIN receive accepted events; "
                    + "COMPLIANCE and ADMIN also refusals (CommandRejected); an INVESTOR receives only accepted "
                    + "events whose payload names its investor. Errors: 400 INVALID_PARAMETER (a type that is no "
                    + "event type, fromSeq below 0 or beyond the journal's size, Last-Event-ID not a non-negative "
                    + "integer, a malformed programId); 503 FEED_FULL (with Retry-After) when the node streams as "
                    + "many feeds as it may.")
    @ApiResponse(responseCode = "200", description = "The stream: server-sent events, open until the client leaves",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(type = "string", example = ": open\n\nid: 42\n"
                            + "event: com.capitalledger.CapitalCalled.v1\n"
                            + "data: {\"specversion\":\"1.0\",\"id\":\"...\",\"seq\":42,...}\n\n")))
    @GetMapping(path = "/api/v1/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public ResponseEntity<ResponseBodyEmitter> stream(
            @Parameter(description = "Only this program's entries", schema = @Schema(pattern = Shapes.ID),
                    example = "STARGATE")
            @RequestParam(required = false) String programId,
            @Parameter(description = "Only entries of these types (repeat the parameter for several), each as its "
                    + "short name or its CloudEvent type",
                    example = "[\"CapitalCalled\", \"com.capitalledger.TrancheDrawn.v1\"]",
                    array = @ArraySchema(schema = @Schema(type = "string", example = "CapitalCalled")))
            @RequestParam(name = "type", required = false) List<String> types,
            @Parameter(description = "The first entry's seq; without it (and without Last-Event-ID) the stream is "
                    + "live only", schema = @Schema(type = "integer", format = "int64", minimum = "0"), example = "0")
            @RequestParam(required = false) Long fromSeq,
            @Parameter(in = ParameterIn.HEADER, name = LAST_EVENT_ID, description = "The seq of the last event the "
                    + "client received: the stream resumes after it, whatever fromSeq says",
                    schema = @Schema(type = "string", pattern = "^[0-9]{1,18}$"), example = "41")
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            @Parameter(hidden = true) Authentication authentication) {
        FeedFilter filter = filter(Caller.of(authentication), programId, FeedTypes.parse("type", types));
        long size = events.readySize();
        if (fromSeq != null && (fromSeq < 0 || fromSeq > size)) {
            throw new InvalidParameter("fromSeq", "must be between 0 and the journal's size, " + size);
        }
        long from = lastEventId != null ? after(lastEventId) : fromSeq != null ? fromSeq : size;
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L);
        streams.open(from, filter, emitter);
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no").body(emitter);
    }

    /** What the caller may see of what it asked for. */
    private static FeedFilter filter(Caller caller, String programId, Set<String> types) {
        String program = programId == null ? null : PathIds.parse("programId", programId, id -> id);
        boolean refusals = caller.holds(Role.COMPLIANCE) || caller.holds(Role.ADMIN);
        String investor = caller.readsPositions() ? null : caller.investorId().orElseThrow();
        return new FeedFilter(program, types, refusals, investor);
    }

    /**
     * The seq after the one a reconnecting client last received. It may be beyond this node's size (the client
     * followed a node that was ahead): the stream then waits for it.
     */
    private static long after(String lastEventId) {
        String value = lastEventId.trim();
        if (!value.matches("[0-9]{1,18}")) {
            throw new InvalidParameter(LAST_EVENT_ID, "must be the seq of an event, a non-negative integer: '"
                    + (value.length() <= 40 ? value : value.substring(0, 40) + "...") + "'");
        }
        return Long.parseLong(value) + 1;
    }
}

package com.capitalledger.api.rates;

import com.capitalledger.api.admin.ReadModels;
import com.capitalledger.api.command.CommandAccepted;
import com.capitalledger.api.command.CommandSender;
import com.capitalledger.api.command.SendsCommand;
import com.capitalledger.api.web.NotFound;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.api.web.ProblemCode;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.api.web.ReadsReadModels;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.RejectionCode;
import com.capitalledger.projections.debt.DebtTables;
import com.capitalledger.projections.readmodel.ReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static com.capitalledger.api.web.ApiDocs.COMMAND_ERRORS;

/** Base-rate fixings, shared by every tranche on the rate; may be back-dated as corrections. */
@Tag(name = "Base rates", description = "Base-rate fixings, shared by every tranche on the rate")
@RestController
@RequestMapping(path = "/api/v1/base-rates/{rateName}/fixings", produces = MediaType.APPLICATION_JSON_VALUE)
public class BaseRateController {

    private static final String RATE_NAME = "Base rate: SOFR, TERM-SOFR-1M, TERM-SOFR-3M, TERM-SOFR-6M or "
            + "TERM-SOFR-12M";

    private final CommandSender commands;
    private final DebtTables debt;
    private final ReadModels readModels;
    private final Clock clock;

    public BaseRateController(CommandSender commands, DebtTables debt, ReadModels readModels, Clock clock) {
        this.commands = commands;
        this.debt = debt;
        this.readModels = readModels;
        this.clock = clock;
    }

    @ProblemStatuses({400, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordBaseRateFixing", summary = "Record a base-rate fixing",
            description = "Records a fixing of a base rate; it applies to every tranche on that rate, of every "
                    + "program, from its effective date until the day before the next fixing. May be back-dated as a "
                    + "correction (accruals then follow it; knownAt shows what was known before); a second fixing "
                    + "with the same date replaces the first. Answers 201 with the base rate's version as ETag and the "
                    + "fixing as Location. Role: TREASURY. Business rejections (422): UNKNOWN_BASE_RATE, INVALID_RATE."
                    + COMMAND_ERRORS)
    @SendsCommand(RecordBaseRateFixing.class)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CommandAccepted> fix(
            @Parameter(description = RATE_NAME, example = "SOFR") @PathVariable String rateName,
            @Valid @RequestBody FixingRequest body,
            HttpServletRequest request) {
        String name = PathIds.parse("rateName", rateName, value -> value);
        long version = commands.send(body.toCommand(name), body.reason(), request);
        return CommandAccepted.created("/api/v1/base-rates/" + name + "/fixings/" + body.effectiveDate(),
                BaseRateName.streamIdOf(name), version);
    }

    @ReadsReadModels
    @ProblemStatuses({400, 404})
    @Operation(operationId = "readBaseRateFixing", summary = "Read a base-rate fixing",
            description = "The fixing of the rate for that day, as known at knownAt (now by default): where a "
                    + "recorded fixing's Location leads. Roles: TREASURY, COMPLIANCE, ANALYST, ADMIN. Errors: 404 "
                    + "UNKNOWN_BASE_RATE (not a rate the ledger knows), 404 UNKNOWN_FIXING (no fixing for that day "
                    + "then); 400 INVALID_PARAMETER when the date or knownAt cannot be read; 503 READ_MODEL_REBUILDING "
                    + "(with Retry-After) while the tranches read model, which holds the fixings, is being rebuilt. "
                    + "No business rejection (422).")
    @GetMapping("/{effectiveDate}")
    public FixingView fixing(
            @Parameter(description = RATE_NAME, example = "SOFR") @PathVariable String rateName,
            @Parameter(description = "The day the fixing applies from (YYYY-MM-DD)", example = "2025-01-21")
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
            @Parameter(description = "Instant (ISO-8601, UTC): the fixing as known then, before a later one for the "
                    + "same day replaced it; now by default", example = "2025-11-01T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        readModels.requireAvailable(ReadModel.TRANCHES);
        if (!BaseRateName.KNOWN.contains(rateName)) {
            throw new NotFound(RejectionCode.UNKNOWN_BASE_RATE, "base rate " + rateName + " is not one of "
                    + BaseRateName.KNOWN.stream().sorted().toList());
        }
        return debt.fixing(rateName, effectiveDate, knownAt == null ? clock.instant() : knownAt).map(FixingView::of)
                .orElseThrow(() -> new NotFound(ProblemCode.UNKNOWN_FIXING, "base rate " + rateName + " has no "
                        + "fixing for " + effectiveDate + (knownAt == null ? "" : " as known at " + knownAt)));
    }
}

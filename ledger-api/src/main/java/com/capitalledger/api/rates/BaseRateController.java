package com.capitalledger.api.rates;

import com.capitalledger.api.command.CommandAccepted;
import com.capitalledger.api.command.CommandSender;
import com.capitalledger.api.command.SendsCommand;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.api.web.ProblemStatuses;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static com.capitalledger.api.web.ApiDocs.COMMAND_ERRORS;

/** Base-rate fixings, shared by every tranche on the rate; may be back-dated as corrections. */
@Tag(name = "Base rates", description = "Base-rate fixings, shared by every tranche on the rate")
@RestController
@RequestMapping(path = "/api/v1/base-rates/{rateName}/fixings", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class BaseRateController {

    private final CommandSender commands;

    public BaseRateController(CommandSender commands) {
        this.commands = commands;
    }

    @ProblemStatuses({400, 422})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "recordBaseRateFixing", summary = "Record a base-rate fixing",
            description = "Records a fixing of a base rate; it applies to every tranche on that rate, of every "
                    + "program, from its effective date until the day before the next fixing. May be back-dated as a "
                    + "correction (accruals then follow it; knownAt shows what was known before); a second fixing "
                    + "with the same date replaces the first. Answers 201 with the base rate's version as ETag. "
                    + "Role: TREASURY. Business rejections (422): UNKNOWN_BASE_RATE, INVALID_RATE." + COMMAND_ERRORS)
    @SendsCommand(RecordBaseRateFixing.class)
    @PostMapping
    public ResponseEntity<CommandAccepted> fix(
            @Parameter(description = "Base rate: SOFR, TERM-SOFR-1M, TERM-SOFR-3M, TERM-SOFR-6M or TERM-SOFR-12M",
                    example = "SOFR") @PathVariable String rateName,
            @Valid @RequestBody FixingRequest body,
            HttpServletRequest request) {
        String name = PathIds.parse("rateName", rateName, value -> value);
        long version = commands.send(body.toCommand(name), body.reason(), request);
        return CommandAccepted.created("/api/v1/base-rates/" + name + "/fixings", BaseRateName.streamIdOf(name),
                version);
    }
}

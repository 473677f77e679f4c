package com.capitalledger.api.rates;

import com.capitalledger.api.web.CommandAccepted;
import com.capitalledger.api.web.CommandSender;
import com.capitalledger.api.web.PathIds;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** Base-rate fixings, shared by every tranche on the rate; may be back-dated as corrections. */
@RestController
@RequestMapping(path = "/api/v1/base-rates/{rateName}/fixings", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
public class BaseRateController {

    private final CommandSender commands;

    public BaseRateController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    public ResponseEntity<CommandAccepted> fix(@PathVariable String rateName, @Valid @RequestBody FixingRequest body,
                                               HttpServletRequest request) {
        String name = PathIds.parse("rateName", rateName, value -> value);
        long version = commands.send(new RecordBaseRateFixing(name, new BigDecimal(body.ratePct()),
                body.effectiveDate()), body.reason(), request);
        return CommandAccepted.created("/api/v1/base-rates/" + name + "/fixings", BaseRateName.streamIdOf(name),
                version);
    }
}

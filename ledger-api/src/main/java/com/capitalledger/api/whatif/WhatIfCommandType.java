package com.capitalledger.api.whatif;

import com.capitalledger.api.cashflow.OperatingCashFlowRequest;
import com.capitalledger.api.cashflow.OperatingTermsRequest;
import com.capitalledger.api.cashflow.RepaymentScheduleRequest;
import com.capitalledger.api.cashflow.ValuationRequest;
import com.capitalledger.api.cashflow.WaiverRequest;
import com.capitalledger.api.cashflow.WaterfallRequest;
import com.capitalledger.api.debt.CreateTrancheRequest;
import com.capitalledger.api.debt.DrawRequest;
import com.capitalledger.api.debt.RepayRequest;
import com.capitalledger.api.debt.RepriceRequest;
import com.capitalledger.api.equity.CancelRequest;
import com.capitalledger.api.equity.CapitalCallRequest;
import com.capitalledger.api.equity.CommitEquityRequest;
import com.capitalledger.api.equity.CommitmentChangeRequest;
import com.capitalledger.api.equity.DefaultRequest;
import com.capitalledger.api.equity.TransferRequest;
import com.capitalledger.api.program.CreatePhaseRequest;
import com.capitalledger.api.rates.FixingRequest;
import com.capitalledger.core.cashflow.api.EventOfDefaultId;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.shared.LedgerCommand;
import com.capitalledger.core.shared.ProgramId;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands a what-if can add or put in an event's place: each the body of its endpoint, plus the ids the
 * endpoint's path carries, turned into the command exactly as the endpoint turns it. Public for the OpenAPI document,
 * which describes each as the one-of choice its {@code type} names.
 */
public enum WhatIfCommandType {

    CREATE_PHASE("create-phase", CreatePhaseRequest.class, List.of(),
            (program, ids, body) -> ((CreatePhaseRequest) body).toCommand(program)),
    COMMIT_EQUITY("commit-equity", CommitEquityRequest.class, List.of(),
            (program, ids, body) -> ((CommitEquityRequest) body).toCommand(program)),
    INCREASE_COMMITMENT("increase-commitment", CommitmentChangeRequest.class, List.of("investorId"),
            (program, ids, body) -> ((CommitmentChangeRequest) body).increase(program, investor(ids))),
    REDUCE_COMMITMENT("reduce-commitment", CommitmentChangeRequest.class, List.of("investorId"),
            (program, ids, body) -> ((CommitmentChangeRequest) body).reduce(program, investor(ids))),
    CANCEL_COMMITMENT("cancel-commitment", CancelRequest.class, List.of("investorId"),
            (program, ids, body) -> ((CancelRequest) body).cancel(program, investor(ids))),
    TRANSFER_COMMITMENT("transfer-commitment", TransferRequest.class, List.of("investorId"),
            (program, ids, body) -> ((TransferRequest) body).toCommand(program, investor(ids))),
    CAPITAL_CALL("capital-call", CapitalCallRequest.class, List.of(),
            (program, ids, body) -> ((CapitalCallRequest) body).toCommand(program)),
    RECORD_DEFAULT("record-default", DefaultRequest.class, List.of("callId"),
            (program, ids, body) -> ((DefaultRequest) body).toCommand(program, new CallId(ids.get("callId")))),
    CURE_DEFAULT("cure-default", CancelRequest.class, List.of("callId", "investorId"),
            (program, ids, body) -> ((CancelRequest) body).cure(program, new CallId(ids.get("callId")), investor(ids))),
    CREATE_TRANCHE("create-tranche", CreateTrancheRequest.class, List.of(),
            (program, ids, body) -> ((CreateTrancheRequest) body).toCommand(program)),
    DRAW("draw", DrawRequest.class, List.of("trancheId"),
            (program, ids, body) -> ((DrawRequest) body).toCommand(program, tranche(ids))),
    REPAY("repay", RepayRequest.class, List.of("trancheId"),
            (program, ids, body) -> ((RepayRequest) body).toCommand(program, tranche(ids))),
    REPRICE("reprice", RepriceRequest.class, List.of("trancheId"),
            (program, ids, body) -> ((RepriceRequest) body).toCommand(program, tranche(ids))),
    BASE_RATE_FIXING("base-rate-fixing", FixingRequest.class, List.of("baseRate"),
            (program, ids, body) -> ((FixingRequest) body).toCommand(ids.get("baseRate"))),
    SET_OPERATING_TERMS("set-operating-terms", OperatingTermsRequest.class, List.of(),
            (program, ids, body) -> ((OperatingTermsRequest) body).toCommand(program)),
    SET_REPAYMENT_SCHEDULE("set-repayment-schedule", RepaymentScheduleRequest.class, List.of("trancheId"),
            (program, ids, body) -> ((RepaymentScheduleRequest) body).toCommand(program, tranche(ids))),
    RECORD_OPERATING_CASH_FLOW("record-operating-cash-flow", OperatingCashFlowRequest.class, List.of(),
            (program, ids, body) -> ((OperatingCashFlowRequest) body).toCommand(program)),
    RUN_WATERFALL("run-waterfall", WaterfallRequest.class, List.of(),
            (program, ids, body) -> ((WaterfallRequest) body).toCommand(program)),
    WAIVE_EVENT_OF_DEFAULT("waive-event-of-default", WaiverRequest.class, List.of("eventOfDefaultId"),
            (program, ids, body) -> ((WaiverRequest) body).toCommand(program,
                    new EventOfDefaultId(ids.get("eventOfDefaultId")))),
    RECORD_VALUATION("record-valuation", ValuationRequest.class, List.of(),
            (program, ids, body) -> ((ValuationRequest) body).toCommand(program));

    /** Turns a validated body and its path ids into the command. */
    @FunctionalInterface
    interface Builder {
        LedgerCommand build(ProgramId program, Map<String, String> pathIds, Object body);
    }

    private final String wireName;
    private final Class<?> body;
    private final List<String> pathIds;
    private final Builder builder;

    WhatIfCommandType(String wireName, Class<?> body, List<String> pathIds, Builder builder) {
        this.wireName = wireName;
        this.body = body;
        this.pathIds = pathIds;
        this.builder = builder;
    }

    static Optional<WhatIfCommandType> named(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(type -> type.wireName).toList();
    }

    /** Its {@code type} on the wire, such as {@code draw}. */
    public String wireName() {
        return wireName;
    }

    /** The request body of its endpoint. */
    public Class<?> body() {
        return body;
    }

    /** The ids its endpoint's path carries, which the what-if command carries beside the body's fields. */
    public List<String> pathIds() {
        return pathIds;
    }

    LedgerCommand build(ProgramId program, Map<String, String> ids, Object validatedBody) {
        return builder.build(program, ids, validatedBody);
    }

    private static InvestorId investor(Map<String, String> ids) {
        return new InvestorId(ids.get("investorId"));
    }

    private static TrancheId tranche(Map<String, String> ids) {
        return new TrancheId(ids.get("trancheId"));
    }
}

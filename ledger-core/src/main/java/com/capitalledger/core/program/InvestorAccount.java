package com.capitalledger.core.program;

import com.capitalledger.core.equity.api.CallId;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/** What the program aggregate needs to know of one investor to decide on commands. Amounts in program currency. */
record InvestorAccount(String name, BigDecimal committed, BigDecimal called, BigDecimal defaulted,
                       Set<String> openDefaultCalls) {

    InvestorAccount {
        openDefaultCalls = Set.copyOf(openDefaultCalls);
    }

    static InvestorAccount committed(String name, BigDecimal amount) {
        return new InvestorAccount(name, amount, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), Set.of());
    }

    BigDecimal unfunded() {
        return committed.subtract(called);
    }

    BigDecimal paidIn() {
        return called.subtract(defaulted);
    }

    boolean inDefault() {
        return !openDefaultCalls.isEmpty();
    }

    InvestorAccount withCommitted(BigDecimal newCommitted) {
        return new InvestorAccount(name, newCommitted, called, defaulted, openDefaultCalls);
    }

    InvestorAccount withCalled(BigDecimal amount) {
        return new InvestorAccount(name, committed, called.add(amount), defaulted, openDefaultCalls);
    }

    InvestorAccount withDefault(CallId call, BigDecimal amount) {
        Set<String> open = new TreeSet<>(openDefaultCalls);
        open.add(call.value());
        return new InvestorAccount(name, committed, called, defaulted.add(amount), open);
    }

    InvestorAccount withCure(CallId call, BigDecimal amount) {
        Set<String> open = new TreeSet<>(openDefaultCalls);
        open.remove(call.value());
        return new InvestorAccount(name, committed, called, defaulted.subtract(amount), open);
    }
}

package com.capitalledger.core.equity;

import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.shared.Money;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One investor's commitment: committed, called, defaulted, and its open defaults. The program decides on it, and the
 * investor-positions read model folds its stored movements into it, so both derive unfunded, paid-in and default
 * status here alone.
 */
public record InvestorAccount(String name, Money committed, Money called, Money defaulted, SortedSet<CallId> openDefaultCalls) {

    public InvestorAccount {
        // Most investors are in default on nothing: no copy to make then, on every change of their account.
        openDefaultCalls = openDefaultCalls.isEmpty() ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(openDefaultCalls));
    }

    public static InvestorAccount committed(String name, Money amount) {
        Money zero = Money.zero(amount.currency());
        return new InvestorAccount(name, amount, zero, zero, new TreeSet<>());
    }

    /** Committed but not yet called: what later calls may ask for, and all a reduction or transfer may move. */
    public Money unfunded() {
        return committed.minus(called);
    }

    /** Called and not in default: the equity that has come in. */
    public Money paidIn() {
        return called.minus(defaulted);
    }

    public boolean inDefault() {
        return !openDefaultCalls.isEmpty();
    }

    public InvestorAccount withCommitted(Money newCommitted) {
        return new InvestorAccount(name, newCommitted, called, defaulted, openDefaultCalls);
    }

    public InvestorAccount withCalled(Money amount) {
        return new InvestorAccount(name, committed, called.plus(amount), defaulted, openDefaultCalls);
    }

    public InvestorAccount withDefault(CallId call, Money amount) {
        SortedSet<CallId> open = new TreeSet<>(openDefaultCalls);
        open.add(call);
        return new InvestorAccount(name, committed, called, defaulted.plus(amount), open);
    }

    public InvestorAccount withCure(CallId call, Money amount) {
        SortedSet<CallId> open = new TreeSet<>(openDefaultCalls);
        open.remove(call);
        return new InvestorAccount(name, committed, called, defaulted.minus(amount), open);
    }
}

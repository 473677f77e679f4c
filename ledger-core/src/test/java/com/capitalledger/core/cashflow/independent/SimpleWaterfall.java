package com.capitalledger.core.cashflow.independent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A second, deliberately simple implementation of DESIGN section 10's waterfall (and the accruals of section 4,
 * conventions 5 and 6), written from the spec alone to check the production decider figure by figure: plain
 * BigDecimal, day-by-day loops, a straightforward largest remainder. It knows nothing of the production classes; the
 * test feeds it the facts (dates, amounts, lender shares) of the events the ledger accepted.
 */
final class SimpleWaterfall {

    static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal DAY_BASIS = new BigDecimal("36000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    // ---- the books ----------------------------------------------------------------------------------------------

    record Move(LocalDate date, BigDecimal outstanding, BigDecimal drawn) {
    }

    static final class Tranche {
        final String id;
        final boolean senior;
        final String base;
        final LocalDate created;
        final LocalDate availabilityEnd;
        final BigDecimal commitment;
        final BigDecimal feePct;
        final TreeMap<LocalDate, BigDecimal> margins = new TreeMap<>();
        final List<Move> moves = new ArrayList<>();
        final TreeMap<String, BigDecimal> lenderOutstanding = new TreeMap<>();
        BigDecimal interestPaid = ZERO;
        BigDecimal feePaid = ZERO;
        BigDecimal arrears = ZERO;
        List<LocalDate> dueDates = List.of();
        List<BigDecimal> pcts = List.of();
        List<BigDecimal> installmentPaid = List.of();

        Tranche(String id, boolean senior, String base, LocalDate created, LocalDate availabilityEnd,
                BigDecimal commitment, BigDecimal marginPct, BigDecimal feePct, List<String> lenders) {
            this.id = id;
            this.senior = senior;
            this.base = base;
            this.created = created;
            this.availabilityEnd = availabilityEnd;
            this.commitment = commitment;
            this.feePct = feePct;
            margins.put(created, marginPct);
            lenders.forEach(l -> lenderOutstanding.put(l, ZERO));
        }

        BigDecimal outstandingAtEndOf(LocalDate day) {
            BigDecimal sum = ZERO;
            for (Move m : moves) {
                if (!m.date.isAfter(day)) {
                    sum = sum.add(m.outstanding);
                }
            }
            return sum;
        }

        BigDecimal outstandingNow() {
            return moves.stream().map(Move::outstanding).reduce(ZERO, BigDecimal::add);
        }

        /** The installment amounts once B is fixed (B = outstanding at the end of the day before the first due). */
        List<BigDecimal> installments(BigDecimal base) {
            List<BigDecimal> amounts = new ArrayList<>();
            BigDecimal others = ZERO;
            for (int k = 0; k < pcts.size(); k++) {
                if (k == pcts.size() - 1) {
                    amounts.add(base.subtract(others));
                } else {
                    BigDecimal a = base.multiply(pcts.get(k)).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
                    amounts.add(a);
                    others = others.add(a);
                }
            }
            return amounts;
        }

        BigDecimal fixedBase() {
            return outstandingAtEndOf(dueDates.get(0).minusDays(1));
        }
    }

    static final class Investor {
        final String id;
        /** Each allocation: its effective date and amount. */
        final List<Object[]> calls = new ArrayList<>();
        /** Defaults by call id: [recorded date, cured date or null, amount]. */
        final Map<String, Object[]> defaults = new LinkedHashMap<>();
        BigDecimal distributed = ZERO;

        Investor(String id) {
            this.id = id;
        }

        boolean inDefaultAtEndOf(LocalDate day) {
            for (Object[] d : defaults.values()) {
                LocalDate recorded = (LocalDate) d[0];
                LocalDate cured = (LocalDate) d[1];
                if (!recorded.isAfter(day) && (cured == null || cured.isAfter(day))) {
                    return true;
                }
            }
            return false;
        }

        BigDecimal paidInAtEndOf(LocalDate day) {
            BigDecimal called = ZERO;
            for (Object[] c : calls) {
                if (!((LocalDate) c[0]).isAfter(day)) {
                    called = called.add((BigDecimal) c[1]);
                }
            }
            for (Object[] d : defaults.values()) {
                LocalDate recorded = (LocalDate) d[0];
                LocalDate cured = (LocalDate) d[1];
                if (!recorded.isAfter(day) && (cured == null || cured.isAfter(day))) {
                    called = called.subtract((BigDecimal) d[2]);
                }
            }
            return called;
        }
    }

    final TreeMap<String, Tranche> tranches = new TreeMap<>();
    final TreeMap<String, Investor> investors = new TreeMap<>();
    final Map<String, TreeMap<LocalDate, BigDecimal>> fixings = new LinkedHashMap<>();
    final TreeMap<LocalDate, BigDecimal> cfads = new TreeMap<>();
    /** Event-of-default id → waived. */
    final TreeMap<String, Boolean> eventsOfDefault = new TreeMap<>();
    LocalDate operationsStart;
    int periodMonths;
    BigDecimal lockUpDscr;
    BigDecimal defaultDscr;
    int dsraPeriods;
    BigDecimal dsra = ZERO;
    BigDecimal lockUp = ZERO;

    // ---- periods ------------------------------------------------------------------------------------------------

    boolean isPeriodEnd(LocalDate d) {
        if (d.getDayOfMonth() != d.lengthOfMonth()) {
            return false;
        }
        return periodMonths == 3 ? d.getMonthValue() % 3 == 0 : d.getMonthValue() % 6 == 0;
    }

    LocalDate firstPeriodEnd() {
        LocalDate d = operationsStart;
        while (!isPeriodEnd(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    LocalDate nextPeriodEnd(LocalDate end) {
        LocalDate d = end.plusDays(1);
        while (!isPeriodEnd(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    LocalDate periodStart(LocalDate end) {
        LocalDate first = firstPeriodEnd();
        if (end.equals(first)) {
            return operationsStart;
        }
        LocalDate previous = first;
        while (!nextPeriodEnd(previous).equals(end)) {
            previous = nextPeriodEnd(previous);
        }
        return previous.plusDays(1);
    }

    // ---- accruals (conventions 5 and 6, day by day) --------------------------------------------------------------

    BigDecimal base(String name, LocalDate day) {
        TreeMap<LocalDate, BigDecimal> history = fixings.getOrDefault(name, new TreeMap<>());
        Map.Entry<LocalDate, BigDecimal> e = history.floorEntry(day);
        return e == null ? BigDecimal.ZERO : e.getValue();
    }

    BigDecimal allIn(Tranche t, LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> m = t.margins.floorEntry(day);
        return base(t.base, day).add(m == null ? BigDecimal.ZERO : m.getValue());
    }

    /** Σ over days from..to (inclusive) of outstanding at the end of the day × all-in rate, unrounded. */
    BigDecimal interestSum(Tranche t, LocalDate from, LocalDate to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate d = from.isBefore(t.created) ? t.created : from; !d.isAfter(to); d = d.plusDays(1)) {
            BigDecimal out = t.outstandingAtEndOf(d);
            if (out.signum() != 0) {
                sum = sum.add(out.multiply(allIn(t, d)));
            }
        }
        return sum;
    }

    /** Σ over days from..min(to, availability end) of undrawn commitment × fee, unrounded. */
    BigDecimal feeSum(Tranche t, LocalDate from, LocalDate to) {
        BigDecimal sum = BigDecimal.ZERO;
        LocalDate last = to.isAfter(t.availabilityEnd) ? t.availabilityEnd : to;
        for (LocalDate d = from.isBefore(t.created) ? t.created : from; !d.isAfter(last); d = d.plusDays(1)) {
            BigDecimal drawn = BigDecimal.ZERO;
            for (Move m : t.moves) {
                if (!m.date.isAfter(d)) {
                    drawn = drawn.add(m.drawn);
                }
            }
            sum = sum.add(t.commitment.subtract(drawn).multiply(t.feePct));
        }
        return sum;
    }

    static BigDecimal cents(BigDecimal dayRateSum) {
        return dayRateSum.divide(DAY_BASIS, 2, RoundingMode.HALF_EVEN);
    }

    // ---- largest remainder -----------------------------------------------------------------------------------

    /** Splits amount pro rata to weights (keys in tie order), whole cents, largest remainders get a cent. */
    static LinkedHashMap<String, BigDecimal> split(BigDecimal amount, TreeMap<String, BigDecimal> weights) {
        LinkedHashMap<String, BigDecimal> result = new LinkedHashMap<>();
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long amountCents = amount.movePointRight(2).longValueExact();
        List<String> keys = new ArrayList<>(weights.keySet());
        List<BigDecimal> remainders = new ArrayList<>();
        long given = 0;
        for (String k : keys) {
            BigDecimal exact = BigDecimal.valueOf(amountCents).multiply(weights.get(k));
            BigDecimal[] qr = exact.divideAndRemainder(total);
            long floor = qr[0].longValueExact();
            result.put(k, BigDecimal.valueOf(floor, 2));
            remainders.add(qr[1]);
            given += floor;
        }
        long left = amountCents - given;
        while (left > 0) {
            int best = -1;
            for (int i = 0; i < keys.size(); i++) {
                if (remainders.get(i) != null && (best < 0 || remainders.get(i).compareTo(remainders.get(best)) > 0)) {
                    best = i;
                }
            }
            result.put(keys.get(best), result.get(keys.get(best)).add(new BigDecimal("0.01")));
            remainders.set(best, null);
            left--;
        }
        return result;
    }

    static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    // ---- the waterfall --------------------------------------------------------------------------------------------

    static final class TrancheResult {
        String id;
        BigDecimal interestDue = ZERO, feeDue = ZERO, principalDue = ZERO;
        BigDecimal interestPaid = ZERO, feePaid = ZERO, principalPaid = ZERO;
        LinkedHashMap<String, BigDecimal> shares = new LinkedHashMap<>();
        List<Object[]> installmentsPaid = new ArrayList<>();
        BigDecimal arrearsAfter = ZERO;
    }

    static final class Result {
        BigDecimal cashAvailable;
        BigDecimal[] due = new BigDecimal[4], paid = new BigDecimal[4];
        List<TrancheResult> tranches = new ArrayList<>();
        BigDecimal dsraOpening, dsraDrawn = ZERO, dsraReleased = ZERO, dsraToppedUp = ZERO, dsraClosing, target;
        BigDecimal lockOpening, lockTrapped = ZERO, lockReleased = ZERO, lockClosing;
        BigDecimal dscr;
        boolean passed;
        List<String> reasons = new ArrayList<>();
        BigDecimal distributed = ZERO;
        LinkedHashMap<String, BigDecimal> allocations = new LinkedHashMap<>();
        List<String> excluded = new ArrayList<>();
        List<String> opened = new ArrayList<>();
    }

    /** Runs the waterfall of the period ending {@code end} on the books, and books its payments. */
    Result run(LocalDate end) {
        LocalDate pay = end.plusDays(1);
        Result r = new Result();
        BigDecimal c = max(cfads.get(end), ZERO);
        r.cashAvailable = c;
        Map<String, TrancheResult> byId = new TreeMap<>();
        for (Tranche t : tranches.values()) {
            TrancheResult tr = new TrancheResult();
            tr.id = t.id;
            tr.interestDue = max(ZERO, cents(interestSum(t, t.created, end)).subtract(t.interestPaid));
            tr.feeDue = max(ZERO, cents(feeSum(t, t.created, end)).subtract(t.feePaid));
            BigDecimal out = t.outstandingNow();
            BigDecimal arrears = min(t.arrears, out);
            BigDecimal dueNow = ZERO;
            if (!t.dueDates.isEmpty() && !pay.isBefore(t.dueDates.get(0))) {
                List<BigDecimal> amounts = t.installments(t.fixedBase());
                for (int k = 0; k < amounts.size(); k++) {
                    if (t.dueDates.get(k).equals(pay)) {
                        dueNow = dueNow.add(amounts.get(k));
                    }
                }
            }
            tr.principalDue = arrears.add(min(dueNow, out.subtract(arrears)));
            byId.put(t.id, tr);
        }
        BigDecimal dsraOpening = dsra;
        r.dsraOpening = dsraOpening;
        // steps 1 and 2, with the DSRA drawn first for a senior shortfall
        BigDecimal s1 = ZERO, s2 = ZERO;
        for (Tranche t : tranches.values()) {
            if (t.senior) {
                s1 = s1.add(byId.get(t.id).interestDue).add(byId.get(t.id).feeDue);
                s2 = s2.add(byId.get(t.id).principalDue);
            }
        }
        BigDecimal cash = c;
        if (cash.compareTo(s1.add(s2)) < 0) {
            r.dsraDrawn = min(s1.add(s2).subtract(cash), dsraOpening);
            cash = cash.add(r.dsraDrawn);
        }
        BigDecimal balance = dsraOpening.subtract(r.dsraDrawn);
        cash = interestStep(0, true, r, byId, cash);
        cash = principalStep(1, true, r, byId, cash, pay);
        // step 3
        BigDecimal target = target(end, byId);
        r.target = target;
        if (balance.compareTo(target) > 0) {
            r.dsraReleased = balance.subtract(target);
            cash = cash.add(r.dsraReleased);
        } else {
            r.dsraToppedUp = min(target.subtract(balance), cash);
            cash = cash.subtract(r.dsraToppedUp);
        }
        r.dsraClosing = balance.subtract(r.dsraReleased).add(r.dsraToppedUp);
        cash = interestStep(2, false, r, byId, cash);
        cash = principalStep(3, false, r, byId, cash, pay);
        // DSCR and events of default
        BigDecimal[] ratio = dscr(end);
        boolean applicable = ratio[1].signum() != 0;
        r.dscr = applicable ? ratio[0].divide(ratio[1], 4, RoundingMode.HALF_EVEN) : null;
        if (applicable && ratio[0].compareTo(defaultDscr.multiply(ratio[1])) < 0) {
            r.opened.add("EOD-" + end + "-DSCR");
        }
        boolean shortfall = false;
        for (int i = 0; i < 4; i++) {
            shortfall |= r.paid[i].compareTo(r.due[i]) < 0;
        }
        if (shortfall) {
            r.opened.add("EOD-" + end + "-PAYMENT");
        }
        // books the debt payments and the events of default
        for (Tranche t : tranches.values()) {
            TrancheResult tr = byId.get(t.id);
            t.interestPaid = t.interestPaid.add(tr.interestPaid);
            t.feePaid = t.feePaid.add(tr.feePaid);
            tr.arrearsAfter = tr.principalDue.subtract(tr.principalPaid);
            t.arrears = tr.arrearsAfter;
            if (tr.principalPaid.signum() > 0) {
                TreeMap<String, BigDecimal> weights = new TreeMap<>();
                t.lenderOutstanding.forEach((l, o) -> {
                    if (o.signum() > 0) {
                        weights.put(l, o);
                    }
                });
                tr.shares = split(tr.principalPaid, weights);
                tr.shares.forEach((l, a) -> t.lenderOutstanding.merge(l, a.negate(), BigDecimal::add));
                t.moves.add(new Move(pay, tr.principalPaid.negate(), BigDecimal.ZERO));
            }
            if (tr.interestDue.add(tr.feeDue).add(tr.principalDue).signum() > 0) {
                r.tranches.add(tr);
            }
        }
        r.opened.forEach(id -> eventsOfDefault.put(id, false));
        // step 6: the distribution test
        if (applicable && ratio[0].compareTo(lockUpDscr.multiply(ratio[1])) < 0) {
            r.reasons.add("DSCR_BELOW_LOCK_UP");
        }
        if (r.dsraClosing.compareTo(target) < 0) {
            r.reasons.add("DSRA_BELOW_TARGET");
        }
        if (shortfall) {
            r.reasons.add("PAYMENT_SHORTFALL");
        }
        if (eventsOfDefault.containsValue(false)) {
            r.reasons.add("EVENT_OF_DEFAULT");
        }
        r.passed = r.reasons.isEmpty();
        r.lockOpening = lockUp;
        TreeMap<String, BigDecimal> eligible = new TreeMap<>();
        List<String> excluded = new ArrayList<>();
        for (Investor i : investors.values()) {
            BigDecimal paidIn = i.paidInAtEndOf(end);
            if (paidIn.signum() > 0) {
                if (i.inDefaultAtEndOf(end)) {
                    excluded.add(i.id);
                } else {
                    eligible.put(i.id, paidIn);
                }
            }
        }
        if (r.passed && !eligible.isEmpty()) {
            r.distributed = cash.add(lockUp);
            r.lockReleased = lockUp;
            lockUp = ZERO;
            if (r.distributed.signum() > 0) {
                r.allocations = split(r.distributed, eligible);
                r.allocations.forEach((id, a) -> investors.get(id).distributed = investors.get(id).distributed.add(a));
                r.excluded = excluded;
            }
        } else {
            r.lockTrapped = cash;
            lockUp = lockUp.add(cash);
        }
        r.lockClosing = lockUp;
        dsra = r.dsraClosing;
        return r;
    }

    private BigDecimal interestStep(int step, boolean senior, Result r, Map<String, TrancheResult> byId,
                                    BigDecimal cash) {
        TreeMap<String, BigDecimal> dues = new TreeMap<>();
        for (Tranche t : tranches.values()) {
            TrancheResult tr = byId.get(t.id);
            if (t.senior == senior && tr.interestDue.add(tr.feeDue).signum() > 0) {
                dues.put(t.id, tr.interestDue.add(tr.feeDue));
            }
        }
        BigDecimal due = dues.values().stream().reduce(ZERO, BigDecimal::add);
        BigDecimal paid = min(due, cash);
        r.due[step] = due;
        r.paid[step] = paid;
        if (due.signum() > 0) {
            split(paid, dues).forEach((id, amount) -> {
                TrancheResult tr = byId.get(id);
                tr.interestPaid = min(amount, tr.interestDue);
                tr.feePaid = amount.subtract(tr.interestPaid);
            });
        }
        return cash.subtract(paid);
    }

    private BigDecimal principalStep(int step, boolean senior, Result r, Map<String, TrancheResult> byId,
                                     BigDecimal cash, LocalDate pay) {
        TreeMap<String, BigDecimal> dues = new TreeMap<>();
        for (Tranche t : tranches.values()) {
            TrancheResult tr = byId.get(t.id);
            if (t.senior == senior && tr.principalDue.signum() > 0) {
                dues.put(t.id, tr.principalDue);
            }
        }
        BigDecimal due = dues.values().stream().reduce(ZERO, BigDecimal::add);
        BigDecimal paid = min(due, cash);
        r.due[step] = due;
        r.paid[step] = paid;
        if (due.signum() > 0) {
            split(paid, dues).forEach((id, amount) -> {
                TrancheResult tr = byId.get(id);
                tr.principalPaid = amount;
                // the oldest installment first
                Tranche t = tranches.get(id);
                List<BigDecimal> amounts = t.installments(t.fixedBase());
                List<BigDecimal> paidSoFar = new ArrayList<>(t.installmentPaid);
                BigDecimal left = amount;
                for (int k = 0; k < amounts.size() && left.signum() > 0; k++) {
                    if (t.dueDates.get(k).isAfter(pay)) {
                        break;
                    }
                    BigDecimal owed = amounts.get(k).subtract(paidSoFar.get(k));
                    BigDecimal towards = min(owed, left);
                    if (towards.signum() > 0) {
                        paidSoFar.set(k, paidSoFar.get(k).add(towards));
                        tr.installmentsPaid.add(new Object[]{t.dueDates.get(k), towards});
                        left = left.subtract(towards);
                    }
                }
                t.installmentPaid = paidSoFar;
            });
        }
        return cash.subtract(paid);
    }

    /** T: the forecast senior debt service of the dsraPeriods periods after {@code end}. */
    private BigDecimal target(LocalDate end, Map<String, TrancheResult> byId) {
        BigDecimal total = ZERO;
        for (Tranche t : tranches.values()) {
            if (!t.senior) {
                continue;
            }
            BigDecimal after = t.outstandingNow().subtract(byId.get(t.id).principalPaid);
            List<BigDecimal> amounts = List.of();
            if (!t.dueDates.isEmpty()) {
                boolean fixed = !end.plusDays(1).isBefore(t.dueDates.get(0));
                amounts = t.installments(fixed ? t.fixedBase() : after);
            }
            BigDecimal rate = allIn(t, end);
            BigDecimal balance = after;
            LocalDate periodEnd = end;
            for (int k = 0; k < dsraPeriods; k++) {
                LocalDate start = periodEnd.plusDays(1);
                periodEnd = nextPeriodEnd(periodEnd);
                long days = periodEnd.toEpochDay() - start.toEpochDay() + 1;
                total = total.add(balance.multiply(rate).multiply(BigDecimal.valueOf(days))
                        .divide(DAY_BASIS, 2, RoundingMode.HALF_EVEN));
                for (int i = 0; i < amounts.size(); i++) {
                    if (t.dueDates.get(i).equals(periodEnd.plusDays(1))) {
                        // what will be due: as principal due, never more than the balance (section 10)
                        BigDecimal due = min(amounts.get(i), balance);
                        total = total.add(due);
                        balance = balance.subtract(due);
                    }
                }
            }
        }
        return total;
    }

    /** [Σ CFADS, Σ own senior debt service] over the periods ending in (end − 12 months, end]. */
    private BigDecimal[] dscr(LocalDate end) {
        BigDecimal numerator = ZERO;
        BigDecimal denominator = ZERO;
        LocalDate from = end.minusMonths(12);
        for (LocalDate e = firstPeriodEnd(); !e.isAfter(end); e = nextPeriodEnd(e)) {
            if (!e.isAfter(from)) {
                continue;
            }
            numerator = numerator.add(cfads.get(e));
            LocalDate start = periodStart(e);
            for (Tranche t : tranches.values()) {
                if (!t.senior) {
                    continue;
                }
                denominator = denominator.add(cents(interestSum(t, start, e))).add(cents(feeSum(t, start, e)));
                if (!t.dueDates.isEmpty() && !e.plusDays(1).isBefore(t.dueDates.get(0))) {
                    List<BigDecimal> amounts = t.installments(t.fixedBase());
                    for (int k = 0; k < amounts.size(); k++) {
                        if (t.dueDates.get(k).equals(e.plusDays(1))) {
                            denominator = denominator.add(min(amounts.get(k), t.outstandingAtEndOf(e)));
                        }
                    }
                }
            }
        }
        return new BigDecimal[]{numerator, denominator};
    }
}

#!/usr/bin/env python3
"""Independent computation of PositionsIT's expected figures, in exact rational arithmetic.

The scripted history (effective dates): SOFR 4.30 from 2025-01-01; program POS-IT (max debt 80%); phase PH1;
A 60M, B 30M, C 10M committed; 02-01 call C1 10,000,000.01 and tranche T1 (50M: L1 30M, L2 20M, SOFR + 2.00%,
fee 0.50%); 03-01 draw 9,000,000.00; 04-01 C defaults on C1; 05-01 repay 3,000,000.00; 06-01 margin 2.50%;
07-01 C cures; 08-01 call C2 9,000,000.00; 09-01 draw 4,567,890.12; then, recorded last, a back-dated SOFR fixing
of 4.50 from 2025-04-01.
"""
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_EVEN
from fractions import Fraction


def cents(s):
    return int(Decimal(s) * 100)


def lr(amount, weights):
    total = sum(weights.values())
    shares = {k: amount * w // total for k, w in weights.items()}
    rem = {k: amount * w % total for k, w in weights.items()}
    for k in sorted(weights, key=lambda k: (-rem[k], k))[:amount - sum(shares.values())]:
        shares[k] += 1
    return shares


def run(as_of, with_correction):
    inv = {i: dict(committed=cents(a), called=0, defaulted=0, open=set()) for i, a in
           [("A", "60000000.00"), ("B", "30000000.00"), ("C", "10000000.00")]}
    lenders = {"L1": dict(commitment=cents("30000000.00"), drawn=0, repaid=0),
               "L2": dict(commitment=cents("20000000.00"), drawn=0, repaid=0)}
    moves, margins = [], {date(2025, 2, 1): Fraction("2.0")}
    sofr = {date(2025, 1, 1): Fraction("4.3")}
    if with_correction:
        sofr[date(2025, 4, 1)] = Fraction("4.5")
    calls = {}

    def call(cid, d, amount):
        if d > as_of:
            return
        eligible = {i: v["committed"] - v["called"] for i, v in inv.items() if not v["open"]}
        calls[cid] = lr(cents(amount), eligible)
        for i, a in calls[cid].items():
            inv[i]["called"] += a

    def draw(d, amount):
        if d > as_of:
            return
        for l, a in lr(cents(amount), {l: v["commitment"] - v["drawn"] for l, v in lenders.items()}).items():
            lenders[l]["drawn"] += a
        moves.append((d, cents(amount), True))

    def repay(d, amount):
        if d > as_of:
            return
        for l, a in lr(cents(amount), {l: v["drawn"] - v["repaid"] for l, v in lenders.items()}).items():
            lenders[l]["repaid"] += a
        moves.append((d, -cents(amount), False))

    call("C1", date(2025, 2, 1), "10000000.01")
    draw(date(2025, 3, 1), "9000000.00")
    if date(2025, 4, 1) <= as_of:
        inv["C"]["defaulted"] += calls["C1"]["C"]; inv["C"]["open"].add("C1")
    repay(date(2025, 5, 1), "3000000.00")
    if date(2025, 6, 1) <= as_of:
        margins[date(2025, 6, 1)] = Fraction("2.5")
    if date(2025, 7, 1) <= as_of:
        inv["C"]["defaulted"] -= calls["C1"]["C"]; inv["C"]["open"].discard("C1")
    call("C2", date(2025, 8, 1), "9000000.00")
    draw(date(2025, 9, 1), "4567890.12")

    def at(h, d):
        return h[max(k for k in h if k <= d)]

    interest = fee = Fraction(0)
    d = date(2025, 2, 1)
    while d <= as_of:
        out = sum(a for md, a, _ in moves if md <= d)
        drawn = sum(a for md, a, is_draw in moves if md <= d and is_draw)
        interest += out * (at(sofr, d) + at(margins, d))
        fee += (cents("50000000.00") - drawn) * Fraction("0.5")
        d += timedelta(days=1)

    def money(c):
        return str((Decimal(c) / 100).quantize(Decimal("0.01")))

    def acc(x):
        return str((Decimal(x.numerator) / Decimal(x.denominator) / 3600000).quantize(Decimal("0.01"), ROUND_HALF_EVEN))

    total_called = sum(v["called"] for v in inv.values())
    total_paid = sum(v["called"] - v["defaulted"] for v in inv.values())
    print(f"--- asOf {as_of} {'with' if with_correction else 'without'} the back-dated fixing")
    for i, v in inv.items():
        paid = v["called"] - v["defaulted"]
        own = (Decimal(v["called"] * 100) / Decimal(total_called)).quantize(Decimal("0.000001"), ROUND_HALF_EVEN)
        ownp = (Decimal(paid * 100) / Decimal(total_paid)).quantize(Decimal("0.000001"), ROUND_HALF_EVEN)
        print(i, "committed", money(v["committed"]), "called", money(v["called"]), "paidIn", money(paid),
              "defaulted", money(v["defaulted"]), "unfunded", money(v["committed"] - v["called"]), "own", own,
              "ownPaidIn", ownp, "open", sorted(v["open"]))
    for l, v in lenders.items():
        print(l, "drawn", money(v["drawn"]), "repaid", money(v["repaid"]), "outstanding", money(v["drawn"] - v["repaid"]))
    outstanding = sum(v["drawn"] - v["repaid"] for v in lenders.values())
    gearing = (Decimal(outstanding * 100) / Decimal(outstanding + total_paid)).quantize(Decimal("0.000001"), ROUND_HALF_EVEN)
    print("T1 interest", acc(interest), "fee", acc(fee), "base", at(sofr, as_of), "margin", at(margins, as_of),
          "paidIn", money(total_paid), "debt", money(outstanding), "gearing", gearing)


run(date(2025, 4, 15), True)
run(date(2025, 6, 30), True)
run(date(2025, 6, 30), False)
run(date(2025, 12, 31), True)

#!/usr/bin/env python3
"""Independent computation of the Stargate replay scenario (StargateReplayTest).

Written separately from the Java domain, in exact rational arithmetic, to produce the figures the test expects:
each investor's committed, called, defaulted, paid-in and unfunded; each lender's drawn, repaid and outstanding;
each tranche's accrued interest and commitment fee as of 2025-12-31 (ACT/360, rounded once, HALF_EVEN).
Run: python3 stargate_expected.py
"""
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_EVEN
from fractions import Fraction

C = lambda s: int(Decimal(s) * 100)  # dollars string -> cents

investors = {i: dict(committed=C(a), called=0, defaulted=0, open=set())
             for i, a in [("SOFTBANK", "19000000000.00"), ("OPENAI", "19000000000.00"),
                          ("ORACLE", "7000000000.00"), ("MGX", "5000000000.00")]}
tranches = {
    "P1-SENIOR": dict(created=date(2025, 2, 3), rate="SOFR", margin={date(2025, 2, 3): Fraction("2.25")},
                      fee=Fraction("0.35"), avail=date(2027, 12, 31),
                      lenders={"JPM": C("17500000000.00"), "MUFG": C("12500000000.00"), "SMBC": C("10000000000.00")}),
    "P1-MEZZ": dict(created=date(2025, 2, 3), rate="SOFR", margin={date(2025, 2, 3): Fraction("6.5")},
                    fee=Fraction("0.75"), avail=date(2026, 12, 31),
                    lenders={"APOLLO": C("5000000000.00"), "BLACKSTONE": C("3000000000.00")}),
    "P2-SENIOR": dict(created=date(2025, 3, 10), rate="TERM-SOFR-3M", margin={date(2025, 3, 10): Fraction("2.0")},
                      fee=Fraction("0.3"), avail=date(2027, 6, 30),
                      lenders={"CITI": C("14000000000.00"), "JPM": C("11000000000.00"), "MUFG": C("10000000000.00")}),
}
for t in tranches.values():
    t["drawn"] = {l: 0 for l in t["lenders"]}
    t["repaid"] = {l: 0 for l in t["lenders"]}
    t["moves"] = []  # (date, +draw / -repay, cents)
fixings = {"SOFR": {date(2025, 1, 2): Fraction("4.31"), date(2025, 3, 3): Fraction("4.33"),
                    date(2025, 6, 2): Fraction("4.28"), date(2025, 9, 18): Fraction("4.12")},
           "TERM-SOFR-3M": {date(2025, 3, 1): Fraction("4.29"), date(2025, 9, 1): Fraction("4.05")}}
calls = {}


def largest_remainder(amount, weights):
    total = sum(weights.values())
    floors = {k: amount * w // total for k, w in weights.items()}
    rema = {k: amount * w % total for k, w in weights.items()}
    left = amount - sum(floors.values())
    for k in sorted(weights, key=lambda k: (-rema[k], k))[:left]:
        floors[k] += 1
    return floors


def call(cid, amount):
    eligible = {i: v["committed"] - v["called"] for i, v in investors.items()
                if not v["open"] and v["committed"] - v["called"] > 0}
    alloc = largest_remainder(C(amount), eligible)
    calls[cid] = alloc
    for i, a in alloc.items():
        investors[i]["called"] += a


def draw(tid, day, amount):
    t = tranches[tid]
    shares = largest_remainder(C(amount), {l: t["lenders"][l] - t["drawn"][l] for l in t["lenders"]})
    for l, a in shares.items():
        t["drawn"][l] += a
    t["moves"].append((day, C(amount)))


def repay(tid, day, amount):
    t = tranches[tid]
    shares = largest_remainder(C(amount), {l: t["drawn"][l] - t["repaid"][l] for l in t["lenders"]})
    for l, a in shares.items():
        t["repaid"][l] += a
    t["moves"].append((day, -C(amount)))


call("C1", "3333333333.33")
draw("P1-SENIOR", date(2025, 2, 20), "7777777777.77")
call("C2", "4999999999.99")
draw("P1-MEZZ", date(2025, 4, 1), "1234567890.12")
investors["SOFTBANK"]["committed"] -= C("1500000000.00"); investors["MGX"]["committed"] += C("1500000000.00")
call("C3", "2718281828.46")
investors["MGX"]["defaulted"] += calls["C3"]["MGX"]; investors["MGX"]["open"].add("C3")
call("C4", "1414213562.37")
draw("P2-SENIOR", date(2025, 6, 1), "9999999999.99")
tranches["P1-MEZZ"]["margin"][date(2025, 6, 1)] = Fraction("8.0")
investors["MGX"]["defaulted"] -= calls["C3"]["MGX"]; investors["MGX"]["open"].discard("C3")
call("C5", "6180339887.49")
draw("P1-SENIOR", date(2025, 8, 1), "12345678901.23")
repay("P1-SENIOR", date(2025, 8, 15), "1000000000.01")
investors["ORACLE"]["committed"] += C("2000000000.00")
call("C6", "3141592653.59")
draw("P2-SENIOR", date(2025, 10, 1), "4444444444.44")
draw("P1-MEZZ", date(2025, 10, 15), "2222222222.22")
investors["OPENAI"]["committed"] -= C("500000000.00")
repay("P2-SENIOR", date(2025, 11, 15), "777777777.77")
call("C7", "1000000000.03")


def step(history, day):
    keys = [k for k in history if k <= day]
    return history[max(keys)] if keys else None


def accrue(t, as_of):
    interest = Fraction(0)
    fee = Fraction(0)
    commitment = sum(t["lenders"].values())
    day = t["created"]
    while day <= as_of:
        outstanding = sum(a for d, a in t["moves"] if d <= day)
        drawn = sum(a for d, a in t["moves"] if d <= day and a > 0)
        if outstanding:
            interest += outstanding * (step(fixings[t["rate"]], day) + step(t["margin"], day))
        if day <= t["avail"]:
            fee += (commitment - drawn) * t["fee"]
        day += timedelta(days=1)
    # balances are in cents: divide by 100 for dollars, then by 36,000
    return [Decimal(x.numerator) / Decimal(x.denominator) for x in (interest / 3600000, fee / 3600000)]


def cents(c):
    return f"{Decimal(c) / 100:.2f}"


for i, v in sorted(investors.items()):
    print(i, "committed", cents(v["committed"]), "called", cents(v["called"]), "defaulted", cents(v["defaulted"]),
          "paidIn", cents(v["called"] - v["defaulted"]), "unfunded", cents(v["committed"] - v["called"]))
for tid, t in sorted(tranches.items()):
    for l in sorted(t["lenders"]):
        print(tid, l, "drawn", cents(t["drawn"][l]), "repaid", cents(t["repaid"][l]),
              "outstanding", cents(t["drawn"][l] - t["repaid"][l]))
    interest, fee = accrue(t, date(2025, 12, 31))
    q = Decimal("0.01")
    print(tid, "accruedInterest", interest.quantize(q, ROUND_HALF_EVEN), "accruedCommitmentFee",
          fee.quantize(q, ROUND_HALF_EVEN))
for cid, alloc in calls.items():
    print(cid, " ".join(f"{i}={cents(a)}" for i, a in sorted(alloc.items())))

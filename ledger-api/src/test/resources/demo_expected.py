#!/usr/bin/env python3
"""Independent computation of the positions after the Stargate demo scenario, in exact arithmetic.

Reads ../../main/resources/demo/stargate.json (relative to this file), applies its steps in order as the HTTP
commands of DESIGN.md section 5 would, checking the business rules of section 4 on the way (a step the ledger
would reject stops the script), and writes demo_expected.json beside this file: the positions response
{programId, asOf, investors[], equityTotals, tranches[], debtTotals, capitalisation, phases[], dsraBalance,
lockUpBalance} (knownAt left out)
for each as-of date in AS_OF.

Money is held in integer cents, rates and percentages as Fractions; nothing goes through a float.
Conventions used (DESIGN.md section 4):
- "As of D" folds every event with effective date <= D (fixings and repricings included).
- Interest: for each day d from the tranche's creation date through D, both inclusive, outstanding at the end of
  d x (base in effect on d + margin in effect on d); the exact sum / 36,000, HALF_EVEN to the cent once. The base
  in effect on d is the latest fixing of the tranche's rate with effective date <= d.
- Commitment fee: the same on commitment - cumulative drawn through d, for d up to min(D, availability end).
- Calls: largest remainder on unfunded commitment of eligible investors (no open default, unfunded > 0);
  draws on each lender's undrawn commitment, repayments on each lender's outstanding; ties to the lower id.
- Ownership (and gearing) HALF_EVEN to 6 dp; rates reported with 5 dp; maxDebtPct with 4 dp (as the program
  view reports it); amounts with 2 dp. Lists ordered by id (margin history by date).
- Totals: debtTotals' accrued figures are the sums of the tranches' (rounded) figures; ownershipPctSum is the
  sum of the rounded per-investor figures.

Regenerate: python3 ledger-api/src/test/resources/demo_expected.py   (from the repository root; any cwd works)
"""
import json
import os
import sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_EVEN
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.normpath(os.path.join(HERE, "..", "..", "main", "resources", "demo", "stargate.json"))
OUTPUT = os.path.join(HERE, "demo_expected.json")
AS_OF = [date(2025, 6, 30), date(2025, 12, 31)]


class Rejected(Exception):
    pass


def cents(s):
    d = Decimal(s)
    if d != d.quantize(Decimal("0.01")) or d <= 0:
        raise Rejected("INVALID_AMOUNT " + s)
    return int(d * 100)


def pct(s):
    return Fraction(Decimal(s))


def day(s):
    return date.fromisoformat(s)


def money(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}{c // 100}.{c % 100:02d}"


def fixed(x, places):
    """A Fraction, HALF_EVEN to `places` decimals, as a plain string."""
    x = Fraction(x)
    scaled = x * 10 ** places
    q, r = divmod(scaled.numerator, scaled.denominator)  # floor division, r >= 0
    twice = 2 * r
    if twice > scaled.denominator or (twice == scaled.denominator and q % 2 == 1):
        q += 1
    sign = "-" if q < 0 else ""
    q = abs(q)
    if places == 0:
        return f"{sign}{q}"
    s = str(q).rjust(places + 1, "0")
    return f"{sign}{s[:-places]}.{s[-places:]}"


def rounded_cents(x):
    """A Fraction of cents, HALF_EVEN to a whole cent."""
    return int(Decimal(fixed(x, 0)))


def largest_remainder(amount, weights):
    """Split `amount` cents pro rata to `weights` (id -> int); extra cents to the largest remainders, ties to the
    lower id (Python str ordering = Java String.compareTo for these ASCII ids)."""
    weights = {k: w for k, w in weights.items() if w > 0}
    total = sum(weights.values())
    shares = {k: amount * w // total for k, w in weights.items()}
    rem = {k: amount * w % total for k, w in weights.items()}
    left = amount - sum(shares.values())
    for k in sorted(weights, key=lambda k: (-rem[k], k))[:left]:
        shares[k] += 1
    assert sum(shares.values()) == amount
    return shares


def latest(history, d):
    """Value of a {date: value} history in effect on d (latest key <= d), or None."""
    keys = [k for k in history if k <= d]
    return history[max(keys)] if keys else None


# ---------------------------------------------------------------------------------------------------------------
# The command side: apply the steps in order, checking the rules, and record dated events.
# ---------------------------------------------------------------------------------------------------------------

class Ledger:
    def __init__(self):
        self.fixings = {}          # rate name -> {date: Fraction}
        self.program = None
        self.clock = None          # latest effective date of a non-back-datable program command
        self.phases = {}           # id -> {name, budget, date}
        self.investors = {}        # id -> {name, date}
        self.calls = {}            # id -> {phase, amount, date, alloc{inv: cents}}
        self.tranches = {}         # id -> terms + lenders
        self.events = []           # (date, kind, data) program events, in recorded order
        self.ids = set()           # draw / repayment ids (unique per program)

    # --- state as of "now" (every recorded event), for the checks -------------------------------------------
    def state(self, as_of=None):
        return fold(self, as_of)

    def _dated(self, body, back_datable=False):
        d = day(body["effectiveDate"])
        if not back_datable:
            if self.clock is not None and d < self.clock:
                raise Rejected("BACKDATED_COMMAND")
            self.clock = d
        return d

    def _currency(self, body):
        if body.get("currency", "USD") != self.program["currency"]:
            raise Rejected("CURRENCY_MISMATCH")

    def apply(self, path, body):
        parts = path.strip("/").split("/")
        assert parts[:2] == ["api", "v1"], path
        parts = parts[2:]
        if parts[0] == "base-rates" and parts[2] == "fixings":
            rate = Fraction(Decimal(body["ratePct"]))
            self.fixings.setdefault(parts[1], {})[day(body["effectiveDate"])] = rate
            return
        if parts == ["programs"]:
            if self.program is not None:
                raise Rejected("PROGRAM_EXISTS")
            d = self._dated(body)
            self.program = dict(id=body["programId"], name=body["name"], currency=body["currency"],
                                target=cents(body["targetAmount"]), maxDebtPct=pct(body["maxDebtPct"]), date=d)
            return
        assert parts[0] == "programs" and self.program and parts[1] == self.program["id"], path
        rest = parts[2:]
        kind = rest[0]
        if kind == "phases":
            if body["phaseId"] in self.phases:
                raise Rejected("DUPLICATE_ID")
            self._currency(body)
            budget = cents(body["budget"])
            if sum(p["budget"] for p in self.phases.values()) + budget > self.program["target"]:
                raise Rejected("PROGRAM_TARGET_EXCEEDED")
            d = self._dated(body)
            self.phases[body["phaseId"]] = dict(name=body["name"], budget=budget, date=d)
            self.events.append((d, "phase", dict(phase=body["phaseId"])))
        elif kind == "commitments" and len(rest) == 1:
            inv = body["investorId"]
            if inv in self.investors:
                raise Rejected("DUPLICATE_ID")
            self._currency(body)
            amount = cents(body["amount"])
            d = self._dated(body)
            self.investors[inv] = dict(name=body["investorName"], date=d)
            self.events.append((d, "commit", dict(inv=inv, amount=amount)))
        elif kind == "commitments":
            inv, action = rest[1], rest[2]
            if inv not in self.investors:
                raise Rejected("UNKNOWN_INVESTOR")
            s = self.state()
            acct = s["investors"][inv]
            unfunded = acct["committed"] - acct["called"]
            if action == "increase":
                self._currency(body)
                amount = cents(body["amount"])
                d = self._dated(body)
                self.events.append((d, "increase", dict(inv=inv, amount=amount)))
            elif action == "reduce":
                self._currency(body)
                amount = cents(body["amount"])
                if amount > unfunded:
                    raise Rejected("INSUFFICIENT_UNFUNDED")
                d = self._dated(body)
                self.events.append((d, "increase", dict(inv=inv, amount=-amount)))
            elif action == "cancel":
                if unfunded == 0:
                    raise Rejected("NOTHING_TO_CANCEL")
                d = self._dated(body)
                self.events.append((d, "increase", dict(inv=inv, amount=-unfunded)))
            elif action == "transfers":
                to = body["toInvestorId"]
                if to not in self.investors:
                    raise Rejected("UNKNOWN_INVESTOR")
                if to == inv:
                    raise Rejected("SAME_INVESTOR")
                self._currency(body)
                amount = cents(body["amount"])
                if acct["open"]:
                    raise Rejected("INVESTOR_IN_DEFAULT")
                if amount > unfunded:
                    raise Rejected("INSUFFICIENT_UNFUNDED")
                d = self._dated(body)
                self.events.append((d, "increase", dict(inv=inv, amount=-amount)))
                self.events.append((d, "increase", dict(inv=to, amount=amount)))
            else:
                raise AssertionError(path)
        elif kind == "capital-calls" and len(rest) == 1:
            cid, phase = body["callId"], body["phaseId"]
            if phase not in self.phases:
                raise Rejected("UNKNOWN_PHASE")
            if cid in self.calls:
                raise Rejected("DUPLICATE_ID")
            self._currency(body)
            amount = cents(body["amount"])
            s = self.state()
            eligible = {i: a["committed"] - a["called"] for i, a in s["investors"].items()
                        if not a["open"] and a["committed"] - a["called"] > 0}
            if amount > sum(eligible.values()):
                raise Rejected("INSUFFICIENT_UNFUNDED")
            ph = s["phases"][phase]
            if ph["equityCalled"] + ph["debtDrawn"] + amount > self.phases[phase]["budget"]:
                raise Rejected("PHASE_BUDGET_EXCEEDED")
            d = self._dated(body)
            alloc = largest_remainder(amount, eligible)
            self.calls[cid] = dict(phase=phase, amount=amount, date=d, alloc=alloc)
            self.events.append((d, "call", dict(call=cid, phase=phase, amount=amount, alloc=alloc)))
        elif kind == "capital-calls" and rest[2] == "defaults" and len(rest) == 3:
            cid, inv = rest[1], body["investorId"]
            if cid not in self.calls:
                raise Rejected("UNKNOWN_CALL")
            if inv not in self.investors:
                raise Rejected("UNKNOWN_INVESTOR")
            if inv not in self.calls[cid]["alloc"]:
                raise Rejected("NOT_ALLOCATED")
            if cid in self.state()["investors"][inv]["open"]:
                raise Rejected("ALREADY_DEFAULTED")
            d = self._dated(body)
            self.events.append((d, "default", dict(call=cid, inv=inv, amount=self.calls[cid]["alloc"][inv])))
        elif kind == "capital-calls" and rest[2] == "defaults":
            cid, inv = rest[1], rest[3]
            assert rest[4] == "cure", path
            if cid not in self.calls:
                raise Rejected("UNKNOWN_CALL")
            if cid not in self.state()["investors"][inv]["open"]:
                raise Rejected("NOT_DEFAULTED")
            d = self._dated(body)
            self.events.append((d, "cure", dict(call=cid, inv=inv, amount=self.calls[cid]["alloc"][inv])))
        elif kind == "tranches" and len(rest) == 1:
            tid, phase = body["trancheId"], body["phaseId"]
            if phase not in self.phases:
                raise Rejected("UNKNOWN_PHASE")
            if tid in self.tranches:
                raise Rejected("DUPLICATE_ID")
            self._currency(body)
            commitment = cents(body["commitment"])
            lenders = {l["lenderId"]: dict(name=l["name"], commitment=cents(l["commitment"]))
                       for l in body["lenders"]}
            if sum(l["commitment"] for l in lenders.values()) != commitment:
                raise Rejected("LENDER_SUM_MISMATCH")
            if body["baseRate"] not in ("SOFR", "TERM-SOFR-1M", "TERM-SOFR-3M", "TERM-SOFR-6M", "TERM-SOFR-12M"):
                raise Rejected("UNKNOWN_BASE_RATE")
            d = self._dated(body)
            self.tranches[tid] = dict(phase=phase, name=body["name"], seniority=body["seniority"],
                                      commitment=commitment, baseRate=body["baseRate"],
                                      feePct=pct(body["commitmentFeePct"]), availabilityEnd=day(body["availabilityEnd"]),
                                      lenders=lenders, date=d)
            self.events.append((d, "tranche", dict(tranche=tid)))
            self.events.append((d, "margin", dict(tranche=tid, margin=pct(body["marginPct"]))))
        elif kind == "tranches":
            tid, action = rest[1], rest[2]
            if tid not in self.tranches:
                raise Rejected("UNKNOWN_TRANCHE")
            t = self.tranches[tid]
            if action == "repricings":
                d = self._dated(body, back_datable=True)
                self.events.append((d, "margin", dict(tranche=tid, margin=pct(body["newMarginPct"]))))
                return
            idkey = "drawId" if action == "draws" else "repaymentId"
            if body[idkey] in self.ids:
                raise Rejected("DUPLICATE_ID")
            self._currency(body)
            amount = cents(body["amount"])
            s = self.state()
            ts = s["tranches"][tid]
            if action == "draws":
                d = day(body["effectiveDate"])
                if d > t["availabilityEnd"] or d < t["date"]:
                    raise Rejected("AVAILABILITY_ENDED")
                if latest(self.fixings.get(t["baseRate"], {}), d) is None:
                    raise Rejected("NO_BASE_RATE")
                if ts["drawn"] + amount > t["commitment"]:
                    raise Rejected("COMMITMENT_EXCEEDED")
                ph = s["phases"][t["phase"]]
                if ph["equityCalled"] + ph["debtDrawn"] + amount > self.phases[t["phase"]]["budget"]:
                    raise Rejected("PHASE_BUDGET_EXCEEDED")
                debt = s["debtOutstanding"] + amount
                if debt * 100 > self.program["maxDebtPct"] * (debt + s["paidIn"]):
                    raise Rejected("GEARING_COVENANT_BREACH")
                d = self._dated(body)
                split = largest_remainder(amount, {l: v["commitment"] - v["drawn"] for l, v in ts["lenders"].items()})
                self.ids.add(body[idkey])
                self.events.append((d, "draw", dict(tranche=tid, amount=amount, split=split)))
            elif action == "repayments":
                if amount > ts["drawn"] - ts["repaid"]:
                    raise Rejected("REPAYMENT_EXCEEDS_OUTSTANDING")
                d = self._dated(body)
                split = largest_remainder(amount, {l: v["drawn"] - v["repaid"] for l, v in ts["lenders"].items()})
                self.ids.add(body[idkey])
                self.events.append((d, "repay", dict(tranche=tid, amount=amount, split=split)))
            else:
                raise AssertionError(path)
        else:
            raise AssertionError(path)


# ---------------------------------------------------------------------------------------------------------------
# The query side: fold the events with effective date <= asOf.
# ---------------------------------------------------------------------------------------------------------------

def fold(ledger, as_of=None):
    def seen(d):
        return as_of is None or d <= as_of

    inv = {}
    phases = {p: dict(equityCalled=0, debtDrawn=0) for p, v in ledger.phases.items() if seen(v["date"])}
    tr = {}
    for d, kind, e in ledger.events:
        if not seen(d):
            continue
        if kind == "commit":
            inv[e["inv"]] = dict(committed=e["amount"], called=0, defaulted=0, open=set())
        elif kind == "increase":
            inv[e["inv"]]["committed"] += e["amount"]
        elif kind == "call":
            for i, a in e["alloc"].items():
                inv[i]["called"] += a
            phases[e["phase"]]["equityCalled"] += e["amount"]
        elif kind == "default":
            inv[e["inv"]]["defaulted"] += e["amount"]
            inv[e["inv"]]["open"].add(e["call"])
        elif kind == "cure":
            inv[e["inv"]]["defaulted"] -= e["amount"]
            inv[e["inv"]]["open"].discard(e["call"])
        elif kind == "tranche":
            t = ledger.tranches[e["tranche"]]
            tr[e["tranche"]] = dict(drawn=0, repaid=0, margins={}, moves=[],
                                    lenders={l: dict(commitment=v["commitment"], drawn=0, repaid=0)
                                             for l, v in t["lenders"].items()})
        elif kind == "margin":
            tr[e["tranche"]]["margins"][d] = e["margin"]
        elif kind == "draw":
            x = tr[e["tranche"]]
            x["drawn"] += e["amount"]
            x["moves"].append((d, e["amount"], True))
            for l, a in e["split"].items():
                x["lenders"][l]["drawn"] += a
            phases[ledger.tranches[e["tranche"]]["phase"]]["debtDrawn"] += e["amount"]
        elif kind == "repay":
            x = tr[e["tranche"]]
            x["repaid"] += e["amount"]
            x["moves"].append((d, -e["amount"], False))
            for l, a in e["split"].items():
                x["lenders"][l]["repaid"] += a
        elif kind == "phase":
            pass
        else:
            raise AssertionError(kind)
    paid_in = sum(a["called"] - a["defaulted"] for a in inv.values())
    debt = sum(x["drawn"] - x["repaid"] for x in tr.values())
    return dict(investors=inv, phases=phases, tranches=tr, paidIn=paid_in, debtOutstanding=debt)


def accruals(ledger, tid, x, as_of):
    """(interest, fee) as exact Fractions of cents through as_of."""
    t = ledger.tranches[tid]
    fixings = {k: v for k, v in ledger.fixings.get(t["baseRate"], {}).items() if k <= as_of}
    interest = fee = Fraction(0)
    d = t["date"]
    while d <= as_of:
        outstanding = sum(a for md, a, _ in x["moves"] if md <= d)
        drawn = sum(a for md, a, is_draw in x["moves"] if md <= d and is_draw)
        if outstanding:
            base = latest(fixings, d)
            assert base is not None, (tid, d)
            interest += outstanding * (base + latest(x["margins"], d))
        if d <= t["availabilityEnd"]:
            fee += (t["commitment"] - drawn) * t["feePct"]
        d += timedelta(days=1)
    return interest / 36000, fee / 36000


def positions(ledger, as_of):
    s = fold(ledger, as_of)
    investors = []
    total_called = sum(a["called"] for a in s["investors"].values())
    total_paid = s["paidIn"]
    own_sum = own_paid_sum = Fraction(0)
    for i in sorted(s["investors"]):
        a = s["investors"][i]
        paid = a["called"] - a["defaulted"]
        own = fixed(Fraction(a["called"] * 100, total_called) if total_called else 0, 6)
        own_paid = fixed(Fraction(paid * 100, total_paid) if total_paid else 0, 6)
        own_sum += Fraction(Decimal(own))
        own_paid_sum += Fraction(Decimal(own_paid))
        investors.append({
            "investorId": i, "name": ledger.investors[i]["name"], "committed": money(a["committed"]),
            "called": money(a["called"]), "paidIn": money(paid), "defaulted": money(a["defaulted"]),
            "unfunded": money(a["committed"] - a["called"]), "ownershipPct": own, "ownershipPctPaidIn": own_paid,
            "status": "IN_DEFAULT" if a["open"] else "ACTIVE", "openDefaultCalls": sorted(a["open"]),
            # The demo records no operations (section 10): nothing distributed, paid or scheduled yet.
            "distributed": money(0)})
    vals = s["investors"].values()
    equity_totals = {
        "committed": money(sum(a["committed"] for a in vals)), "called": money(total_called),
        "paidIn": money(total_paid), "defaulted": money(sum(a["defaulted"] for a in vals)),
        "unfunded": money(sum(a["committed"] - a["called"] for a in vals)),
        "ownershipPctSum": fixed(own_sum, 6), "ownershipPctPaidInSum": fixed(own_paid_sum, 6)}

    tranches = []
    tot = dict(commitment=0, drawn=0, repaid=0, interest=0, fee=0)
    exact_interest = exact_fee = Fraction(0)
    for tid in sorted(s["tranches"]):
        x, t = s["tranches"][tid], ledger.tranches[tid]
        fixings = {k: v for k, v in ledger.fixings.get(t["baseRate"], {}).items() if k <= as_of}
        base, margin = latest(fixings, as_of), latest(x["margins"], as_of)
        interest, fee = accruals(ledger, tid, x, as_of)
        exact_interest += interest
        exact_fee += fee
        interest, fee = rounded_cents(interest), rounded_cents(fee)
        tot["commitment"] += t["commitment"]
        tot["drawn"] += x["drawn"]
        tot["repaid"] += x["repaid"]
        tot["interest"] += interest
        tot["fee"] += fee
        tranches.append({
            "trancheId": tid, "phaseId": t["phase"], "name": t["name"], "seniority": t["seniority"],
            "commitment": money(t["commitment"]), "drawn": money(x["drawn"]), "repaid": money(x["repaid"]),
            "outstanding": money(x["drawn"] - x["repaid"]), "undrawn": money(t["commitment"] - x["drawn"]),
            "baseRate": t["baseRate"], "baseRatePct": fixed(base, 5), "marginPct": fixed(margin, 5),
            "allInRatePct": fixed(base + margin, 5), "commitmentFeePct": fixed(t["feePct"], 5),
            "accruedInterest": money(interest), "accruedCommitmentFee": money(fee),
            "availabilityEnd": t["availabilityEnd"].isoformat(),
            "marginHistory": [{"effectiveDate": k.isoformat(), "marginPct": fixed(v, 5)}
                              for k, v in sorted(x["margins"].items())],
            "lenders": [{"lenderId": l, "name": t["lenders"][l]["name"], "commitment": money(v["commitment"]),
                         "drawn": money(v["drawn"]), "repaid": money(v["repaid"]),
                         "outstanding": money(v["drawn"] - v["repaid"])}
                        for l, v in sorted(x["lenders"].items())],
            "interestPaid": money(0), "feesPaid": money(0), "principalArrears": money(0), "schedule": []})
    # The one place where "sum of rounded" and "rounded sum" could differ; say so if they ever do.
    for name, exact, summed in (("interest", exact_interest, tot["interest"]), ("fee", exact_fee, tot["fee"])):
        if rounded_cents(exact) != summed:
            print(f"note {as_of}: debtTotals accrued {name}: sum of rounded {money(summed)} "
                  f"!= rounded sum {money(rounded_cents(exact))}", file=sys.stderr)
    debt = tot["drawn"] - tot["repaid"]
    debt_totals = {
        "commitment": money(tot["commitment"]), "drawn": money(tot["drawn"]), "repaid": money(tot["repaid"]),
        "outstanding": money(debt), "undrawn": money(tot["commitment"] - tot["drawn"]),
        "accruedInterest": money(tot["interest"]), "accruedCommitmentFee": money(tot["fee"]),
        "interestPaid": money(0), "feesPaid": money(0)}
    assert debt == s["debtOutstanding"]
    max_debt = ledger.program["maxDebtPct"]
    capitalisation = {
        "paidInEquity": money(total_paid), "outstandingDebt": money(debt),
        "totalCapitalisation": money(total_paid + debt),
        "debtPctOfCapitalisation": fixed(Fraction(debt * 100, total_paid + debt) if total_paid + debt else 0, 6),
        "maxDebtPct": fixed(max_debt, 4),
        "covenantOk": debt * 100 <= max_debt * (debt + total_paid)}
    phases = []
    for p in sorted(s["phases"]):
        ph, budget = s["phases"][p], ledger.phases[p]["budget"]
        deployed = ph["equityCalled"] + ph["debtDrawn"]
        phases.append({"phaseId": p, "name": ledger.phases[p]["name"], "budget": money(budget),
                       "equityCalled": money(ph["equityCalled"]), "debtDrawn": money(ph["debtDrawn"]),
                       "deployed": money(deployed), "remaining": money(budget - deployed)})
    return {"programId": ledger.program["id"], "asOf": as_of.isoformat(), "investors": investors,
            "equityTotals": equity_totals, "tranches": tranches, "debtTotals": debt_totals,
            "capitalisation": capitalisation, "phases": phases, "dsraBalance": money(0), "lockUpBalance": money(0)}


def main():
    with open(SCENARIO, encoding="utf-8") as f:
        scenario = json.load(f)
    ledger = Ledger()
    for n, step in enumerate(scenario["steps"], 1):
        try:
            ledger.apply(step["path"], step["body"])
        except Rejected as r:
            sys.exit(f"step {n} {step['path']} would be rejected: {r}")
    assert ledger.program["id"] == scenario["programId"]

    result = {d.isoformat(): positions(ledger, d) for d in AS_OF}

    # Self-checks: allocations sum to each call, lender splits to each draw / repayment.
    for cid, c in ledger.calls.items():
        assert sum(c["alloc"].values()) == c["amount"], cid
    for d, kind, e in ledger.events:
        if kind in ("draw", "repay"):
            assert sum(e["split"].values()) == e["amount"], (kind, e)

    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")

    for cid, c in ledger.calls.items():
        print(cid, c["date"], money(c["amount"]), {i: money(a) for i, a in sorted(c["alloc"].items())})
    for d, kind, e in ledger.events:
        if kind in ("draw", "repay"):
            print(kind, e["tranche"], d, money(e["amount"]), {l: money(a) for l, a in sorted(e["split"].items())})
    print("wrote", OUTPUT)


if __name__ == "__main__":
    main()

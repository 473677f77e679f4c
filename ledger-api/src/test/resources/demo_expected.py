#!/usr/bin/env python3
"""Independent computation of the Stargate demo's positions, cash flows and distributions, in exact arithmetic.

Reads ../../main/resources/demo/stargate.json (relative to this file), applies its steps, then its operations, in
order as the HTTP commands of DESIGN.md sections 5 and 10 would, checking the business rules of sections 4 and 10 on
the way (a step the ledger would reject stops the script), and writes demo_expected.json beside this file:
- "positions": the positions response {programId, asOf, investors[], equityTotals, tranches[], debtTotals,
  capitalisation, phases[], dsraBalance, lockUpBalance} (knownAt left out) for each as-of date in AS_OF;
- "cashFlows" and "distributions": the cash-flows and distributions responses for each date in CASH_FLOWS_AS_OF;
- "returns": the returns response {programId, asOf, investors[], program} (knownAt left out) for each date in
  RETURNS_AS_OF (class Returns: contributions, distributions, NAV from the latest valuation split by largest
  remainder pro rata to paid-in or at cost, DPI/RVPI/TVPI and the IRR found by bisection in 60-digit decimals);
- "capitalAccounts": the capital-accounts response {programId, from, to, investors[], program} (knownAt left out)
  for each period in PERIODS, keyed "from/to".
Each waterfall is decided when it is recorded (class Operations: section 10's seven steps, the DSRA target, the
trailing-twelve-month DSCR, the lock-up and the largest-remainder splits), its principal a repayment on the payment
date split across lenders.

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
from decimal import Context, Decimal, ROUND_HALF_EVEN
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.normpath(os.path.join(HERE, "..", "..", "main", "resources", "demo", "stargate.json"))
OUTPUT = os.path.join(HERE, "demo_expected.json")
AS_OF = [date(2025, 6, 30), date(2025, 12, 31), date(2027, 6, 30), date(2028, 12, 31), date(2029, 12, 31)]
CASH_FLOWS_AS_OF = [date(2028, 12, 31), date(2029, 12, 31)]
# The positions' dates, and the last operating quarter's end the README's tour reads.
RETURNS_AS_OF = sorted(AS_OF + [date(2029, 6, 30)])
PERIODS = [(date(2027, 4, 1), date(2027, 6, 30)), (date(2028, 10, 1), date(2028, 12, 31)),
           (date(2029, 4, 1), date(2029, 6, 30))]


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


def reported_pct(p):
    """An installment's percentage as the positions report it."""
    return fixed(p, 4)


def reported_dscr(text):
    """A DSCR threshold as the cash-flows document reports it."""
    return fixed(Fraction(Decimal(text)), 4)


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
        self.valuations = {}       # valuation date -> equity value in cents (a later one on a date replaces it)
        self.ids = set()           # draw / repayment ids (unique per program)
        self.ops = Operations(self)  # section 10: terms, schedules, cash flows, waterfalls

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
        if kind in ("operating-terms", "operating-cash-flows", "waterfalls") or rest[-1] == "repayment-schedule":
            self.ops.apply(rest, body)
            return
        if kind == "valuations":
            # Back-datable like a fixing: it does not move the program's clock.
            self._currency(body)
            value = Decimal(body["equityValue"])
            if value != value.quantize(Decimal("0.01")) or value < 0:
                raise Rejected("INVALID_AMOUNT " + body["equityValue"])
            self.valuations[day(body["valuationDate"])] = int(value * 100)
            return
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
                if self.ops.eods:   # the lenders' draw-stop (the demo waives no event of default)
                    raise Rejected("EVENT_OF_DEFAULT")
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
# Section 10: operating terms, repayment schedules, cash flows and the waterfall, decided when each is recorded.
# ---------------------------------------------------------------------------------------------------------------

STEPS = ["SENIOR_INTEREST_AND_FEES", "SENIOR_PRINCIPAL", "MEZZANINE_INTEREST_AND_FEES", "MEZZANINE_PRINCIPAL"]


def amount(s):
    """An amount >= 0 in cents (cash-flow figures may be zero)."""
    d = Decimal(s)
    if d != d.quantize(Decimal("0.01")) or d < 0:
        raise Rejected("INVALID_AMOUNT " + s)
    return int(d * 100)


class Operations:
    def __init__(self, ledger):
        self.ledger = ledger
        self.terms = None       # dict, once set
        self.schedules = {}     # tranche -> dict(due=[dates], pct=[Fraction], text=[str], date)
        self.flows = {}         # period end -> dict of cents
        self.runs = {}          # period end -> the waterfall's figures, in the order they ran
        self.paid = {}          # tranche -> dict(interest, fee, arrears, installments{due: cents})
        self.eods = {}          # id -> dict(period, reason)
        self.dsra = 0
        self.lockup = 0

    # --- periods (calendar quarters or half-years) ---------------------------------------------------------
    def is_end(self, d):
        return d == self.next_end(d - timedelta(days=1))

    def next_end(self, d):
        """The first period end strictly after d."""
        step = self.terms["months"]
        e = d + timedelta(days=1)
        while not (e.month % step == 0 and (e + timedelta(days=1)).day == 1):
            e += timedelta(days=1)
        return e

    def first_end(self):
        return self.next_end(self.terms["start"] - timedelta(days=1))

    def start_of(self, end):
        """First day of the period ending on `end`."""
        first = self.first_end()
        if end == first:
            return self.terms["start"]
        e = first
        while self.next_end(e) != end:
            e = self.next_end(e)
        return e + timedelta(days=1)

    # --- commands ---------------------------------------------------------------------------------------------
    def apply(self, rest, body):
        ledger = self.ledger
        kind = rest[0]
        if kind == "operating-terms":
            if self.runs:
                raise Rejected("TERMS_LOCKED")
            ledger._dated(body)
            self.terms = dict(start=day(body["operationsStart"]), months=int(body["periodMonths"]),
                              lockUp=Fraction(Decimal(body["lockUpDscr"])), lockUpText=body["lockUpDscr"],
                              default=Fraction(Decimal(body["defaultDscr"])), defaultText=body["defaultDscr"],
                              dsraPeriods=int(body["dsraPeriods"]), date=day(body["effectiveDate"]))
            return
        if kind == "tranches":
            tid = rest[1]
            if tid not in ledger.tranches:
                raise Rejected("UNKNOWN_TRANCHE")
            if self.terms is None:
                raise Rejected("NO_OPERATING_TERMS")
            due = [day(i["dueDate"]) for i in body["installments"]]
            pcts = [Fraction(Decimal(i["pct"])) for i in body["installments"]]
            if (not due or sum(pcts) != 100 or any(p <= 0 for p in pcts)
                    or any(a >= b for a, b in zip(due, due[1:]))
                    or any(not self.is_end(d - timedelta(days=1)) or d - timedelta(days=1) < self.first_end()
                           for d in due)):
                raise Rejected("INVALID_SCHEDULE")
            old = self.schedules.get(tid)
            if old is not None and ledger.clock is not None and old["due"][0] <= ledger.clock:
                raise Rejected("SCHEDULE_LOCKED")
            d = ledger._dated(body)
            self.schedules[tid] = dict(due=due, pct=pcts, text=[i["pct"] for i in body["installments"]], date=d)
            return
        if self.terms is None:
            raise Rejected("NO_OPERATING_TERMS")
        end = day(body["periodEnd"])
        if not self.is_end(end) or end < self.first_end():
            raise Rejected("INVALID_PERIOD")
        if kind == "operating-cash-flows":
            if end in self.runs:
                raise Rejected("PERIOD_CLOSED")
            ledger._currency(body)
            flow = {k: amount(body[k]) for k in ("revenue", "operatingCosts", "taxes", "maintenanceCapex")}
            flow["cfads"] = flow["revenue"] - flow["operatingCosts"] - flow["taxes"] - flow["maintenanceCapex"]
            self.flows[end] = flow   # effective on the period end; never moves the program's clock
            return
        assert kind == "waterfalls", rest
        if end not in self.flows:
            raise Rejected("NO_CASH_FLOW")
        e = self.first_end()
        while e < end:
            if e not in self.runs:
                raise Rejected("PERIOD_OUT_OF_ORDER")
            e = self.next_end(e)
        if end in self.runs:
            raise Rejected("WATERFALL_ALREADY_RUN")
        ledger._dated({"effectiveDate": (end + timedelta(days=1)).isoformat()})
        self.runs[end] = self.run(end)

    # --- the debt ---------------------------------------------------------------------------------------------
    def outstanding(self, tid, at_end_of=None):
        x = fold(self.ledger, at_end_of)["tranches"][tid]
        return x["drawn"] - x["repaid"]

    def installments(self, tid, base):
        """Each installment's cents for base B: HALF_EVEN of B x pct / 100, the last one B minus the others."""
        pcts = self.schedules[tid]["pct"]
        amounts = [rounded_cents(base * p / 100) for p in pcts[:-1]]
        return amounts + [base - sum(amounts)]

    def fixed_installments(self, tid):
        """The installments once B is fixed: B = outstanding at the end of the day before the first due date."""
        return self.installments(tid, self.outstanding(tid, self.schedules[tid]["due"][0] - timedelta(days=1)))

    def accrued(self, tid, frm, to):
        """(interest, fee) in cents accrued over the days frm..to, each summed exactly and rounded once."""
        interest, fee = accruals(self.ledger, tid, fold(self.ledger, to)["tranches"][tid], to, frm)
        return rounded_cents(interest), rounded_cents(fee)

    def all_in(self, tid, d):
        t = self.ledger.tranches[tid]
        margins = fold(self.ledger, d)["tranches"][tid]["margins"]
        return latest(self.ledger.fixings[t["baseRate"]], d) + latest(margins, d)

    def senior(self, tid):
        return self.ledger.tranches[tid]["seniority"] == "SENIOR"

    # --- the waterfall (DESIGN section 10, steps 1-7) -----------------------------------------------------------
    def run(self, end):
        ledger = self.ledger
        pay = end + timedelta(days=1)
        cash = max(self.flows[end]["cfads"], 0)
        r = dict(cashAvailable=cash, steps={}, tranches={}, installmentsPaid={})
        for tid in sorted(ledger.tranches):
            paid = self.paid.setdefault(tid, dict(interest=0, fee=0, arrears=0, installments={}))
            interest, fee = self.accrued(tid, ledger.tranches[tid]["date"], end)
            out = self.outstanding(tid)
            arrears = min(paid["arrears"], out)
            due_now = 0
            sched = self.schedules.get(tid)
            if sched and pay >= sched["due"][0]:
                due_now = sum(a for d, a in zip(sched["due"], self.fixed_installments(tid)) if d == pay)
            r["tranches"][tid] = dict(interestDue=max(0, interest - paid["interest"]),
                                      feeDue=max(0, fee - paid["fee"]),
                                      principalDue=arrears + min(due_now, out - arrears),
                                      interestPaid=0, feePaid=0, principalPaid=0)
        seniors = [t for t in sorted(r["tranches"]) if self.senior(t)]
        mezz = [t for t in sorted(r["tranches"]) if not self.senior(t)]
        senior_due = sum(r["tranches"][t]["interestDue"] + r["tranches"][t]["feeDue"] + r["tranches"][t]["principalDue"]
                         for t in seniors)
        opening = self.dsra
        drawn = min(senior_due - cash, opening) if cash < senior_due else 0
        cash += drawn
        balance = opening - drawn
        cash = self.interest_step(r, 0, seniors, cash)
        cash = self.principal_step(r, 1, seniors, cash, pay)
        target = self.target(end, r)
        released = topped = 0
        if balance > target:
            released = balance - target
            cash += released
        else:
            topped = min(target - balance, cash)
            cash -= topped
        closing = balance - released + topped
        r["dsra"] = dict(opening=opening, drawn=drawn, released=released, toppedUp=topped, closing=closing,
                         target=target)
        cash = self.interest_step(r, 2, mezz, cash)
        cash = self.principal_step(r, 3, mezz, cash, pay)

        num, den = self.coverage(end)
        r["dscr"] = fixed(Fraction(num, den), 4) if den else None
        shortfall = any(st["paid"] < st["due"] for st in r["steps"].values())
        if den and num < self.terms["default"] * den:
            self.eods[f"EOD-{end}-DSCR"] = dict(period=end, reason="DSCR_BELOW_DEFAULT")
        if shortfall:
            self.eods[f"EOD-{end}-PAYMENT"] = dict(period=end, reason="PAYMENT_SHORTFALL")

        for tid, tr in r["tranches"].items():
            paid = self.paid[tid]
            paid["interest"] += tr["interestPaid"]
            paid["fee"] += tr["feePaid"]
            paid["arrears"] = tr["arrearsAfter"] = tr["principalDue"] - tr["principalPaid"]
            if tr["principalPaid"]:
                lenders = fold(ledger)["tranches"][tid]["lenders"]
                split = largest_remainder(tr["principalPaid"], {l: v["drawn"] - v["repaid"] for l, v in lenders.items()})
                ledger.events.append((pay, "repay", dict(tranche=tid, amount=tr["principalPaid"], split=split)))

        reasons = []
        if den and num < self.terms["lockUp"] * den:
            reasons.append("DSCR_BELOW_LOCK_UP")
        if closing < target:
            reasons.append("DSRA_BELOW_TARGET")
        if shortfall:
            reasons.append("PAYMENT_SHORTFALL")
        if self.eods:   # the demo waives none: any event of default is open
            reasons.append("EVENT_OF_DEFAULT")
        s = fold(ledger, end)
        eligible, excluded = {}, []
        for i, a in sorted(s["investors"].items()):
            paid_in = a["called"] - a["defaulted"]
            if paid_in > 0:
                if a["open"]:
                    excluded.append(i)
                else:
                    eligible[i] = paid_in
        r["lockUp"] = dict(opening=self.lockup, trapped=0, released=0)
        r["distributionTest"] = dict(passed=not reasons, reasons=reasons)
        r["distributed"], r["allocations"], r["excluded"] = 0, {}, []
        if not reasons and eligible:
            r["distributed"] = cash + self.lockup
            r["lockUp"]["released"] = self.lockup
            self.lockup = 0
            if r["distributed"]:
                r["allocations"] = largest_remainder(r["distributed"], eligible)
                r["excluded"] = excluded
        else:
            r["lockUp"]["trapped"] = cash
            self.lockup += cash
        r["lockUp"]["closing"] = self.lockup
        self.dsra = closing
        return r

    def interest_step(self, r, step, tids, cash):
        dues = {t: r["tranches"][t]["interestDue"] + r["tranches"][t]["feeDue"] for t in tids}
        due = sum(dues.values())
        paid = min(due, cash)
        r["steps"][STEPS[step]] = dict(due=due, paid=paid)
        if due:
            for t, a in largest_remainder(paid, dues).items():
                tr = r["tranches"][t]
                tr["interestPaid"] = min(a, tr["interestDue"])   # interest before the commitment fee
                tr["feePaid"] = a - tr["interestPaid"]
        return cash - paid

    def principal_step(self, r, step, tids, cash, pay):
        dues = {t: r["tranches"][t]["principalDue"] for t in tids}
        due = sum(dues.values())
        paid = min(due, cash)
        r["steps"][STEPS[step]] = dict(due=due, paid=paid)
        if due:
            for t, a in largest_remainder(paid, dues).items():
                r["tranches"][t]["principalPaid"] = a
                sched, towards = self.schedules[t], self.paid[t]["installments"]
                this_run = r["installmentsPaid"].setdefault(t, {})
                for d, inst in zip(sched["due"], self.fixed_installments(t)):   # the oldest installment first
                    if d > pay or a == 0:
                        break
                    part = min(inst - towards.get(d, 0), a)
                    towards[d] = towards.get(d, 0) + part
                    this_run[d] = part
                    a -= part
        return cash - paid

    def target(self, end, r):
        """T: forecast senior debt service of the dsraPeriods periods after `end`."""
        total = 0
        for tid in sorted(r["tranches"]):
            if not self.senior(tid):
                continue
            after = self.outstanding(tid) - r["tranches"][tid]["principalPaid"]
            sched = self.schedules.get(tid)
            due, amounts = [], []
            if sched:
                due = sched["due"]
                amounts = (self.fixed_installments(tid) if end + timedelta(days=1) >= due[0]
                           else self.installments(tid, after))
            rate = self.all_in(tid, end)
            balance, pe = after, end
            for _ in range(self.terms["dsraPeriods"]):
                start, pe = pe + timedelta(days=1), self.next_end(pe)
                total += rounded_cents(balance * rate * ((pe - start).days + 1) / 36000)
                for d, a in zip(due, amounts):
                    if d == pe + timedelta(days=1):
                        a = min(a, balance)
                        total += a
                        balance -= a
        return total

    def coverage(self, end):
        """(sum of CFADS, sum of each period's own senior debt service) over the periods ending in (end - 12m, end]."""
        num = den = 0
        year_before = date(end.year - 1, end.month, end.day)
        e = self.first_end()
        while e <= end:
            if e > year_before:
                num += self.flows[e]["cfads"]
                for tid in sorted(self.ledger.tranches):
                    if not self.senior(tid):
                        continue
                    interest, fee = self.accrued(tid, self.start_of(e), e)
                    den += interest + fee
                    sched = self.schedules.get(tid)
                    if sched and e + timedelta(days=1) >= sched["due"][0]:
                        for d, a in zip(sched["due"], self.fixed_installments(tid)):
                            if d == e + timedelta(days=1):
                                den += min(a, self.outstanding(tid, e))
            e = self.next_end(e)
        return num, den

    # --- views as of a date -------------------------------------------------------------------------------------
    def done(self, as_of):
        return [(end, r) for end, r in self.runs.items() if end + timedelta(days=1) <= as_of]

    def tranche_fields(self, tid, as_of):
        done = self.done(as_of)
        interest = sum(r["tranches"][tid]["interestPaid"] for _, r in done)
        fee = sum(r["tranches"][tid]["feePaid"] for _, r in done)
        arrears = done[-1][1]["tranches"][tid]["arrearsAfter"] if done else 0
        schedule = []
        sched = self.schedules.get(tid)
        if sched and sched["date"] <= as_of:
            fixed_on = sched["due"][0] - timedelta(days=1)
            amounts = self.fixed_installments(tid) if fixed_on <= as_of else [None] * len(sched["due"])
            paid = {}
            for end, r in done:
                for d, a in r["installmentsPaid"].get(tid, {}).items():
                    paid[d] = paid.get(d, 0) + a
            for d, p, a in zip(sched["due"], sched["pct"], amounts):
                schedule.append({"dueDate": d.isoformat(), "pct": reported_pct(p), "amount": None if a is None else money(a),
                                 "paid": money(paid.get(d, 0))})
        return {"interestPaid": money(interest), "feesPaid": money(fee), "principalArrears": money(arrears),
                "schedule": schedule}

    def distributed(self, inv, as_of):
        return sum(r["allocations"].get(inv, 0) for _, r in self.done(as_of))

    def balances(self, as_of):
        done = self.done(as_of)
        return (done[-1][1]["dsra"]["closing"], done[-1][1]["lockUp"]["closing"]) if done else (0, 0)

    def cash_flows(self, as_of):
        t = self.terms
        terms = None if t is None or t["date"] > as_of else {
            "operationsStart": t["start"].isoformat(), "periodMonths": t["months"], "lockUpDscr": reported_dscr(t["lockUpText"]),
            "defaultDscr": reported_dscr(t["defaultText"]), "dsraPeriods": t["dsraPeriods"]}
        periods = []
        for end in sorted(self.flows):
            if end > as_of:
                continue
            f, r = self.flows[end], self.runs.get(end)
            waterfall = None
            if r is not None and end + timedelta(days=1) <= as_of:
                waterfall = {
                    "cashAvailable": money(r["cashAvailable"]),
                    "steps": [{"step": st, "due": money(r["steps"][st]["due"]), "paid": money(r["steps"][st]["paid"]),
                               "shortfall": money(r["steps"][st]["due"] - r["steps"][st]["paid"])} for st in STEPS],
                    "dsra": {k: money(v) for k, v in r["dsra"].items()},
                    "lockUp": {k: money(v) for k, v in r["lockUp"].items()},
                    "dscr": r["dscr"], "distributionTest": r["distributionTest"],
                    "distributed": money(r["distributed"])}
            periods.append({"periodEnd": end.isoformat(), "paymentDate": (end + timedelta(days=1)).isoformat(),
                            "revenue": money(f["revenue"]), "operatingCosts": money(f["operatingCosts"]),
                            "taxes": money(f["taxes"]), "maintenanceCapex": money(f["maintenanceCapex"]),
                            "cfads": money(f["cfads"]), "waterfall": waterfall})
        defaults = [{"id": i, "periodEnd": e["period"].isoformat(), "reason": e["reason"], "waived": False}
                    for i, e in sorted(self.eods.items()) if e["period"] + timedelta(days=1) <= as_of]
        return {"programId": self.ledger.program["id"], "asOf": as_of.isoformat(), "terms": terms,
                "periods": periods, "eventsOfDefault": defaults}

    def distributions(self, as_of):
        return [{"paymentDate": (end + timedelta(days=1)).isoformat(), "amount": money(r["distributed"]),
                 "allocations": [{"investorId": i, "amount": money(a)} for i, a in sorted(r["allocations"].items())],
                 "excluded": [{"investorId": i, "reason": "IN_DEFAULT"} for i in r["excluded"]]}
                for end, r in self.done(as_of) if r["distributed"] > 0]


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


def accruals(ledger, tid, x, as_of, since=None):
    """(interest, fee) as exact Fractions of cents over the days from `since` (default: the tranche's creation)
    through as_of."""
    t = ledger.tranches[tid]
    fixings = {k: v for k, v in ledger.fixings.get(t["baseRate"], {}).items() if k <= as_of}
    interest = fee = Fraction(0)
    d = max(t["date"], since or t["date"])
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
            "distributed": money(ledger.ops.distributed(i, as_of))})
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
            **ledger.ops.tranche_fields(tid, as_of)})
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
        "interestPaid": money(int(sum(Decimal(t["interestPaid"]) * 100 for t in tranches))),
        "feesPaid": money(int(sum(Decimal(t["feesPaid"]) * 100 for t in tranches)))}
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
            "capitalisation": capitalisation, "phases": phases,
            "dsraBalance": money(ledger.ops.balances(as_of)[0]), "lockUpBalance": money(ledger.ops.balances(as_of)[1])}

# ---------------------------------------------------------------------------------------------------------------
# Section 10's returns and capital accounts, from the dated flows of each investor.
# ---------------------------------------------------------------------------------------------------------------

def irr_pct(flows):
    """The annual rate r with sum(cf / (1 + r) ** ((d - d0) / 365)) = 0 over the flows [(date, cents)], d0 the first
    date, as a percent HALF_EVEN to 4 dp; None without a sign change or a root above -100 %. Bisection in 60-digit
    decimals: the net present value of flows that all go out before any comes back falls as r rises, so it has one
    root, bracketed here between -99.99...% and a rate doubled until the value is negative."""
    flows = [(d, c) for d, c in flows if c != 0]
    if not any(c < 0 for _, c in flows) or not any(c > 0 for _, c in flows):
        return None
    ctx = Context(prec=60)
    d0 = min(d for d, _ in flows)

    def npv(r):
        log = ctx.ln(ctx.add(Decimal(1), r))
        return sum((ctx.multiply(Decimal(c), ctx.exp(ctx.multiply(-log, ctx.divide(Decimal((d - d0).days), 365))))
                    for d, c in flows), Decimal(0))

    lo, hi = Decimal("-0.999999999999"), Decimal(1)
    if npv(lo) <= 0:
        return None
    while npv(hi) > 0:
        hi *= 2
        if hi > 10 ** 9:
            return None
    for _ in range(240):
        mid = ctx.divide(ctx.add(lo, hi), 2)
        if npv(mid) > 0:
            lo = mid
        else:
            hi = mid
    return fixed(Fraction(lo) * 100, 4)


def multiple(x, contributed):
    return None if contributed == 0 else fixed(Fraction(x, contributed), 4)


class Returns:
    """Each investor's dated contributions and distributions and NAV as of a date (DESIGN.md section 10)."""

    def __init__(self, ledger, as_of):
        self.as_of = as_of
        s = fold(ledger, as_of)
        self.investors = sorted(s["investors"])
        self.committed = {i: a["committed"] for i, a in s["investors"].items()}
        self.unfunded = {i: a["committed"] - a["called"] for i, a in s["investors"].items()}
        paid_in = {i: a["called"] - a["defaulted"] for i, a in s["investors"].items()}
        # A call's allocation on the call's date; one defaulted (by as_of) only once cured, on the cure's date.
        defaulted, cured = set(), {}
        for d, kind, e in ledger.events:
            if d <= as_of and kind == "default":
                defaulted.add((e["call"], e["inv"]))
            elif d <= as_of and kind == "cure":
                cured[(e["call"], e["inv"])] = d
        self.contributions = {i: [] for i in self.investors}
        for d, kind, e in ledger.events:
            if d <= as_of and kind == "call":
                for i, a in e["alloc"].items():
                    key = (e["call"], i)
                    if key not in defaulted:
                        self.contributions[i].append((d, a))
                    elif key in cured:
                        self.contributions[i].append((cured[key], a))
        self.distributions = {i: [] for i in self.investors}
        for end, r in ledger.ops.done(as_of):
            for i, a in r["allocations"].items():
                self.distributions[i].append((end + timedelta(days=1), a))
        for i in self.investors:
            assert sum(a for _, a in self.contributions[i]) == paid_in[i], i
        valued = [d for d in ledger.valuations if d <= as_of]
        total_paid_in = sum(paid_in.values())
        if valued and total_paid_in > 0:
            self.program_nav = ledger.valuations[max(valued)]
            self.nav = {i: 0 for i in self.investors}
            self.nav.update(largest_remainder(self.program_nav, paid_in))
            self.basis = "VALUATION"
        else:
            self.program_nav = total_paid_in
            self.nav = dict(paid_in)
            self.basis = "COST"
        assert sum(self.nav.values()) == self.program_nav

    def contributed(self, i, start=None, end=None):
        return sum(a for d, a in self.contributions[i] if (start is None or d >= start) and (end is None or d <= end))

    def distributed(self, i, start=None, end=None):
        return sum(a for d, a in self.distributions[i] if (start is None or d >= start) and (end is None or d <= end))

    def flows(self, i):
        return [(d, -a) for d, a in self.contributions[i]] + list(self.distributions[i])

    @staticmethod
    def figures(contributed, distributed, nav, basis, flows):
        return {"contributed": money(contributed), "distributed": money(distributed), "nav": money(nav),
                "navBasis": basis, "dpi": multiple(distributed, contributed), "rvpi": multiple(nav, contributed),
                "tvpi": multiple(distributed + nav, contributed), "irrPct": irr_pct(flows)}

    def view(self, program_id):
        investors, program_flows = [], []
        for i in self.investors:
            flows = self.flows(i)
            program_flows += flows
            investors.append({"investorId": i, **self.figures(self.contributed(i), self.distributed(i), self.nav[i],
                                                              self.basis, flows + [(self.as_of, self.nav[i])])})
        program = self.figures(sum(self.contributed(i) for i in self.investors),
                               sum(self.distributed(i) for i in self.investors), self.program_nav, self.basis,
                               program_flows + [(self.as_of, self.program_nav)])
        return {"programId": program_id, "asOf": self.as_of.isoformat(), "investors": investors, "program": program}


def capital_accounts(ledger, start, end):
    """The roll-forward of every investor over start..end (both inclusive) and the program's, their sum."""
    before, after = Returns(ledger, start - timedelta(days=1)), Returns(ledger, end)
    names = ["beginningNav", "contributions", "distributions", "netChangeInValue", "endingNav", "committed",
             "unfunded"]
    investors, total = [], dict.fromkeys(names, 0)
    for i in after.investors:
        begin, finish = before.nav.get(i, 0), after.nav[i]
        contributions, distributions = after.contributed(i, start, end), after.distributed(i, start, end)
        figures = dict(zip(names, [begin, contributions, distributions, finish - begin - contributions + distributions,
                                   finish, after.committed[i], after.unfunded[i]]))
        for k in names:
            total[k] += figures[k]
        investors.append({"investorId": i, **{k: money(v) for k, v in figures.items()}})
    return {"programId": ledger.program["id"], "from": start.isoformat(), "to": end.isoformat(),
            "investors": investors, "program": {k: money(v) for k, v in total.items()}}


def main():
    with open(SCENARIO, encoding="utf-8") as f:
        scenario = json.load(f)
    ledger = Ledger()
    for n, step in enumerate(scenario["steps"] + scenario["operations"], 1):
        try:
            ledger.apply(step["path"], step["body"])
        except Rejected as r:
            sys.exit(f"step {n} {step['path']} would be rejected: {r}")
    assert ledger.program["id"] == scenario["programId"]

    result = {"positions": {d.isoformat(): positions(ledger, d) for d in AS_OF},
              "cashFlows": {d.isoformat(): ledger.ops.cash_flows(d) for d in CASH_FLOWS_AS_OF},
              "distributions": {d.isoformat(): ledger.ops.distributions(d) for d in CASH_FLOWS_AS_OF},
              "returns": {d.isoformat(): Returns(ledger, d).view(ledger.program["id"]) for d in RETURNS_AS_OF},
              "capitalAccounts": {f"{a.isoformat()}/{b.isoformat()}": capital_accounts(ledger, a, b)
                                  for a, b in PERIODS}}

    # Self-checks: allocations sum to each call, lender splits to each draw / repayment, each distribution's
    # allocations to its amount.
    for cid, c in ledger.calls.items():
        assert sum(c["alloc"].values()) == c["amount"], cid
    for d, kind, e in ledger.events:
        if kind in ("draw", "repay"):
            assert sum(e["split"].values()) == e["amount"], (kind, e)
    for end, r in ledger.ops.runs.items():
        assert r["distributed"] == 0 or sum(r["allocations"].values()) == r["distributed"], end

    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")

    for cid, c in ledger.calls.items():
        print(cid, c["date"], money(c["amount"]), {i: money(a) for i, a in sorted(c["alloc"].items())})
    for d, kind, e in ledger.events:
        if kind in ("draw", "repay"):
            print(kind, e["tranche"], d, money(e["amount"]), {l: money(a) for l, a in sorted(e["split"].items())})
    for end, r in ledger.ops.runs.items():
        print("waterfall", end, "cfads", money(ledger.ops.flows[end]["cfads"]), "dscr", r["dscr"],
              "dsra", money(r["dsra"]["closing"]), "/", money(r["dsra"]["target"]),
              "trapped", money(r["lockUp"]["trapped"]), "distributed", money(r["distributed"]),
              " ".join(r["distributionTest"]["reasons"]))
    for d, r in result["returns"].items():
        p = r["program"]
        print("returns", d, p["navBasis"], "nav", p["nav"], "tvpi", p["tvpi"], "irr", p["irrPct"],
              " ".join(f'{i["investorId"]} {i["tvpi"]}/{i["irrPct"]}' for i in r["investors"]))
    print("wrote", OUTPUT)


if __name__ == "__main__":
    main()

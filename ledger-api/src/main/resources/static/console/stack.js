// The capital stack of a program as of a date: equity by investor and debt by tranche, the gearing against the
// covenant, called against unfunded per investor. The date slider runs from the program's start to today.
import { json, amount, plot, today, cell, chart, guarded } from './common.js';

const DAY = 86_400_000;
let start = null;
let shownProgram = null;
let pending = null;

function dateAt(offset) {
    return new Date(Date.parse(start) + offset * DAY).toISOString().slice(0, 10);
}

function offsetOf(date) {
    return Math.round((Date.parse(date) - Date.parse(start)) / DAY);
}

export function init() {
    const form = document.getElementById('stack-form');
    const slider = document.getElementById('stack-slider');
    const asOf = document.getElementById('stack-as-of');
    form.addEventListener('submit', event => {
        event.preventDefault();
        guarded(() => load(document.getElementById('stack-program').value.trim(), asOf.value));
    });
    // Moving the slider shows the date at once and asks for the figures once it rests for a moment.
    slider.addEventListener('input', () => {
        if (start === null) {
            return;
        }
        asOf.value = dateAt(Number(slider.value));
        document.getElementById('stack-slider-date').textContent = asOf.value;
        clearTimeout(pending);
        pending = setTimeout(() => guarded(() => load(shownProgram, asOf.value)), 150);
    });
}

export async function show(params) {
    const program = params.get('program') || document.getElementById('stack-program').value.trim();
    document.getElementById('stack-program').value = program;
    await load(program, params.get('asOf') || document.getElementById('stack-as-of').value || today());
}

async function load(programId, asOf) {
    const path = `/api/v1/programs/${encodeURIComponent(programId)}`;
    if (programId !== shownProgram) {
        const program = await json(path);
        start = program.effectiveDate;
        shownProgram = programId;
    }
    const slider = document.getElementById('stack-slider');
    slider.max = String(Math.max(offsetOf(today()), offsetOf(asOf), 0));
    slider.value = String(Math.max(0, offsetOf(asOf)));
    document.getElementById('stack-as-of').value = asOf;
    document.getElementById('stack-slider-date').textContent = asOf;
    const positions = await json(`${path}/positions?asOf=${asOf}`);
    render(positions);
    // How long the page took from navigation to its first figures, for anyone who looks (the tests report it).
    if (performance.getEntriesByName('capital-stack-shown').length === 0) {
        performance.mark('capital-stack-shown');
    }
}

function render(positions) {
    const investors = document.querySelector('#investors tbody');
    investors.replaceChildren();
    for (const investor of positions.investors) {
        const row = investors.insertRow();
        row.dataset.investor = investor.investorId;
        cell(row, `${investor.name} (${investor.investorId})`);
        for (const field of ['committed', 'called', 'paidIn', 'unfunded', 'defaulted', 'ownershipPct']) {
            cell(row, amount(investor[field]), { class: 'num', 'data-field': field });
        }
        cell(row, investor.status);
    }
    const tranches = document.querySelector('#tranches tbody');
    tranches.replaceChildren();
    for (const tranche of positions.tranches) {
        const row = tranches.insertRow();
        row.dataset.tranche = tranche.trancheId;
        cell(row, `${tranche.name} (${tranche.trancheId})`);
        cell(row, tranche.seniority);
        for (const field of ['commitment', 'drawn', 'outstanding', 'undrawn', 'allInRatePct', 'accruedInterest']) {
            cell(row, amount(tranche[field]), { class: 'num', 'data-field': field });
        }
    }
    const cap = positions.capitalisation;
    const covenant = document.getElementById('covenant');
    covenant.textContent = `As of ${positions.asOf}: paid-in equity ${amount(cap.paidInEquity)}, outstanding debt `
        + `${amount(cap.outstandingDebt)}; debt is ${cap.debtPctOfCapitalisation} % of capitalisation against a `
        + `covenant of at most ${cap.maxDebtPct} %: ${cap.covenantOk ? 'within the covenant' : 'COVENANT BREACHED'}.`;
    covenant.className = cap.covenantOk ? 'good' : 'bad';
    covenant.dataset.debtPct = cap.debtPctOfCapitalisation;

    const series = [
        ...positions.investors.map(investor => ({
            name: investor.investorId, type: 'bar', stack: 'capital', data: [plot(investor.paidIn), 0],
        })),
        ...positions.tranches.map(tranche => ({
            name: tranche.trancheId, type: 'bar', stack: 'capital', data: [0, plot(tranche.outstanding)],
        })),
    ];
    chart('stack-chart').setOption({
        animation: false,
        tooltip: { trigger: 'item' },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 90, right: 16, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: ['Equity paid in', 'Debt outstanding'] },
        yAxis: { type: 'value', axisLabel: { formatter: value => `${value / 1e9} bn` } },
        series,
    }, true);
    chart('gearing-chart').setOption({
        animation: false,
        grid: { left: 48, right: 16, top: 16, bottom: 32 },
        xAxis: { type: 'category', data: ['Debt %'] },
        yAxis: { type: 'value', min: 0, max: 100 },
        series: [{
            type: 'bar', data: [plot(cap.debtPctOfCapitalisation)],
            itemStyle: { color: cap.covenantOk ? '#1a6b2f' : '#a4161a' },
            markLine: { symbol: 'none', data: [{ yAxis: plot(cap.maxDebtPct), name: 'covenant' }],
                label: { formatter: `covenant ${cap.maxDebtPct} %`, position: 'insideEndTop' }, lineStyle: { color: '#a4161a', type: 'dashed' } },
        }],
    }, true);
}

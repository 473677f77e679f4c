// A program's operations as of a date: each period's waterfall (sources beside uses), the DSCR against the lock-up
// and default lines, a table of every period's exact figures, and the events of default.
import { json, amount, plot, today, cell, chart, guarded } from './common.js';

const STEPS = [
    ['SENIOR_INTEREST_AND_FEES', 'Senior interest and fees'],
    ['SENIOR_PRINCIPAL', 'Senior principal'],
    ['MEZZANINE_INTEREST_AND_FEES', 'Mezzanine interest and fees'],
    ['MEZZANINE_PRINCIPAL', 'Mezzanine principal'],
];

const step = (waterfall, name) => waterfall.steps.find(s => s.step === name);
const money = value => period => amount(value(period));
const ofWaterfall = value => period => (period.waterfall ? amount(value(period.waterfall)) : '');

/** The table's rows, top to bottom as the waterfall runs: a label, a field name for tests, and the cell's text. */
const ROWS = [
    ['Payment date', 'paymentDate', period => period.paymentDate],
    ['Revenue', 'revenue', money(p => p.revenue)],
    ['Operating costs', 'operatingCosts', money(p => p.operatingCosts)],
    ['Taxes', 'taxes', money(p => p.taxes)],
    ['Maintenance capex', 'maintenanceCapex', money(p => p.maintenanceCapex)],
    ['CFADS', 'cfads', money(p => p.cfads)],
    ['Cash available', 'cashAvailable', ofWaterfall(w => w.cashAvailable)],
    ...STEPS.flatMap(([name, label]) => ['due', 'paid', 'shortfall'].map(figure =>
        [`${label}: ${figure}`, `${name}.${figure}`, ofWaterfall(w => step(w, name)[figure])])),
    ...['opening', 'drawn', 'released', 'toppedUp', 'closing', 'target'].map(figure =>
        [`DSRA: ${figure === 'toppedUp' ? 'topped up' : figure}`, `dsra.${figure}`, ofWaterfall(w => w.dsra[figure])]),
    ...['opening', 'trapped', 'released', 'closing'].map(figure =>
        [`Lock-up: ${figure}`, `lockUp.${figure}`, ofWaterfall(w => w.lockUp[figure])]),
    ['DSCR', 'dscr', period => (period.waterfall ? period.waterfall.dscr ?? 'not applicable' : '')],
    ['Distribution test', 'distributionTest', period => testResult(period.waterfall)],
    ['Distributed', 'distributed', ofWaterfall(w => w.distributed)],
];

function testResult(waterfall) {
    if (!waterfall) {
        return 'Not run';
    }
    return waterfall.distributionTest.passed ? 'Passed'
        : `Failed, cash locked up: ${waterfall.distributionTest.reasons.join(', ')}`;
}

export function init() {
    document.getElementById('cashflows-form').addEventListener('submit', event => {
        event.preventDefault();
        guarded(load);
    });
}

export async function show(params) {
    if (params.get('program')) {
        document.getElementById('cf-program').value = params.get('program');
    }
    const asOf = document.getElementById('cf-as-of');
    asOf.value = params.get('asOf') || asOf.value || today();
    await load();
}

async function load() {
    const programId = document.getElementById('cf-program').value.trim();
    const asOf = document.getElementById('cf-as-of').value;
    const flows = await json(`/api/v1/programs/${encodeURIComponent(programId)}/cash-flows?asOf=${asOf}`);
    renderTerms(flows);
    renderPeriods(flows.periods);
    renderDefaults(flows.eventsOfDefault);
    renderWaterfalls(flows.periods);
    renderDscr(flows);
}

function renderTerms({ programId, asOf, terms }) {
    const text = document.getElementById('cf-terms');
    text.textContent = terms === null ? `As of ${asOf}: ${programId} has no operating terms.`
        : `As of ${asOf}: ${programId} operates from ${terms.operationsStart} in periods of ${terms.periodMonths} `
        + `months; cash is locked up below a DSCR of ${terms.lockUpDscr}, an event of default opens below `
        + `${terms.defaultDscr}; the DSRA holds the next ${terms.dsraPeriods} period(s) of senior debt service.`;
}

function renderPeriods(periods) {
    const head = document.querySelector('#cf-periods thead');
    head.replaceChildren();
    const headRow = head.insertRow();
    for (const name of ['Period ending', ...periods.map(period => period.periodEnd)]) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = name;
        th.className = name === 'Period ending' ? '' : 'num';
        headRow.appendChild(th);
    }
    const body = document.querySelector('#cf-periods tbody');
    body.replaceChildren();
    for (const [label, field, text] of ROWS) {
        const row = body.insertRow();
        row.dataset.field = field;
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = label;
        row.appendChild(th);
        for (const period of periods) {
            if (field !== 'distributionTest') {
                cell(row, text(period), { class: 'num', 'data-period': period.periodEnd });
            } else {
                // In words and in colour: the colour alone would tell nothing to some readers.
                const passed = period.waterfall?.distributionTest.passed;
                cell(row, text(period), { class: passed === undefined ? '' : passed ? 'good' : 'bad',
                    'data-period': period.periodEnd });
            }
        }
    }
}

function renderDefaults(eventsOfDefault) {
    document.getElementById('cf-no-defaults').hidden = eventsOfDefault.length > 0;
    document.getElementById('cf-defaults').hidden = eventsOfDefault.length === 0;
    const body = document.querySelector('#cf-defaults tbody');
    body.replaceChildren();
    for (const event of eventsOfDefault) {
        const row = body.insertRow();
        row.dataset.id = event.id;
        cell(row, event.id);
        cell(row, event.periodEnd);
        cell(row, event.reason);
        cell(row, event.waived ? 'Waived' : 'Open', { class: event.waived ? '' : 'bad' });
    }
}

/** Sources beside uses for each period: the two stacks are equal, as every waterfall spends exactly what it has. */
function renderWaterfalls(periods) {
    const paid = (waterfall, names) => names.reduce((sum, name) => sum + plot(step(waterfall, name).paid), 0);
    const series = (name, stack, color, value) => ({
        name, type: 'bar', stack, itemStyle: { color },
        data: periods.map(period => (period.waterfall ? value(period.waterfall) : null)),
    });
    chart('waterfall-chart').setOption({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 72, right: 16, top: 16, bottom: 96 },
        xAxis: { type: 'category', data: periods.map(period => period.periodEnd) },
        yAxis: { type: 'value', axisLabel: { formatter: value => `${value / 1e6} m` } },
        series: [
            series('Cash available', 'sources', '#4a5560', w => plot(w.cashAvailable)),
            series('DSRA drawn', 'sources', '#6a3d9a', w => plot(w.dsra.drawn)),
            series('DSRA released', 'sources', '#b294d6', w => plot(w.dsra.released)),
            series('Lock-up released', 'sources', '#d08c00', w => plot(w.lockUp.released)),
            series('Senior debt service (1-2)', 'uses', '#0b5cad', w => paid(w, ['SENIOR_INTEREST_AND_FEES',
                'SENIOR_PRINCIPAL'])),
            series('DSRA topped up', 'uses', '#8e6bbf', w => plot(w.dsra.toppedUp)),
            series('Mezzanine debt service (4-5)', 'uses', '#5d9be0', w => paid(w, ['MEZZANINE_INTEREST_AND_FEES',
                'MEZZANINE_PRINCIPAL'])),
            series('Lock-up trapped', 'uses', '#a4161a', w => plot(w.lockUp.trapped)),
            series('Distributed', 'uses', '#1a6b2f', w => plot(w.distributed)),
        ],
    }, true);
}

function renderDscr({ terms, periods }) {
    const line = (name, color, type, value) => ({
        name, type: 'line', connectNulls: false, showSymbol: type === 'solid', itemStyle: { color },
        lineStyle: { color, type }, data: periods.map(value),
    });
    const threshold = value => () => (terms === null ? null : plot(value));
    chart('dscr-chart').setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 48, right: 16, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: periods.map(period => period.periodEnd) },
        yAxis: { type: 'value', min: 0 },
        series: [
            line('DSCR', '#0b5cad', 'solid', period => (period.waterfall?.dscr == null ? null : plot(period.waterfall.dscr))),
            line('Lock-up', '#d08c00', 'dashed', threshold(terms?.lockUpDscr)),
            line('Default', '#a4161a', 'dashed', threshold(terms?.defaultDscr)),
        ],
    }, true);
}

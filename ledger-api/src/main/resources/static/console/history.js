// An investor's or a tranche's history month by month. The positions at every month end come in one request: a
// what-if without changes answers the ledger's own positions at a schedule of dates.
import { json, amount, plot, today, cell, chart, guarded, say } from './common.js';

const INVESTOR_FIGURES = ['committed', 'called', 'paidIn', 'defaulted', 'unfunded'];
const TRANCHE_FIGURES = ['drawn', 'repaid', 'outstanding', 'accruedInterest', 'accruedCommitmentFee'];

export function init() {
    document.getElementById('history-form').addEventListener('submit', event => {
        event.preventDefault();
        guarded(load);
    });
}

export async function show(params) {
    const program = document.getElementById('history-program');
    if (params.get('program')) {
        program.value = params.get('program');
    }
    if (params.get('subject')) {
        document.getElementById('history-subject').value = params.get('subject');
    }
    const to = document.getElementById('history-to');
    if (!to.value) {
        to.value = today();
    }
    const from = document.getElementById('history-from');
    if (!from.value) {
        from.value = (await json(`/api/v1/programs/${encodeURIComponent(program.value.trim())}`)).effectiveDate;
    }
    if (document.getElementById('history-subject').value.trim()) {
        await load();
    }
}

async function load() {
    const programId = document.getElementById('history-program').value.trim();
    const subject = document.getElementById('history-subject').value.trim();
    const result = await json(`/api/v1/programs/${encodeURIComponent(programId)}/what-if`, {
        method: 'POST',
        body: { changes: [], schedule: { from: document.getElementById('history-from').value,
            to: document.getElementById('history-to').value, every: 'P1M' } },
    });
    const investor = result.base.some(p => p.investors.some(i => i.investorId === subject));
    const tranche = result.base.some(p => p.tranches.some(t => t.trancheId === subject));
    if (!investor && !tranche) {
        say(`${subject} is neither an investor nor a tranche of ${programId} in these months.`, true);
        return;
    }
    const figures = investor ? INVESTOR_FIGURES : TRANCHE_FIGURES;
    const rows = result.base.map(positions => ({
        asOf: positions.asOf,
        values: (investor ? positions.investors : positions.tranches)
            .find(item => (investor ? item.investorId : item.trancheId) === subject) ?? {},
    }));
    const head = document.querySelector('#history-table thead');
    head.replaceChildren();
    const headRow = head.insertRow();
    for (const name of ['As of', ...figures]) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = name;
        headRow.appendChild(th);
    }
    const body = document.querySelector('#history-table tbody');
    body.replaceChildren();
    for (const { asOf, values } of rows) {
        const row = body.insertRow();
        cell(row, asOf);
        for (const figure of figures) {
            cell(row, amount(values[figure]), { class: 'num', 'data-field': figure });
        }
    }
    document.getElementById('history-caption').textContent =
        `${investor ? 'Investor' : 'Tranche'} ${subject} of ${programId}, month by month`;
    chart('history-chart').setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 90, right: 16, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: rows.map(row => row.asOf) },
        yAxis: { type: 'value', axisLabel: { formatter: value => `${value / 1e9} bn` } },
        series: figures.map(figure => ({ name: figure, type: 'line', data: rows.map(row => plot(row.values[figure])) })),
    }, true);
}

// A what-if built in a form: the changes, the dates to report; base against scenario as a chart and the API's
// table of differences. A scenario can be saved under a name and run again later through the API.
import { json, amount, plot, today, cell, chart, guarded } from './common.js';

const BASE_RATES = ['SOFR', 'TERM-SOFR-1M', 'TERM-SOFR-3M', 'TERM-SOFR-6M', 'TERM-SOFR-12M'];

function labelled(label, control) {
    const id = `wi-${Math.random().toString(36).slice(2, 10)}`;
    control.id = id;
    const text = document.createElement('label');
    text.htmlFor = id;
    text.textContent = label;
    return [text, control];
}

function input(name, type = 'text', value = '') {
    const element = document.createElement(type === 'textarea' ? 'textarea' : 'input');
    if (type !== 'textarea') {
        element.type = type;
    }
    element.name = name;
    element.value = value;
    element.required = true;
    return element;
}

function addChange(op) {
    const row = document.createElement('div');
    row.className = 'change';
    row.dataset.op = op;
    const parts = [];
    if (op === 'shiftRate') {
        const rate = document.createElement('select');
        rate.name = 'baseRate';
        for (const name of BASE_RATES) {
            rate.add(new Option(name, name));
        }
        parts.push(...labelled('Base rate', rate), ...labelled('From', input('from', 'date')),
            ...labelled('Basis points', input('bps', 'number', '100')));
    } else if (op === 'remove') {
        parts.push(...labelled('Event id (the timeline\'s entry id)', input('eventId')));
    } else {
        parts.push(...labelled('Command, as its endpoint takes it, with its type', input('command', 'textarea',
            '{"type": "draw", "trancheId": "", "drawId": "", "amount": "", "currency": "USD", "effectiveDate": ""}')));
    }
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove change';
    remove.addEventListener('click', () => row.remove());
    row.append(`${op}: `, ...parts, remove);
    document.getElementById('wi-changes').appendChild(row);
    parts[1].focus();
    return row;
}

function request() {
    const changes = [...document.querySelectorAll('#wi-changes .change')].map((row, index) => {
        const value = name => row.querySelector(`[name=${name}]`).value.trim();
        switch (row.dataset.op) {
            case 'shiftRate':
                return { op: 'shiftRate', baseRate: value('baseRate'), from: value('from'), bps: Number(value('bps')) };
            case 'remove':
                return { op: 'remove', eventId: value('eventId') };
            default:
                try {
                    return { op: 'add', command: JSON.parse(value('command')) };
                } catch (error) {
                    throw new Error(`The command of change ${index + 1} is not JSON: ${error.message}`);
                }
        }
    });
    const asOf = document.getElementById('wi-dates').value.split(',').map(date => date.trim()).filter(Boolean);
    return { asOf, changes };
}

export function init() {
    document.getElementById('wi-add').addEventListener('click', () => addChange(document.getElementById('wi-op').value));
    document.getElementById('whatif-form').addEventListener('submit', event => {
        event.preventDefault();
        guarded(run);
    });
    document.getElementById('wi-save').addEventListener('click', () => guarded(save));
}

export async function show() {
    const dates = document.getElementById('wi-dates');
    if (!dates.value) {
        dates.value = today();
    }
}

function programPath() {
    return `/api/v1/programs/${encodeURIComponent(document.getElementById('wi-program').value.trim())}`;
}

async function run() {
    const result = await json(`${programPath()}/what-if`, { method: 'POST', body: request() });
    const body = document.querySelector('#differences tbody');
    body.replaceChildren();
    for (const difference of result.differences) {
        const row = body.insertRow();
        cell(row, difference.asOf);
        cell(row, difference.path);
        cell(row, amount(difference.base), { class: 'num' });
        cell(row, amount(difference.scenario), { class: 'num' });
        cell(row, amount(difference.delta), { class: 'num' });
    }
    if (result.differences.length === 0) {
        cell(body.insertRow(), 'No figure differs: the scenario gives the base.', { colspan: '5' });
    }
    const dates = result.base.map(positions => positions.asOf);
    const figure = (positions, pick) => positions.map(p => plot(pick(p)));
    chart('whatif-chart').setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 70, right: 60, top: 40, bottom: 56 },
        xAxis: { type: 'category', data: dates },
        yAxis: [{ type: 'value', name: 'accrued interest', axisLabel: { formatter: value => `${value / 1e6} m` } },
            { type: 'value', name: 'debt %', min: 0, max: 100 }],
        series: [
            { name: 'base accrued interest', type: 'bar', data: figure(result.base, p => p.debtTotals.accruedInterest) },
            { name: 'scenario accrued interest', type: 'bar',
                data: figure(result.scenario, p => p.debtTotals.accruedInterest) },
            { name: 'base debt %', type: 'line', yAxisIndex: 1,
                data: figure(result.base, p => p.capitalisation.debtPctOfCapitalisation) },
            { name: 'scenario debt %', type: 'line', yAxisIndex: 1,
                data: figure(result.scenario, p => p.capitalisation.debtPctOfCapitalisation) },
        ],
    }, true);
}

async function save() {
    const name = document.getElementById('wi-name').value.trim();
    const programId = document.getElementById('wi-program').value.trim();
    const saved = await json('/api/v1/scenarios', {
        method: 'POST', body: { name, programId, request: request() },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    document.getElementById('wi-saved').textContent = `Saved as ${saved.scenarioId} ("${saved.name}").`;
}

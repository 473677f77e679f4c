// One investor of a program: its capital account for a quarter and the year to date (the ILPA roll-forward), its
// cash flows quarter by quarter, its multiples and IRR at each quarter end, and the documents it receives as PDFs.
// A user signed in as an INVESTOR sees its own investor only, and no program-wide returns (the API refuses them).
import { api, json, amount, plot, today, cell, chart, guarded, say, currentSession, ApiError } from './common.js';

const ROLL_FORWARD = [
    ['Beginning NAV', 'beginningNav'],
    ['Contributions', 'contributions'],
    ['Less distributions', 'distributions'],
    ['Net change in value', 'netChangeInValue'],
    ['Ending NAV', 'endingNav'],
    ['Committed', 'committed'],
    ['Unfunded', 'unfunded'],
];

const QUARTER_COLUMNS = [
    ['Quarter end', 'quarterEnd'],
    ['Contributions', 'contributions'],
    ['Distributions', 'distributions'],
    ['Contributed', 'contributed'],
    ['Distributed', 'distributed'],
    ['NAV', 'nav'],
    ['NAV basis', 'navBasis'],
    ['DPI', 'dpi'],
    ['RVPI', 'rvpi'],
    ['TVPI', 'tvpi'],
    ['IRR %', 'irrPct'],
];

/** The investor the signed-in user is bound to (role INVESTOR), or null for the ledger's own staff. */
function ownInvestor() {
    const session = currentSession();
    return session.roles.includes('INVESTOR') ? session.investorId ?? '' : null;
}

const program = () => document.getElementById('inv-program').value.trim();
const path = () => `/api/v1/programs/${encodeURIComponent(program())}`;
const investor = () => ownInvestor() ?? document.getElementById('inv-investor').value;

/** The quarter chosen: its first and last days. */
function quarter() {
    const year = Number(document.getElementById('inv-year').value);
    const q = Number(document.getElementById('inv-quarter').value);
    return { from: isoDate(year, 3 * q - 3, 1), to: isoDate(year, 3 * q, 0) };
}

/** A date from a year, a month from 0 and a day of it; day 0 is the last day of the month before. */
function isoDate(year, month, day) {
    return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

/** The first day of the quarter that ends on the date. */
function quarterStart(end) {
    return isoDate(Number(end.slice(0, 4)), Number(end.slice(5, 7)) - 3, 1);
}

/** Every quarter end from the quarter that holds the first date through the last date (itself a quarter end). */
function quarterEnds(first, last) {
    const ends = [];
    let year = Number(first.slice(0, 4));
    let q = Math.floor((Number(first.slice(5, 7)) - 1) / 3) + 1;
    for (let end = isoDate(year, 3 * q, 0); end <= last; end = isoDate(year, 3 * q, 0)) {
        ends.push(end);
        [year, q] = q === 4 ? [year + 1, 1] : [year, q + 1];
    }
    return ends;
}

/** An amount in cents, exactly (the API's money has two decimals). */
function cents(value) {
    const [whole, fraction = ''] = String(value).split('.');
    const digits = BigInt(whole.replace('-', '') + (fraction + '00').slice(0, 2));
    return whole.startsWith('-') ? -digits : digits;
}

function decimal(centsValue) {
    const sign = centsValue < 0n ? '-' : '';
    const magnitude = centsValue < 0n ? -centsValue : centsValue;
    return `${sign}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}

export function init() {
    document.getElementById('investor-form').addEventListener('submit', event => {
        event.preventDefault();
        guarded(async () => {
            await loadInvestors();
            await load();
        });
    });
    document.getElementById('inv-program').addEventListener('change', () => guarded(loadInvestors));
}

export async function show(params) {
    const session = currentSession();
    if (params.get('program') || session.programId) {
        document.getElementById('inv-program').value = params.get('program') || session.programId;
    }
    // A quarter as 2027-Q1; by default the one chosen before, or the one that holds today.
    const [year, q] = (params.get('quarter') || '').split('-Q');
    const yearInput = document.getElementById('inv-year');
    if (year || !yearInput.value) {
        const now = today();
        yearInput.value = year || now.slice(0, 4);
        document.getElementById('inv-quarter').value = q || String(Math.floor((Number(now.slice(5, 7)) - 1) / 3) + 1);
    }
    const own = ownInvestor();
    document.getElementById('inv-investor-picker').hidden = own !== null;
    document.getElementById('inv-investor').required = own === null;
    document.getElementById('inv-own').hidden = own === null;
    document.getElementById('inv-own').textContent = own === null ? '' : `Investor ${own}`;
    if (own === '') {
        say('Your sign-in names no investor: there is nothing to show.', true);
        return;
    }
    await loadInvestors(params.get('investor'));
    if (investor()) {
        await load();
    }
}

/** The program's investors at the quarter's end, from its positions (not for an investor: it has its own). */
async function loadInvestors(wanted) {
    if (ownInvestor() !== null) {
        return;
    }
    const select = document.getElementById('inv-investor');
    const keep = wanted || select.value;
    const positions = await json(`${path()}/positions?asOf=${quarter().to}`);
    select.replaceChildren(...positions.investors.map(item => new Option(`${item.name} (${item.investorId})`,
        item.investorId, false, item.investorId === keep)));
    if (positions.investors.length === 0) {
        say(`${program()} has no investor by ${quarter().to}.`, true);
    }
}

async function load() {
    const { from, to } = quarter();
    const investorId = investor();
    const own = ownInvestor() !== null;
    const account = `${path()}/investors/${encodeURIComponent(investorId)}/capital-account`;
    // The documents first: an investor's statements and notices also date its first quarter.
    const documents = await documentsOf(investorId);
    const [quarterAccount, yearAccount] = await Promise.all([
        json(`${account}?from=${from}&to=${to}`), json(`${account}?from=${to.slice(0, 4)}-01-01&to=${to}`)]);
    renderAccount(quarterAccount, yearAccount);
    const rows = own ? await ownQuarters(account, documents, to) : await quarters(investorId, to);
    renderQuarters(rows);
    renderFlows(rows);
    document.getElementById('inv-returns').hidden = own;
    document.getElementById('inv-no-returns').hidden = !own;
    if (!own) {
        renderReturns(rows);
    }
    renderDocuments(investorId, documents);
}

/** Returns at every quarter end from the program's first through the one chosen, from the first contribution on. */
async function quarters(investorId, last) {
    const first = (await json(path())).effectiveDate;
    const answers = await Promise.all(quarterEnds(first, last).map(end => json(`${path()}/returns?asOf=${end}`)));
    const rows = [];
    let before = { contributed: '0.00', distributed: '0.00' };
    for (const returns of answers) {
        const figures = returns.investors.find(item => item.investorId === investorId);
        if (!figures || (rows.length === 0 && cents(figures.contributed) === 0n)) {
            continue;
        }
        // The quarter's flows are the differences of what was contributed and distributed to its end.
        rows.push({ quarterEnd: returns.asOf, ...figures,
            contributions: decimal(cents(figures.contributed) - cents(before.contributed)),
            distributions: decimal(cents(figures.distributed) - cents(before.distributed)) });
        before = figures;
    }
    return rows;
}

/**
 * An investor's own quarters from its capital accounts (it may not read the program's returns), from the quarter of
 * its earliest document, or of the chosen year's start when there is none.
 */
async function ownQuarters(account, documents, last) {
    const dates = documents ? [...documents.statements.map(s => s.from),
        ...documents.callNotices.map(n => n.effectiveDate), ...documents.distributionNotices.map(n => n.paymentDate)]
        : [];
    const first = dates.length > 0 ? dates.sort()[0] : `${last.slice(0, 4)}-01-01`;
    const ends = quarterEnds(first, last);
    // A quarter before its commitment has no account (404 UNKNOWN_INVESTOR): it is left out, not an error.
    const accounts = await Promise.all(ends.map(end => json(`${account}?from=${quarterStart(end)}&to=${end}`)
        .catch(error => {
            if (error instanceof ApiError && error.status === 404) {
                return null;
            }
            throw error;
        })));
    return accounts.filter(Boolean).map(item => ({ quarterEnd: item.to, contributions: item.contributions,
        distributions: item.distributions, nav: item.endingNav }));
}

/** The documents list, or null when the API has none to give (404) or refuses them to this role (403). */
async function documentsOf(investorId) {
    try {
        return await json(`${path()}/investors/${encodeURIComponent(investorId)}/documents`);
    } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
            document.getElementById('inv-no-documents').textContent = error.status === 404
                ? 'Documents not available.' : 'Your roles may not read these documents.';
            return null;
        }
        throw error;
    }
}

function renderAccount(quarterAccount, yearAccount) {
    const columns = [['quarter', quarterAccount], ['year', yearAccount]];
    document.getElementById('inv-period').textContent = `${quarterAccount.investorId} in ${quarterAccount.programId}`
        + `, as known at ${quarterAccount.knownAt}.`;
    const head = document.querySelector('#inv-account thead');
    head.replaceChildren();
    const headRow = head.insertRow();
    for (const [text, className] of [['', ''], [`Quarter ${quarterAccount.from} to ${quarterAccount.to}`, 'num'],
        [`Year to date ${yearAccount.from} to ${yearAccount.to}`, 'num']]) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = text;
        th.className = className;
        headRow.appendChild(th);
    }
    const body = document.querySelector('#inv-account tbody');
    body.replaceChildren();
    for (const [label, field] of ROLL_FORWARD) {
        const row = body.insertRow();
        row.dataset.field = field;
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = label;
        row.appendChild(th);
        for (const [period, figures] of columns) {
            cell(row, amount(figures[field]), { class: 'num', 'data-period': period });
        }
    }
}

function renderQuarters(rows) {
    const own = ownInvestor() !== null;
    const columns = own ? QUARTER_COLUMNS.filter(([, field]) =>
        ['quarterEnd', 'contributions', 'distributions', 'nav'].includes(field)) : QUARTER_COLUMNS;
    const head = document.querySelector('#inv-quarters thead');
    head.replaceChildren();
    const headRow = head.insertRow();
    for (const [label] of columns) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = label;
        headRow.appendChild(th);
    }
    const body = document.querySelector('#inv-quarters tbody');
    body.replaceChildren();
    for (const item of rows) {
        const row = body.insertRow();
        row.dataset.quarter = item.quarterEnd;
        for (const [, field] of columns) {
            const text = field === 'irrPct' && item.irrPct === null ? 'not applicable'
                : field === 'quarterEnd' || field === 'navBasis' ? item[field] : amount(item[field]);
            cell(row, text, { class: field === 'quarterEnd' ? 'nowrap' : 'num', 'data-field': field });
        }
    }
    document.getElementById('inv-no-quarters').hidden = rows.length > 0;
}

/** Contributions out of the investor's pocket (negative) and distributions back (positive), quarter by quarter. */
function renderFlows(rows) {
    chart('inv-flows-chart').setOption({
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 72, right: 16, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: rows.map(row => row.quarterEnd) },
        yAxis: { type: 'value', axisLabel: { formatter: value => `${value / 1e6} m` } },
        series: [
            { name: 'Contributions', type: 'bar', stack: 'flows', itemStyle: { color: '#a4161a' },
                data: rows.map(row => -plot(row.contributions)) },
            { name: 'Distributions', type: 'bar', stack: 'flows', itemStyle: { color: '#1a6b2f' },
                data: rows.map(row => plot(row.distributions)) },
        ],
    }, true);
}

/** The multiples and the IRR at each quarter end; a quarter without an IRR is a gap in its line, not a zero. */
function renderReturns(rows) {
    const line = (name, color, field) => ({ name, type: 'line', connectNulls: false, itemStyle: { color },
        data: rows.map(row => (row[field] === null || row[field] === undefined ? null : plot(row[field]))) });
    const base = {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 56, right: 16, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: rows.map(row => row.quarterEnd) },
    };
    chart('inv-multiples-chart').setOption({ ...base, yAxis: { type: 'value', min: 0 },
        series: [line('DPI', '#1a6b2f', 'dpi'), line('RVPI', '#d08c00', 'rvpi'), line('TVPI', '#0b5cad', 'tvpi')],
    }, true);
    chart('inv-irr-chart').setOption({ ...base, yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
        series: [line('IRR %', '#6a3d9a', 'irrPct')] }, true);
}

function renderDocuments(investorId, documents) {
    const list = document.getElementById('inv-documents');
    list.replaceChildren();
    document.getElementById('inv-no-documents').hidden = documents !== null;
    if (documents === null) {
        return;
    }
    const items = [
        ...documents.statements.map(s => [`Capital account statement, ${s.from} to ${s.to}`, s.href,
            `capital-account-${program()}-${investorId}-${s.from}-${s.to}.pdf`]),
        ...documents.callNotices.map(n => [`Capital call notice ${n.callId}, effective ${n.effectiveDate}`, n.href,
            `capital-call-notice-${program()}-${n.callId}-${investorId}.pdf`]),
        ...documents.distributionNotices.map(n => [`Distribution notice, paid ${n.paymentDate}`, n.href,
            `distribution-notice-${program()}-${n.paymentDate}-${investorId}.pdf`]),
    ];
    for (const [label, href, fileName] of items) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `${label} (PDF)`;
        button.dataset.href = href;
        button.addEventListener('click', () => guarded(() => download(href, fileName)));
        item.appendChild(button);
        list.appendChild(item);
    }
    if (items.length === 0) {
        const item = document.createElement('li');
        item.textContent = 'No document yet.';
        list.appendChild(item);
    }
}

/** The PDF through the API with the user's own credentials (a plain link would carry none), saved as a file. */
async function download(href, fileName) {
    const response = await api(href, { accept: 'application/pdf' });
    const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = named ? named[1] : fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

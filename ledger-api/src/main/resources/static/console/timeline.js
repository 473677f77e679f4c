// The audit trail, filtered and paged with the API's cursors; the CSV of a page is the API's CSV of exactly that page.
import { api, json, amount, cell, guarded, say } from './common.js';

let query = null;
let cursors = [null];
let page = 0;
let next = null;

function filters() {
    const params = new URLSearchParams();
    for (const name of ['programId', 'investorId', 'trancheId', 'type', 'outcome', 'actor']) {
        const value = document.querySelector(`#timeline-form [name=${name}]`).value.trim();
        if (value) {
            params.set(name, value);
        }
    }
    const from = document.getElementById('tl-from').value;
    const to = document.getElementById('tl-to').value;
    if (from) {
        params.set('from', `${from}T00:00:00Z`);
    }
    if (to) {
        // The API's "to" is exclusive: the day after the last day shown.
        params.set('to', new Date(Date.parse(to) + 86_400_000).toISOString().replace('.000Z', 'Z'));
    }
    params.set('limit', document.getElementById('tl-limit').value);
    return params;
}

function pageQuery() {
    const params = new URLSearchParams(query);
    if (cursors[page]) {
        params.set('cursor', cursors[page]);
    }
    return params;
}

export function init() {
    document.getElementById('timeline-form').addEventListener('submit', event => {
        event.preventDefault();
        query = filters();
        cursors = [null];
        page = 0;
        guarded(load);
    });
    document.getElementById('tl-next').addEventListener('click', () => {
        cursors[page + 1] = next;
        page += 1;
        guarded(load);
    });
    document.getElementById('tl-previous').addEventListener('click', () => {
        page -= 1;
        guarded(load);
    });
    document.getElementById('tl-csv').addEventListener('click', () => guarded(downloadCsv));
}

export async function show(params) {
    if (params.get('programId')) {
        document.getElementById('tl-program').value = params.get('programId');
    }
    query = filters();
    cursors = [null];
    page = 0;
    await load();
}

async function load() {
    const result = await json(`/api/v1/audit/entries?${pageQuery()}`);
    next = result.nextCursor;
    const body = document.querySelector('#timeline tbody');
    body.replaceChildren();
    for (const entry of result.entries) {
        const row = body.insertRow();
        row.dataset.position = entry.position;
        cell(row, entry.position, { class: 'num' });
        cell(row, entry.recordedAt, { class: 'nowrap' });
        cell(row, entry.type);
        cell(row, entry.outcome === 'REJECTED' ? `REJECTED ${entry.code ?? ''}` : entry.outcome,
            entry.outcome === 'REJECTED' ? { class: 'bad' } : {});
        cell(row, entry.programId);
        cell(row, [entry.investorId, entry.trancheId, entry.callId, entry.phaseId].filter(Boolean).join(' '));
        cell(row, amount(entry.amount), { class: 'num' });
        cell(row, entry.effectiveDate, { class: 'nowrap' });
        cell(row, entry.actor);
        cell(row, entry.reason);
        const links = cell(row, '');
        if (entry.programId && entry.effectiveDate && entry.outcome === 'ACCEPTED') {
            const before = new Date(Date.parse(entry.effectiveDate) - 86_400_000).toISOString().slice(0, 10);
            links.append(positionsLink(entry.programId, before, 'before'), ' ',
                positionsLink(entry.programId, entry.effectiveDate, 'after'));
        }
    }
    document.getElementById('tl-page').textContent = `Page ${page + 1}: ${result.entries.length} entries`;
    document.getElementById('tl-previous').disabled = page === 0;
    document.getElementById('tl-next').disabled = !next;
    document.getElementById('tl-csv').disabled = result.entries.length === 0;
    if (result.entries.length === 0) {
        say('No entry matches these filters.');
    }
}

function positionsLink(programId, date, label) {
    const link = document.createElement('a');
    link.href = `#stack?program=${encodeURIComponent(programId)}&asOf=${date}`;
    link.textContent = label;
    link.setAttribute('aria-label', `positions of ${programId} ${label} (as of ${date})`);
    return link;
}

async function downloadCsv() {
    const response = await api(`/api/v1/audit/entries?${pageQuery()}`, { accept: 'text/csv' });
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `audit-trail-page-${page + 1}.csv`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

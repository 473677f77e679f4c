// Webhook subscriptions to the event feed (ADMIN): how far each got, why it fails, redelivery, its delivery log, a new
// one (its secret shown once), and deleting one. The list refreshes itself while the page is open; rows are updated in place, so a
// from-seq being typed and the focus survive a refresh.
import { amount, api, cell, guarded, json, say } from './common.js';

const PATH = '/api/v1/subscriptions';
const REFRESH_MS = 5000;
const LOG_SIZE = 20;

let timer = null;
/** The subscription whose delivery log is open, if any. */
let logOf = null;

const page = () => document.getElementById('page-subscriptions');
const path = id => `${PATH}/${encodeURIComponent(id)}`;

/** An instant as the API gives it, to the second, in UTC. */
function when(instant) {
    return instant ? instant.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '';
}

/** A POST as every console POST: with a fresh idempotency key, so that a retried click is not done twice. */
function post(url, body) {
    return json(url, { method: 'POST', body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
}

export function init() {
    document.getElementById('sub-refresh').addEventListener('click', () => guarded(refresh));
    document.getElementById('sub-form').addEventListener('submit', event => {
        event.preventDefault();
        guarded(create);
    });
    document.getElementById('sub-secret-done').addEventListener('click', () => {
        document.getElementById('sub-secret').textContent = '';
        document.getElementById('sub-created').hidden = true;
    });
}

export async function show() {
    if (timer === null) {
        timer = setInterval(tick, REFRESH_MS);
    }
    await refresh();
}

/**
 * A periodic refresh while the page is shown; it stops when another page (or the sign-in) is. It leaves the status
 * line alone unless it fails, so that a refusal shown there stays until the user's next action.
 */
function tick() {
    if (page().hidden) {
        clearInterval(timer);
        timer = null;
        return;
    }
    refresh().catch(error => say(error.message, true));
}

async function refresh() {
    const subscriptions = await json(PATH);
    const body = document.querySelector('#subscriptions tbody');
    const ids = new Set(subscriptions.map(s => s.subscriptionId));
    for (const row of [...body.rows]) {
        if (!ids.has(row.dataset.subscription)) {
            row.remove();
        }
    }
    for (const subscription of subscriptions) {
        update(rowOf(subscription.subscriptionId, body), subscription);
    }
    document.getElementById('sub-none').hidden = subscriptions.length > 0;
    document.getElementById('sub-refreshed').textContent = `Read at ${new Date().toISOString().slice(11, 19)} UTC; `
        + `refreshed every ${REFRESH_MS / 1000} s while this page is open.`;
    if (logOf !== null) {
        if (ids.has(logOf)) {
            await showLog(logOf);
        } else {
            logOf = null;
            document.getElementById('sub-log').hidden = true;
        }
    }
}

/** The subscription's row, made (with its controls) the first time it is shown. */
function rowOf(id, body) {
    const existing = [...body.rows].find(row => row.dataset.subscription === id);
    if (existing) {
        return existing;
    }
    const row = document.createElement('tr');
    row.dataset.subscription = id;
    for (const field of ['url', 'filters', 'status', 'lag', 'deliveredThroughSeq', 'lastError', 'attempts']) {
        cell(row, '', { 'data-field': field });
    }
    for (const field of ['lag', 'deliveredThroughSeq', 'attempts']) {
        row.querySelector(`td[data-field=${field}]`).className = 'num';
    }
    const actions = document.createElement('div');
    actions.className = 'actions';
    cell(row, '').appendChild(actions);
    const from = document.createElement('input');
    from.type = 'number';
    from.min = '0';
    from.step = '1';
    from.name = 'fromSeq';
    from.className = 'seq';
    from.placeholder = 'from seq';
    const redeliver = document.createElement('button');
    redeliver.type = 'button';
    redeliver.name = 'redeliver';
    redeliver.textContent = 'Redeliver';
    redeliver.addEventListener('click', () => guarded(() => redeliverFrom(id, from)));
    const log = document.createElement('button');
    log.type = 'button';
    log.name = 'log';
    log.textContent = 'Delivery log';
    log.addEventListener('click', () => guarded(() => showLog(id, true)));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.name = 'delete';
    remove.className = 'danger';
    remove.textContent = 'Delete';
    remove.addEventListener('click', () => guarded(() => deleteOne(id, row)));
    actions.append(from, redeliver, log, remove);
    body.appendChild(row);
    return row;
}

function update(row, s) {
    const set = (field, text) => {
        row.querySelector(`td[data-field=${field}]`).textContent = text;
    };
    set('url', s.url);
    set('filters', `${s.programId ? `program ${s.programId}` : 'every program'}; `
        + `${s.types.length ? `types ${s.types.join(', ')}` : 'all types'}`);
    const status = row.querySelector('td[data-field=status]');
    const state = document.createElement('strong');
    state.className = `state ${s.status === 'PAUSED' ? 'paused' : 'active'}`;
    state.textContent = s.status;
    status.replaceChildren(state);
    if (s.pausedReason) {
        const why = document.createElement('div');
        why.className = 'why';
        why.textContent = s.pausedReason;
        status.appendChild(why);
    }
    row.classList.toggle('paused', s.status === 'PAUSED');
    set('lag', amount(String(s.lagEntries)));
    set('deliveredThroughSeq', s.deliveredThroughSeq === null ? 'none yet' : String(s.deliveredThroughSeq));
    const error = row.querySelector('td[data-field=lastError]');
    const text = document.createElement('span');
    text.className = 'error-text';
    text.textContent = s.lastError ?? '';
    error.replaceChildren(text);
    const times = [s.lastAttemptAt && `last attempt ${when(s.lastAttemptAt)}`,
        s.nextAttemptAt && s.status === 'ACTIVE' && `next ${when(s.nextAttemptAt)}`].filter(Boolean).join('; ');
    if (times) {
        const at = document.createElement('div');
        at.className = 'why';
        at.textContent = times;
        error.appendChild(at);
    }
    set('attempts', String(s.attempts));
    const label = `Redeliver ${s.url} from seq (empty: from where it stopped, seq ${s.nextSeq})`;
    row.querySelector('input[name=fromSeq]').setAttribute('aria-label', label);
    row.querySelector('input[name=fromSeq]').title = label;
    row.querySelector('button[name=redeliver]').setAttribute('aria-label', `Redeliver ${s.url}`);
    row.querySelector('button[name=log]').setAttribute('aria-label', `Delivery log of ${s.url}`);
    row.querySelector('button[name=delete]').setAttribute('aria-label', `Delete the subscription to ${s.url}`);
}

/** Deletes a subscription once the user confirms: its deliveries stop and its log goes with it. */
async function deleteOne(id, row) {
    const url = row.querySelector('td[data-field=url]').textContent;
    if (!confirm(`Delete the subscription to ${url}? Its deliveries stop and its delivery log is removed.`)) {
        return;
    }
    await api(path(id), { method: 'DELETE' });
    document.getElementById('sub-message').textContent = `Deleted the subscription to ${url}.`;
    await refresh();
}

async function redeliverFrom(id, input) {
    const from = input.value.trim();
    const view = await post(`${path(id)}/redeliver${from === '' ? '' : `?fromSeq=${encodeURIComponent(from)}`}`);
    input.value = '';
    update(rowOf(id, document.querySelector('#subscriptions tbody')), view);
    document.getElementById('sub-message').textContent = `${view.url}: ${view.status}, delivering again from seq `
        + `${view.nextSeq}.`;
    await refresh();
}

/** The last attempts, newest first; {@code opened}: the user asked for it, so it is brought into view. */
async function showLog(id, opened = false) {
    const log = await json(`${path(id)}/deliveries?limit=${LOG_SIZE}`);
    const subscription = document.querySelector(`#subscriptions tr[data-subscription="${CSS.escape(id)}"]`);
    logOf = id;
    document.getElementById('sub-log-for').textContent = `${subscription
        ? subscription.querySelector('td[data-field=url]').textContent : id}: the last ${LOG_SIZE} attempts at most, `
        + 'newest first.';
    const body = document.querySelector('#sub-deliveries tbody');
    body.replaceChildren(...log.deliveries.map(attempt => {
        const row = document.createElement('tr');
        row.dataset.attempt = String(attempt.attemptId);
        cell(row, when(attempt.attemptedAt), { class: 'nowrap' });
        cell(row, String(attempt.seq), { class: 'num' });
        const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
        cell(row, attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : attempt.error,
            { class: ok ? 'good' : 'bad', 'data-field': 'result' });
        cell(row, String(attempt.durationMs), { class: 'num' });
        cell(row, attempt.webhookId);
        return row;
    }));
    document.getElementById('sub-log-none').hidden = log.deliveries.length > 0;
    const section = document.getElementById('sub-log');
    section.hidden = false;
    if (opened) {
        section.scrollIntoView({ block: 'nearest' });
    }
}

async function create() {
    const value = id => document.getElementById(id).value.trim();
    const request = { url: value('sub-url') };
    if (value('sub-program')) {
        request.programId = value('sub-program');
    }
    const types = value('sub-types').split(',').map(type => type.trim()).filter(Boolean);
    if (types.length) {
        request.types = types;
    }
    if (value('sub-from') !== '') {
        request.fromSeq = Number(value('sub-from'));
    }
    const created = await post(PATH, request);
    document.getElementById('sub-form').reset();
    document.getElementById('sub-created-what').textContent = `Subscribed ${created.url} (${created.subscriptionId}), `
        + `from seq ${created.fromSeq}.`;
    document.getElementById('sub-secret').textContent = created.secret;
    document.getElementById('sub-created').hidden = false;
    await refresh();
}

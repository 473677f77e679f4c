// The console's shell: sign-in, the API client, and which page each role may open. Pages read everything from the
// API with the signed-in user's credentials; the API's own access rules decide, the console only hides what they
// would refuse.
import * as stack from './stack.js';
import * as history from './history.js';
import * as timeline from './timeline.js';
import * as whatif from './whatif.js';
import * as journal from './journal.js';

const EVERY_ROLE = ['TREASURY', 'COMPLIANCE', 'ANALYST', 'ADMIN'];
// The same roles the API's access rules give each page's endpoints.
const PAGES = {
    stack: { module: stack, roles: EVERY_ROLE },
    history: { module: history, roles: EVERY_ROLE },
    timeline: { module: timeline, roles: ['COMPLIANCE', 'ADMIN'] },
    whatif: { module: whatif, roles: EVERY_ROLE },
    journal: { module: journal, roles: ['COMPLIANCE', 'ADMIN'] },
};
const SESSION = 'capital-ledger-console';
// Tells the API a script signs in: a refusal then carries no Basic challenge, which would open the browser's dialog.
const SCRIPTED = { 'X-Requested-With': 'XMLHttpRequest' };

/** A refused or failed API call, with the problem's code and detail. */
export class ApiError extends Error {
    constructor(status, code, detail) {
        super(`${code || status}: ${detail || 'the request failed'}`);
        this.status = status;
        this.code = code;
    }
}

let session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');

/** Calls the API as the signed-in user; answers the response, or throws an ApiError with the problem's code. */
export async function api(path, { method = 'GET', body, accept = 'application/json', headers = {} } = {}) {
    const init = { method, headers: { Accept: accept, Authorization: session.authorization, ...SCRIPTED, ...headers } };
    if (body !== undefined) {
        init.body = JSON.stringify(body);
        init.headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
        signOut('Your sign-in was refused or has expired: sign in again.');
        throw new ApiError(401, 'UNAUTHENTICATED', 'sign in again');
    }
    if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        const fields = (problem.errors || []).map(error => `${error.field} ${error.message}`).join('; ');
        throw new ApiError(response.status, problem.code,
            [problem.detail || problem.title, fields].filter(Boolean).join(': '));
    }
    return response;
}

export async function json(path, options) {
    return (await api(path, options)).json();
}

/** An amount as the API gives it (a decimal string), with thousands separators; the digits are never rounded. */
export function amount(value) {
    if (value === null || value === undefined) {
        return '';
    }
    const [whole, fraction] = String(value).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A number for a chart's geometry only: tables show the exact figures. */
export function plot(value) {
    return value === null || value === undefined ? 0 : Number(value);
}

export function today() {
    return new Date().toISOString().slice(0, 10);
}

/** Shows a message for everyone (screen readers included) in the status line. */
export function say(message, isError = false) {
    const status = document.getElementById('status');
    status.textContent = message;
    status.className = isError ? 'error' : '';
}

/** Runs an action, showing any failure in the status line instead of losing it. */
export async function guarded(action) {
    try {
        say('');
        await action();
    } catch (error) {
        say(error.message, true);
    }
}

/** A table cell with text (never HTML: figures and free text from the ledger are shown, not interpreted). */
export function cell(row, text, attributes = {}) {
    const td = document.createElement('td');
    td.textContent = text ?? '';
    for (const [name, value] of Object.entries(attributes)) {
        td.setAttribute(name, value);
    }
    row.appendChild(td);
    return td;
}

/** A chart in the element, made once and resized with the window. */
export function chart(id) {
    const element = document.getElementById(id);
    let instance = echarts.getInstanceByDom(element);
    if (!instance) {
        instance = echarts.init(element, null, { renderer: 'canvas' });
        window.addEventListener('resize', () => instance.resize());
    }
    return instance;
}

function allowed(page) {
    return session && PAGES[page].roles.some(role => session.roles.includes(role));
}

function signOut(message = '') {
    session = null;
    sessionStorage.removeItem(SESSION);
    document.getElementById('nav').hidden = true;
    document.getElementById('sign-out').hidden = true;
    document.getElementById('who').textContent = '';
    document.getElementById('sign-in-form').reset();
    document.getElementById('token-form').reset();
    document.getElementById('sign-in-error').textContent = message;
    route();
}

function basic(event) {
    event.preventDefault();
    const user = document.getElementById('username').value;
    const password = document.getElementById('password').value;
    return signIn('Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${password}`))));
}

function bearer(event) {
    event.preventDefault();
    return signIn(`Bearer ${document.getElementById('token').value.trim().replace(/^Bearer\s+/i, '')}`);
}

async function signIn(authorization) {
    const response = await fetch('/api/v1/me',
        { headers: { Accept: 'application/json', Authorization: authorization, ...SCRIPTED } });
    if (!response.ok) {
        document.getElementById('sign-in-error').textContent = response.status === 401
            ? (authorization.startsWith('Basic') ? 'That user and password were not accepted.'
                : 'That token was not accepted.') : `Sign-in failed (${response.status}).`;
        return;
    }
    const me = await response.json();
    session = { user: me.name, roles: me.roles, authorization };
    sessionStorage.setItem(SESSION, JSON.stringify(session));
    document.getElementById('sign-in-form').reset();
    document.getElementById('token-form').reset();
    document.getElementById('sign-in-error').textContent = '';
    if (!location.hash || location.hash === '#sign-in') {
        location.hash = '#stack';
    }
    route();
}

function parseHash() {
    const [page, query] = location.hash.replace(/^#/, '').split('?');
    return { page: page || 'stack', params: new URLSearchParams(query || '') };
}

function route() {
    for (const section of document.querySelectorAll('main > section')) {
        section.hidden = true;
    }
    say('');
    if (!session) {
        document.getElementById('page-sign-in').hidden = false;
        document.getElementById('username').focus();
        return;
    }
    document.getElementById('nav').hidden = false;
    document.getElementById('sign-out').hidden = false;
    document.getElementById('who').textContent = `${session.user} (${session.roles.join(', ')})`;
    for (const link of document.querySelectorAll('#nav a')) {
        link.hidden = !allowed(link.dataset.page);
    }
    const { page, params } = parseHash();
    for (const link of document.querySelectorAll('#nav a')) {
        if (link.dataset.page === page) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
    if (!PAGES[page]) {
        say(`There is no page "${page}".`, true);
        return;
    }
    if (!allowed(page)) {
        say(`Your roles (${session.roles.join(', ')}) may not read this page.`, true);
        return;
    }
    document.getElementById(`page-${page}`).hidden = false;
    guarded(() => PAGES[page].module.show(params));
}

document.getElementById('sign-in-form').addEventListener('submit', event => guarded(() => basic(event)));
document.getElementById('token-form').addEventListener('submit', event => guarded(() => bearer(event)));
document.getElementById('sign-out').addEventListener('click', () => signOut());
window.addEventListener('hashchange', route);
for (const { module } of Object.values(PAGES)) {
    module.init();
}
route();

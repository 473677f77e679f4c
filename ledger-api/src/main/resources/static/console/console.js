// The console's shell: sign-in and which page each role may open. Pages read everything from the API with the
// signed-in user's credentials (common.js); the API's own access rules decide, the console only hides what they
// would refuse.
import { SCRIPTED, SIGN_IN_REFUSED, currentSession, keepSession, guarded, say } from './common.js';
import * as stack from './stack.js';
import * as history from './history.js';
import * as cashflows from './cashflows.js';
import * as investor from './investor.js';
import * as timeline from './timeline.js';
import * as whatif from './whatif.js';
import * as journal from './journal.js';
import * as subscriptions from './subscriptions.js';

const EVERY_ROLE = ['TREASURY', 'COMPLIANCE', 'ANALYST', 'ADMIN'];
// The same roles the API's access rules give each page's endpoints.
const PAGES = {
    stack: { module: stack, roles: EVERY_ROLE },
    history: { module: history, roles: EVERY_ROLE },
    cashflows: { module: cashflows, roles: EVERY_ROLE },
    // An INVESTOR reads its own capital account and documents, nothing else.
    investor: { module: investor, roles: [...EVERY_ROLE, 'INVESTOR'] },
    timeline: { module: timeline, roles: ['COMPLIANCE', 'ADMIN'] },
    whatif: { module: whatif, roles: EVERY_ROLE },
    journal: { module: journal, roles: ['COMPLIANCE', 'ADMIN'] },
    subscriptions: { module: subscriptions, roles: ['ADMIN'] },
};

function allowed(page) {
    const session = currentSession();
    return session && PAGES[page].roles.some(role => session.roles.includes(role));
}

/** The first page the session's roles may read: where a sign-in lands. */
function firstPage() {
    return Object.keys(PAGES).find(allowed) || 'stack';
}

function signOut(message = '') {
    keepSession(null);
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
        const refusals = {
            401: authorization.startsWith('Basic') ? 'That user and password were not accepted.'
                : 'That token was not accepted.',
            429: `Too many failed sign-ins: try again in ${response.headers.get('Retry-After')} s.`,
        };
        document.getElementById('sign-in-error').textContent = refusals[response.status]
            || `Sign-in failed (${response.status}).`;
        return;
    }
    const me = await response.json();
    // An INVESTOR is bound to one investor (and perhaps one program): read defensively, older services send neither.
    keepSession({ user: me.name, roles: me.roles || [], investorId: me.investorId ?? null,
        programId: me.programId ?? null, authorization });
    document.getElementById('sign-in-form').reset();
    document.getElementById('token-form').reset();
    document.getElementById('sign-in-error').textContent = '';
    if (!location.hash || location.hash === '#sign-in') {
        location.hash = `#${firstPage()}`;
    }
    route();
}

function parseHash() {
    const [page, query] = location.hash.replace(/^#/, '').split('?');
    return { page: page || firstPage(), params: new URLSearchParams(query || '') };
}

function route() {
    for (const section of document.querySelectorAll('main > section')) {
        section.hidden = true;
    }
    say('');
    const session = currentSession();
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
window.addEventListener(SIGN_IN_REFUSED, () => signOut('Your sign-in was refused or has expired: sign in again.'));
for (const { module } of Object.values(PAGES)) {
    module.init();
}
route();

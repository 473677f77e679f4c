// What every page of the console shares: the signed-in session, the API client, figures and the page's furniture.
// The shell (console.js) imports the pages, and the pages import this module: it imports neither.

const SESSION = 'capital-ledger-console';
// Tells the API a script signs in: a refusal then carries no Basic challenge, which would open the browser's dialog.
export const SCRIPTED = { 'X-Requested-With': 'XMLHttpRequest' };
/** Sent on the window when the API refuses the session's credentials: the shell then signs out. */
export const SIGN_IN_REFUSED = 'console:sign-in-refused';

let session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');

/** The signed-in user (name, roles, authorization), or null. */
export function currentSession() {
    return session;
}

/** Keeps the signed-in user for this tab, or forgets it when given null. */
export function keepSession(signedIn) {
    session = signedIn;
    if (signedIn) {
        sessionStorage.setItem(SESSION, JSON.stringify(signedIn));
    } else {
        sessionStorage.removeItem(SESSION);
    }
}

/** A refused or failed API call, with the problem's code and detail. */
export class ApiError extends Error {
    constructor(status, code, detail) {
        super(`${code || status}: ${detail || 'the request failed'}`);
        this.status = status;
        this.code = code;
    }
}

/** Calls the API as the signed-in user; answers the response, or throws an ApiError with the problem's code. */
export async function api(path, { method = 'GET', body, accept = 'application/json', headers = {} } = {}) {
    const init = { method, headers: { Accept: accept, Authorization: session.authorization, ...SCRIPTED, ...headers } };
    if (body !== undefined) {
        init.body = JSON.stringify(body);
        init.headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
        window.dispatchEvent(new CustomEvent(SIGN_IN_REFUSED));
        throw new ApiError(401, 'UNAUTHENTICATED', 'sign in again');
    }
    if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        const said = problem.detail || problem.title;
        // A field's problem the detail already says (a query parameter's, for one) is not said twice.
        const fields = (problem.errors || []).filter(error => !said || !said.includes(error.message))
            .map(error => `${error.field} ${error.message}`).join('; ');
        throw new ApiError(response.status, problem.code, [said, fields].filter(Boolean).join(': '));
    }
    return response;
}

export async function json(path, options) {
    return (await api(path, options)).json();
}

/**
 * An amount as the API gives it (a decimal string), with thousands separators; the digits are never rounded. Any other
 * text (a what-if difference can be a date, a flag or a code) is shown as it is.
 */
export function amount(value) {
    if (value === null || value === undefined) {
        return '';
    }
    if (!/^-?\d+(\.\d+)?$/.test(String(value))) {
        return String(value);
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

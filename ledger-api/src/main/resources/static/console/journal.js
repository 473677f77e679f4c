// The journal's latest signed digest, its signature and an entry's inclusion proof checked here, in the browser
// (RFC 9162 section 2.1.3.2 with Web Crypto's SHA-256 and Ed25519), and the server's full verification.
import { api, json, guarded } from './common.js';

let digest = null;
let journalKey = null;

const hex = bytes => [...new Uint8Array(bytes)].map(b => b.toString(16).padStart(2, '0')).join('');
const unhex = text => new Uint8Array(text.match(/../g).map(pair => parseInt(pair, 16)));
const unbase64 = text => Uint8Array.from(atob(text), c => c.charCodeAt(0));

async function nodeHash(left, right) {
    const input = new Uint8Array(1 + left.length + right.length);
    input[0] = 1;
    input.set(left, 1);
    input.set(right, 1 + left.length);
    return new Uint8Array(await crypto.subtle.digest('SHA-256', input));
}

/** The root an inclusion proof leads to from its leaf, or null if the proof is malformed (RFC 9162 2.1.3.2). */
async function rootFromProof(leafIndex, treeSize, leafHash, path) {
    if (leafIndex >= treeSize) {
        return null;
    }
    let fn = leafIndex;
    let sn = treeSize - 1;
    let r = leafHash;
    for (const sibling of path) {
        if (sn === 0) {
            return null;
        }
        if (fn % 2 === 1 || fn === sn) {
            r = await nodeHash(sibling, r);
            if (fn % 2 === 0) {
                while (fn % 2 === 0 && fn !== 0) {
                    fn = Math.floor(fn / 2);
                    sn = Math.floor(sn / 2);
                }
            }
        } else {
            r = await nodeHash(r, sibling);
        }
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : null;
}

/** The journal's public key, read and imported once per page load (it changes only with the service's key). */
async function publicKey() {
    if (!journalKey) {
        const pem = await (await api('/api/v1/journal/public-key', { accept: 'application/x-pem-file' })).text();
        const der = unbase64(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''));
        journalKey = await crypto.subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
    }
    return journalKey;
}

async function signatureHolds(digest) {
    const key = await publicKey();
    const text = new TextEncoder().encode(`${digest.treeSize}|${digest.rootHash}|${digest.issuedAt}`);
    return crypto.subtle.verify({ name: 'Ed25519' }, key, unbase64(digest.signature), text);
}

export function init() {
    document.getElementById('verify').addEventListener('click', () => guarded(verify));
    document.getElementById('proof-form').addEventListener('submit', event => {
        event.preventDefault();
        guarded(checkProof);
    });
}

export async function show() {
    digest = await json('/api/v1/journal/digest');
    const facts = document.getElementById('digest');
    facts.replaceChildren();
    for (const [name, value] of [['Entries (tree size)', digest.treeSize], ['Root hash', digest.rootHash],
        ['Issued at', digest.issuedAt], ['Algorithm', digest.algorithm], ['Key id', digest.keyId]]) {
        const term = document.createElement('dt');
        term.textContent = name;
        const description = document.createElement('dd');
        description.textContent = value;
        facts.append(term, description);
    }
    const signature = document.getElementById('digest-signature');
    const holds = await signatureHolds(digest);
    signature.textContent = holds
        ? 'Signature checked in this browser against the journal\'s public key: valid.'
        : 'Signature checked in this browser against the journal\'s public key: NOT VALID.';
    signature.className = holds ? 'good' : 'bad';
    document.getElementById('proof-seq').max = String(Math.max(0, digest.treeSize - 1));
}

async function verify() {
    const result = document.getElementById('verification');
    result.className = '';
    result.textContent = 'Verifying every entry against the event store...';
    let view = await json('/api/v1/journal/verify', { method: 'POST' });
    while (view.state === 'RUNNING') {
        await new Promise(resolve => setTimeout(resolve, 500));
        view = await json(`/api/v1/journal/verifications/${encodeURIComponent(view.id)}`);
    }
    if (view.state === 'FAILED') {
        throw new Error('The verification could not finish; the service log says why.');
    }
    result.textContent = view.ok
        ? `Verified: ${view.entriesChecked} of ${view.entriesTotal} entries match the event store and the digest; `
            + `root ${view.rootHash}.`
        : `NOT VERIFIED: ${view.mismatches} mismatch(es); first: ${JSON.stringify(view.firstMismatch)}.`;
    result.className = view.ok ? 'good' : 'bad';
    result.dataset.ok = String(view.ok);
}

async function checkProof() {
    const seq = Number(document.getElementById('proof-seq').value);
    const proof = await json(`/api/v1/journal/entries/${seq}/proof?treeSize=${digest.treeSize}`);
    const path = proof.auditPath.map(unhex);
    const root = await rootFromProof(proof.leafIndex, proof.treeSize, unhex(proof.leafHash), path);
    const list = document.getElementById('proof-path');
    list.replaceChildren(...proof.auditPath.map(hash => {
        const item = document.createElement('li');
        item.textContent = hash;
        return item;
    }));
    const result = document.getElementById('proof-result');
    const holds = root !== null && hex(root) === digest.rootHash && proof.treeSize === digest.treeSize;
    result.textContent = holds
        ? `Entry ${seq} (leaf ${proof.leafHash}) is in the signed journal of ${digest.treeSize} entries: its `
            + `${path.length} hashes lead to the digest's root, computed in this browser.`
        : `Entry ${seq}: its proof does NOT lead to the signed root ${digest.rootHash}.`;
    result.className = holds ? 'good' : 'bad';
    result.dataset.holds = String(holds);
}

// A consumer of the ledger's webhooks. Each delivery is one CloudEvent; it is accepted (2xx) only when
//  1. its Standard Webhooks signature verifies with the subscription's secret (the reference library does this,
//     and also refuses a timestamp more than 5 minutes off), else 400; and
//  2. the ledger's journal proves it (else 500, so the ledger retries): the entry at the event's seq is this event
//     (same id, payload equal to `data`); its leaf hash, SHA-256(0x00 || entry bytes), is in the tree of a digest
//     the journal signed (RFC 9162 audit path, section 2.1.3.2); and the digest's Ed25519 signature verifies.
import http from "node:http";
import { createHash, createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";

function env(name, fallback) {
    const value = process.env[name] ?? fallback;
    if (value === undefined) {
        console.error(`${name} is not set (see README.md)`);
        process.exit(2);
    }
    return value;
}

const webhook = new Webhook(env("WEBHOOK_SECRET"));
const ledger = env("LEDGER_URL", "http://localhost:8080").replace(/\/$/, "");
const authorization = "Basic " + Buffer.from(env("LEDGER_CREDENTIALS")).toString("base64");
const port = Number(env("PORT", "3000"));
const pinnedKey = process.env.JOURNAL_PUBLIC_KEY_FILE;

async function get(path) {
    const response = await fetch(ledger + path, { headers: { authorization } });
    if (!response.ok) {
        throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    }
    return response;
}

const sha256 = (...parts) => createHash("sha256").update(Buffer.concat(parts)).digest();
const node = (left, right) => sha256(Buffer.from([0x01]), left, right);

// RFC 8785 for what JSON.parse returns: keys sorted by UTF-16 code units, ECMAScript strings and numbers.
function canonical(value) {
    if (Array.isArray(value)) {
        return `[${value.map(canonical).join(",")}]`;
    }
    if (value !== null && typeof value === "object") {
        return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
    }
    return JSON.stringify(value);
}

// RFC 9162, 2.1.3.2: does the audit path lead from leaf `index` of a tree of `size` leaves to `root`?
function verifyInclusion(index, size, leaf, path, root) {
    if (index >= size) {
        return false;
    }
    const half = (n) => Math.floor(n / 2);
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of path) {
        if (sn === 0) {
            return false;
        }
        if (fn % 2 === 1 || fn === sn) {
            r = node(p, r);
            while (fn % 2 === 0 && fn !== 0) {
                fn = half(fn);
                sn = half(sn);
            }
        } else {
            r = node(r, p);
        }
        fn = half(fn);
        sn = half(sn);
    }
    return sn === 0 && r.equals(root);
}

// The journal's public key: pinned from a file given out of band, or else asked of the ledger once.
let key;
async function publicKey() {
    key ??= createPublicKey(pinnedKey ? readFileSync(pinnedKey, "utf8")
        : await (await get("/api/v1/journal/public-key")).text());
    return key;
}

async function prove(event) {
    const seq = Number(event.seq);
    // The entry at seq, exactly as the export serves it: {seq, leafHash, entry}, the entry's bytes last on the line.
    const line = (await (await get(`/api/v1/journal/export?from=${seq}&to=${seq + 1}`)).text()).trim();
    const at = line.indexOf(',"entry":');
    const bytes = at < 0 ? "null" : line.slice(at + ',"entry":'.length, -1);
    if (bytes === "null") {
        throw new Error(`the journal holds no entry at seq ${seq}`);
    }
    const entry = JSON.parse(bytes);
    if (entry.eventId !== event.id) {
        throw new Error(`the entry at seq ${seq} is event ${entry.eventId}, not ${event.id}`);
    }
    if (canonical(entry.payload) !== canonical(event.data)) {
        throw new Error(`data is not the payload of the entry at seq ${seq}`);
    }
    const leaf = sha256(Buffer.from([0x00]), Buffer.from(bytes, "utf8"));

    // A digest the journal signs now, covering at least seq; then the audit path from the leaf to its root.
    const digest = await (await get("/api/v1/journal/digest")).json();
    if (digest.treeSize <= seq) {
        throw new Error(`the signed tree of ${digest.treeSize} entries does not reach seq ${seq} yet`);
    }
    const proof = await (await get(`/api/v1/journal/entries/${seq}/proof?treeSize=${digest.treeSize}`)).json();
    const path = proof.auditPath.map((hash) => Buffer.from(hash, "hex"));
    if (!verifyInclusion(seq, digest.treeSize, leaf, path, Buffer.from(digest.rootHash, "hex"))) {
        throw new Error(`the audit path does not lead from seq ${seq} to the digest's root ${digest.rootHash}`);
    }

    // The digest's Ed25519 signature over treeSize|rootHash|issuedAt (issuedAt as served).
    const signed = Buffer.from(`${digest.treeSize}|${digest.rootHash}|${digest.issuedAt}`, "utf8");
    if (digest.algorithm !== "Ed25519"
            || !verify(null, signed, await publicKey(), Buffer.from(digest.signature, "base64"))) {
        throw new Error(`the digest's signature does not verify with the journal's public key`);
    }
    return { leaf: leaf.toString("hex"), digest };
}

http.createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
        const body = Buffer.concat(chunks); // verified as received: never parsed and written again first
        const id = request.headers["webhook-id"] ?? "(no webhook-id)";
        let event;
        try {
            event = webhook.verify(body, request.headers);
        } catch (refused) {
            console.log(`REFUSED  ${id}: ${refused.message}`);
            response.writeHead(400).end();
            return;
        }
        try {
            const { leaf, digest } = await prove(event);
            console.log(`PROVEN   seq ${event.seq} ${event.type} ${event.id}: signature ok, entry matches, `
                + `leaf ${leaf.slice(0, 12)}… in the signed tree of ${digest.treeSize} `
                + `(root ${digest.rootHash.slice(0, 12)}…, key ${digest.keyId})`);
            response.writeHead(204).end();
        } catch (unproven) {
            console.log(`UNPROVEN seq ${event.seq} ${event.id}: ${unproven.message}`);
            response.writeHead(500).end();
        }
    });
}).listen(port, () => console.log(`listening on port ${port}, proving against ${ledger}`));

// tests/e2e/hold-proxy.mjs -- an HTTP proxy in front of the devnet's PDS
// that can commit a post and then never answer, for heed-e2e's crash test.
//
// usage: node hold-proxy.mjs --target URL --dir DIR
//
// Listens on a free port of 127.0.0.1 and writes "http://127.0.0.1:PORT" to
// DIR/url once it does. Every request goes on to the target unchanged,
// except that it asks for no compression (answers are read here). The file
// DIR/mode says what happens to a repo write (putRecord, createRecord,
// applyWrites) that holds an app.bsky.feed.post:
//   pass (or no file)  the client gets the PDS's answer, as usual;
//   hold               the PDS does the write, the line "held NSID STATUS"
//                      goes to DIR/log, and the client never gets an answer:
//                      the server has posted, the client cannot know it.
// Every answered request is logged to DIR/log as "METHOD NSID STATUS".
// In the answers of createSession, refreshSession and getSession the
// target's URL is replaced by the proxy's own, so that a client that sends
// its requests to the PDS named in the DID document stays behind the proxy.
// Runs until SIGTERM or SIGINT.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const LOOPBACK = '127.0.0.1';
const WRITES = new Set([
	'com.atproto.repo.putRecord',
	'com.atproto.repo.createRecord',
	'com.atproto.repo.applyWrites',
]);
const SESSIONS = new Set([
	'com.atproto.server.createSession',
	'com.atproto.server.refreshSession',
	'com.atproto.server.getSession',
]);
// Headers that belong to one hop, not to the request or answer itself.
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding',
    'proxy-connection', 'te', 'trailer', 'upgrade', 'content-length']);

// Print usage with a reason and exit 2.
function usage(why) {
	process.stderr.write(`hold-proxy.mjs: ${why}\n` +
	    'usage: node hold-proxy.mjs --target URL --dir DIR\n');
	process.exit(2);
}

// Read the command line into { target, dir }.
function parseArgs(argv) {
	const opts = { target: null, dir: null };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (i + 1 >= argv.length) usage(`${a} needs a value`);
		if (a === '--target') opts.target = new URL(argv[++i]);
		else if (a === '--dir') opts.dir = argv[++i];
		else usage(`unknown argument ${a}`);
	}
	if (!opts.target || !opts.dir) usage('--target and --dir are required');
	return opts;
}

const opts = parseArgs(process.argv.slice(2));
const logFile = path.join(opts.dir, 'log');
let self = null;

// Append one line to the log.
function log(line) {
	fs.appendFileSync(logFile, `${line}\n`);
}

// Tell what DIR/mode asks for: "hold" or "pass".
function mode() {
	try {
		return fs.readFileSync(path.join(opts.dir, 'mode'), 'utf8')
		    .trim() === 'hold' ? 'hold' : 'pass';
	} catch {
		return 'pass';
	}
}

// The XRPC method name of a request path, or the path itself.
function nsidOf(url) {
	const p = url.split('?')[0];
	return p.startsWith('/xrpc/') ? p.slice(6) : p;
}

// Replace every spelling of the target's origin in text by the proxy's.
function rewriteOrigin(text) {
	const port = opts.target.port || '80';
	let out = text;
	for (const host of ['localhost', LOOPBACK, opts.target.hostname]) {
		out = out.split(`http://${host}:${port}`).join(self);
	}
	return out;
}

// Send the request on to the target and deal with the answer.
function forward(req, res, body) {
	const nsid = nsidOf(req.url);
	const headers = {};
	for (const [k, v] of Object.entries(req.headers)) {
		if (!HOP.has(k) && k !== 'accept-encoding' && k !== 'host')
			headers[k] = v;
	}
	headers.host = opts.target.host;
	headers['content-length'] = String(body.length);
	const hold = mode() === 'hold' && req.method === 'POST' &&
	    WRITES.has(nsid) && body.includes('app.bsky.feed.post');
	const up = http.request({
		hostname: opts.target.hostname === 'localhost' ? LOOPBACK :
		    opts.target.hostname,
		port: opts.target.port || 80,
		method: req.method,
		path: req.url,
		headers,
	}, (ures) => {
		const chunks = [];
		ures.on('data', (c) => chunks.push(c));
		ures.on('end', () => {
			let out = Buffer.concat(chunks);
			if (hold) {
				// The PDS has done the write; the client hears
				// nothing until it gives up or dies.
				log(`held ${nsid} ${ures.statusCode}`);
				return;
			}
			if (SESSIONS.has(nsid) && /json/.test(
			    ures.headers['content-type'] || ''))
				out = Buffer.from(rewriteOrigin(out.toString()));
			const h = {};
			for (const [k, v] of Object.entries(ures.headers)) {
				if (!HOP.has(k)) h[k] = v;
			}
			h['content-length'] = String(out.length);
			res.writeHead(ures.statusCode, h);
			res.end(out);
			log(`${req.method} ${nsid} ${ures.statusCode}`);
		});
		ures.on('error', () => res.destroy());
	});
	up.on('error', (err) => {
		log(`${req.method} ${nsid} error ${err.message}`);
		res.writeHead(502, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ error: 'BadGateway',
		    message: `hold-proxy: ${err.message}` }));
	});
	up.end(body);
}

const server = http.createServer((req, res) => {
	const chunks = [];
	req.on('data', (c) => chunks.push(c));
	req.on('end', () => forward(req, res, Buffer.concat(chunks)));
	req.on('error', () => res.destroy());
});
server.on('clientError', (err, socket) => socket.destroy());
server.listen(0, LOOPBACK, () => {
	self = `http://${LOOPBACK}:${server.address().port}`;
	const file = path.join(opts.dir, 'url');
	fs.writeFileSync(`${file}.tmp`, `${self}\n`);
	fs.renameSync(`${file}.tmp`, file);
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));

// tests/e2e/devnet.mjs -- run Bluesky's reference servers on 127.0.0.1.
//
// Starts @atproto/dev-env's TestNetwork (PLC, PDS, AppView "bsky", bsync,
// Ozone) against a PostgreSQL cluster, creates a shop and a customer account
// with app passwords and the shop's post, writes what a test needs as JSON,
// and runs until SIGTERM or SIGINT, when it closes the network. Started by
// tests/e2e/start; run it by hand only with Node 22 after tests/e2e/setup.
//
// usage: node devnet.mjs --out FILE --db POSTGRES_URL [--schema NAME]
//                        [--rate-limits] [--base-port N]
//
// Ports are fixed so that DIDs and URLs are predictable: base+0 PLC,
// base+1 PDS, base+2 AppView, base+5 Ozone, base+7 the control endpoint
// (with the default base 2582: 2582, 2583, 2584, 2587, 2589). bsync and the
// AppView's dataplane take free ports. Every listener is on 127.0.0.1.

import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LOOPBACK = '127.0.0.1';
const here = path.dirname(fileURLToPath(import.meta.url));

// Print a line to stderr (the log), prefixed so it stands out.
function say(msg) {
	process.stderr.write(`devnet: ${msg}\n`);
}

// Read the command line into an options object; exit 2 on a bad one.
function parseArgs(argv) {
	const opts = {
		out: null,
		db: process.env.DB_POSTGRES_URL || null,
		schema: 'heed',
		rateLimits: false,
		basePort: 2582,
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const val = () => {
			if (i + 1 >= argv.length) usage(`${a} needs a value`);
			return argv[++i];
		};
		if (a === '--out') opts.out = val();
		else if (a === '--db') opts.db = val();
		else if (a === '--schema') opts.schema = val();
		else if (a === '--rate-limits') opts.rateLimits = true;
		else if (a === '--base-port') opts.basePort = Number(val());
		else usage(`unknown argument ${a}`);
	}
	if (!opts.out) usage('--out FILE is required');
	if (!opts.db) usage('--db POSTGRES_URL is required');
	if (!/^[a-z_][a-z0-9_]*$/.test(opts.schema)) usage('bad --schema');
	if (!Number.isInteger(opts.basePort) || opts.basePort < 1024 ||
	    opts.basePort > 65000)
		usage('bad --base-port');
	return opts;
}

// Print usage with a reason and exit 2.
function usage(why) {
	process.stderr.write(`devnet.mjs: ${why}\n` +
	    'usage: node devnet.mjs --out FILE --db POSTGRES_URL ' +
	    '[--schema NAME] [--rate-limits] [--base-port N]\n');
	process.exit(2);
}

// Make every server that would listen on all interfaces listen on
// 127.0.0.1 instead: the dev-env servers call listen(port) with no host.
function forceLoopbackListen() {
	const orig = net.Server.prototype.listen;
	const wild = (h) => h === undefined || h === null || h === '' ||
	    h === '0.0.0.0' || h === '::';
	net.Server.prototype.listen = function (...args) {
		const a0 = args[0];
		if (a0 !== null && typeof a0 === 'object' && !Array.isArray(a0)) {
			if (a0.path === undefined && a0.handle === undefined &&
			    a0._handle === undefined && a0.fd === undefined &&
			    wild(a0.host))
				args[0] = { ...a0, host: LOOPBACK };
		} else if (typeof a0 === 'number' ||
		    (typeof a0 === 'string' && /^\d+$/.test(a0))) {
			if (typeof args[1] === 'string') {
				if (wild(args[1])) args[1] = LOOPBACK;
			} else {
				args.splice(1, 0, LOOPBACK);
			}
		} else if (a0 === undefined || typeof a0 === 'function') {
			args.unshift(0, LOOPBACK);
			if (a0 === undefined) args.splice(2, 1);
		}
		return orig.apply(this, args);
	};
}

// Load @atproto/dev-env from the tree that tests/e2e/setup installed.
async function loadDevEnv() {
	const dir = process.env.HEED_E2E_DIR ||
	    path.resolve(here, '..', '..', 'build', 'e2e');
	const req = createRequire(path.join(dir, 'package.json'));
	let entry;
	try {
		entry = req.resolve('@atproto/dev-env');
	} catch (err) {
		say(`cannot find @atproto/dev-env under ${dir}: ` +
		    'run tests/e2e/setup first');
		process.exit(1);
	}
	return import(pathToFileURL(entry).href);
}

// Call an XRPC procedure (POST with a JSON body) or query (GET with
// params); return the parsed JSON or throw with the server's error.
async function xrpc(base, nsid, { body, params, token } = {}) {
	const url = new URL(`/xrpc/${nsid}`, base);
	for (const [k, v] of Object.entries(params || {})) {
		for (const one of [].concat(v)) url.searchParams.append(k, one);
	}
	const headers = {};
	if (token) headers.authorization = `Bearer ${token}`;
	if (body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(url, {
		method: body !== undefined ? 'POST' : 'GET',
		headers,
		body: body !== undefined ? JSON.stringify(body) : undefined,
	});
	const text = await res.text();
	if (!res.ok)
		throw new Error(`${nsid}: HTTP ${res.status} ${text}`);
	return text ? JSON.parse(text) : {};
}

// Create an account with a display name and an app password; return
// what a test needs to log in as it.
async function makeAccount(pds, handle, displayName, description) {
	const password = `${handle.split('.')[0]}-devnet-password`;
	const acct = await xrpc(pds, 'com.atproto.server.createAccount', {
		body: { handle, email: `${handle}@example.com`, password },
	});
	const app = await xrpc(pds, 'com.atproto.server.createAppPassword', {
		body: { name: 'heed e2e' }, token: acct.accessJwt,
	});
	await xrpc(pds, 'com.atproto.repo.putRecord', {
		token: acct.accessJwt,
		body: {
			repo: acct.did,
			collection: 'app.bsky.actor.profile',
			rkey: 'self',
			record: {
				$type: 'app.bsky.actor.profile',
				displayName,
				description,
			},
		},
	});
	return {
		handle: acct.handle,
		did: acct.did,
		email: `${handle}@example.com`,
		password,
		appPassword: app.password,
		accessJwt: acct.accessJwt,
	};
}

// Wait until the AppView, through the PDS, returns the post at uri.
async function awaitIndexed(network, pds, token, uri) {
	for (let i = 0; i < 100; i++) {
		await network.processAll();
		const got = await xrpc(pds, 'app.bsky.feed.getPosts', {
			params: { uris: uri }, token,
		});
		if (got.posts && got.posts.length === 1) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`the AppView never indexed ${uri}`);
}

// Serve GET /process-all (waits until the AppView has indexed every
// write so far) and GET /health on 127.0.0.1:port.
function startControl(network, port) {
	const server = http.createServer(async (req, res) => {
		try {
			if (req.method === 'GET' && req.url === '/health') {
				res.end('ok\n');
			} else if (req.method === 'GET' &&
			    req.url === '/process-all') {
				await network.processAll();
				res.end('ok\n');
			} else {
				res.statusCode = 404;
				res.end('not found\n');
			}
		} catch (err) {
			res.statusCode = 500;
			res.end(`${err && err.message}\n`);
		}
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, LOOPBACK, () => resolve(server));
	});
}

// Write data to file as JSON, all at once (a reader never sees half).
function writeJsonAtomic(file, data) {
	const tmp = `${file}.tmp-${process.pid}`;
	fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n',
	    { mode: 0o600 });
	fs.renameSync(tmp, file);
}

// Start everything, seed it, write the JSON, and wait for a signal.
async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const out = path.resolve(opts.out);
	const p = {
		plc: opts.basePort,
		pds: opts.basePort + 1,
		bsky: opts.basePort + 2,
		ozone: opts.basePort + 5,
		control: opts.basePort + 7,
	};

	// "localhost" must mean 127.0.0.1, where everything listens.
	dns.setDefaultResultOrder('ipv4first');
	forceLoopbackListen();
	// TestNetwork only checks that this is set; nothing connects to it.
	process.env.REDIS_HOST ||= 'unused-by-devnet';

	const t0 = Date.now();
	const { TestNetwork, mockMailer } = await loadDevEnv();
	say(`starting TestNetwork (rate limits ${opts.rateLimits ? 'on' :
	    'off'})`);
	const bypassKey = `heed-e2e-bypass-${process.pid}-${Date.now()}`;
	const network = await TestNetwork.create({
		dbPostgresUrl: opts.db,
		dbPostgresSchema: opts.schema,
		plc: { port: p.plc },
		pds: {
			port: p.pds,
			hostname: 'localhost',
			enableDidDocWithSession: true,
			rateLimitsEnabled: opts.rateLimits,
			rateLimitBypassKey: opts.rateLimits ? bypassKey : undefined,
		},
		bsky: {
			port: p.bsky,
			publicUrl: `http://localhost:${p.bsky}`,
		},
		ozone: { port: p.ozone },
	});
	mockMailer(network.pds);
	const control = await startControl(network, p.control);

	let closing = false;
	const shutdown = async (sig) => {
		if (closing) return;
		closing = true;
		say(`${sig}: closing the network`);
		const guard = setTimeout(() => {
			say('network did not close within 30 s; exiting');
			process.exit(1);
		}, 30000);
		guard.unref();
		try { fs.unlinkSync(out); } catch { /* not written yet */ }
		try {
			control.close();
			await network.close();
		} catch (err) {
			say(`close failed: ${err && err.stack}`);
			process.exit(1);
		}
		say('closed');
		process.exit(0);
	};
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));

	const pds = network.pds.url;
	say(`network up in ${Date.now() - t0} ms; PDS ${pds}`);

	const shop = await makeAccount(pds, 'acmeshop.test', 'Acme Shop',
	    'Handmade mugs and bowls. Questions welcome.');
	const customer = await makeAccount(pds, 'customer.test',
	    'Casey Customer', 'Likes mugs.');
	const text = 'Our autumn sale starts today: 20% off every mug. ' +
	    'Ask us anything here!';
	const post = await xrpc(pds, 'com.atproto.repo.createRecord', {
		token: shop.accessJwt,
		body: {
			repo: shop.did,
			collection: 'app.bsky.feed.post',
			record: {
				$type: 'app.bsky.feed.post',
				text,
				langs: ['en'],
				createdAt: new Date().toISOString(),
			},
		},
	});
	// Replying before the AppView has the parent loses the notification
	// (see BLUESKY-DEVNET.md), so the post is indexed before anyone learns
	// its URI.
	await awaitIndexed(network, pds, shop.accessJwt, post.uri);
	if (closing) return;

	for (const a of [shop, customer]) delete a.accessJwt;
	writeJsonAtomic(out, {
		pds,
		plc: network.plc.url,
		appview: network.bsky.url,
		ozone: network.ozone.url,
		appviewDid: network.bsky.serverDid,
		control: `http://${LOOPBACK}:${p.control}`,
		rateLimits: opts.rateLimits,
		rateLimitBypassHeader: opts.rateLimits ? 'x-ratelimit-bypass' :
		    null,
		rateLimitBypassKey: opts.rateLimits ? bypassKey : null,
		pid: process.pid,
		shop,
		customer,
		shopPost: { uri: post.uri, cid: post.cid, text },
	});
	say(`ready in ${Date.now() - t0} ms; wrote ${out}`);
}

main().catch((err) => {
	say(`failed: ${err && err.stack ? err.stack : err}`);
	process.exit(1);
});

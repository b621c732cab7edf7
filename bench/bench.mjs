// Benchmark against the Allo sandbox under Allo's limits (20 reads and 5 writes per second per key):
// Return All of 10,000 contacts at several latencies, with the core and with a sequential page
// loop like peer integrations'; 1,000 items through the n8n node's item runner (runOperationItems,
// what nodes/Allo/actions/router.ts calls), one by one and concurrently; two executions sharing a
// key; then the packed package's size and the time to require it. Each beside the floor Allo's
// limits set. Run `npm run build` first (npm run bench does): it reads the compiled core from dist/.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { sleep } = require('../sandbox');

const CONTACTS = 10_000;
const PAGE_SIZE = 100;
const PAGES = CONTACTS / PAGE_SIZE;
const LATENCIES_MS = [20, 80, 200, 400, 500];
const ITEMS = 1_000;
/** One-by-one runs take latency × items: they are timed on this many items and scaled up. */
const ONE_BY_ONE_SAMPLE = { reads: 100, texts: 50 };
/** Two executions reading with one key at once, this many items each. */
const SHARED_ITEMS = 300;
const REQUIRE_RUNS = 15;
const MAIN_LINE = '+14155550100';

const coreEntry = path.join(root, 'dist', 'shared', 'index.js');
if (!existsSync(coreEntry)) {
	process.stderr.write('dist/shared/index.js is missing: run `npm run build` first.\n');
	process.exit(1);
}
const core = require(coreEntry);
const { RATE_LIMITS } = core;
const READS = RATE_LIMITS.readsPerSecond;
const WRITES = RATE_LIMITS.writesPerSecond;

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** The least time Allo's limit allows: one second's worth at once, then the rest at the rate, plus a round trip. */
const hardMinimumMs = (requests, perSecond, latencyMs) =>
	(Math.max(0, requests - perSecond) / perSecond) * 1000 + latencyMs;
const ratio = (a, b) => (a / b).toFixed(2);

async function timed(fn) {
	const started = performance.now();
	const value = await fn();
	return { ms: performance.now() - started, value };
}

/**
 * A sandbox in its own process, as Allo is a server elsewhere: its work never slows the client
 * being timed. Read through its control API.
 */
async function withSandbox(options, fn) {
	const script = `require(${JSON.stringify(path.join(root, 'sandbox'))})
		.createSandbox(JSON.parse(process.argv[1]))
		.then((s) => process.stdout.write(JSON.stringify({ url: s.url, apiKeys: s.apiKeys }) + '\\n'));`;
	const child = spawn(
		process.execPath,
		['-e', script, JSON.stringify({ dailyQuota: 1e6, ...options })],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const [line] = await once(child.stdout, 'data');
	const { url, apiKeys } = JSON.parse(String(line));
	const control = async (route) => (await (await fetch(`${url}/_sandbox/${route}`)).json()).data;
	// Load this process's HTTP client before timing anything, as n8n has loaded its own.
	await control('');
	try {
		return await fn({ url, apiKeys, control });
	} finally {
		child.kill();
	}
}

const keys = (...names) => names.map((key) => ({ key }));
const keyId = (sandbox, key) => sandbox.apiKeys.find((entry) => entry.key === key).id;
const requestsBy = async (sandbox, key) =>
	(await sandbox.control('requests')).filter((r) => r.key_id === keyId(sandbox, key));
const refusals = async (sandbox, key) =>
	(await requestsBy(sandbox, key)).filter((r) => r.status === 429).length;

/** The core's client over fetch with real waits, as the n8n node builds it (sharePacing). */
const clientFor = (sandbox, apiKey, sharePacing = true) =>
	new core.AlloClient({
		// It authenticates as a platform's transport does; the client gets the key only to mask it and to pace by its hash.
		transport: core.fetchTransport({ sleep, apiKey, baseUrl: sandbox.url }),
		baseUrl: sandbox.url,
		apiKeyToMask: apiKey,
		sharePacing,
	});

/** What peer integrations do: one page after the other until total_pages. */
async function sequentialLoop(url, apiKey) {
	let page = 0;
	let totalPages = 1;
	const records = [];
	while (page < totalPages) {
		const response = await fetch(`${url}/v1/api/contacts?page=${page}&size=${PAGE_SIZE}`, {
			headers: { Authorization: `Api-Key ${apiKey}` },
		});
		if (response.status === 429) {
			await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
			continue;
		}
		const { data } = await response.json();
		records.push(...data.results);
		totalPages = data.metadata.pagination.total_pages;
		page += 1;
	}
	return records;
}

const getManyContacts = core.findOperation('contact', 'getMany');
const getContact = core.findOperation('contact', 'get');
const sendSms = core.findOperation('sms', 'send');

/**
 * Return All twice with one key: the first read learns the page count from its first answer; the
 * second asks for its first second's pages at once, as a workflow reading the list again does.
 */
async function returnAllAt(latencyMs) {
	return await withSandbox(
		{ latencyMs, seed: { contacts: CONTACTS }, apiKeys: keys('ak_core', 'ak_loop') },
		async (sandbox) => {
			const readAll = () =>
				timed(() =>
					core.runOperation(
						getManyContacts,
						clientFor(sandbox, 'ak_core'),
						{},
						{ returnAll: true },
					),
				);
			const first = await readAll();
			// Let the first read's second of requests pass, so the second starts with a full window.
			await sleep(1_500);
			const again = await readAll();
			const viaLoop = await timed(() => sequentialLoop(sandbox.url, 'ak_loop'));
			const minimumMs = hardMinimumMs(PAGES, READS, latencyMs);
			return {
				latencyMs,
				firstMs: first.ms,
				againMs: again.ms,
				loopMs: viaLoop.ms,
				minimumMs,
				records: [first.value.length, again.value.length, viaLoop.value.length],
				refused: await refusals(sandbox, 'ak_core'),
			};
		},
	);
}

/**
 * What asking ahead costs: the first list read from an endpoint asks for one second of pages before
 * the first answer; on a one-page list all but one of them are past its end.
 */
async function shortList() {
	const latencyMs = 200;
	return await withSandbox(
		{ latencyMs, seed: { contacts: 50 }, apiKeys: keys('ak_short') },
		async (sandbox) => {
			const client = clientFor(sandbox, 'ak_short');
			const reads = async () => (await requestsBy(sandbox, 'ak_short')).length;
			const readAll = () => core.runOperation(getManyContacts, client, {}, { returnAll: true });
			const first = await timed(readAll);
			const afterFirst = await reads();
			const again = await timed(readAll);
			return {
				latencyMs,
				first: { ms: first.ms, reads: afterFirst, records: first.value.length },
				again: { ms: again.ms, reads: (await reads()) - afterFirst, records: again.value.length },
			};
		},
	);
}

/** Items through the n8n node's item runner; failures counted, none expected. */
async function runNodeItems(client, operation, inputs, batching) {
	const results = await core.runOperationItems(
		client,
		operation,
		{ count: inputs.length, input: (i) => inputs[i], stopOnFailure: false, batching, sleep },
		(i) => core.runOperation(operation, client, inputs[i]),
	);
	return results.filter((result) => result.status !== 'done').length;
}

const ONE_BY_ONE = { size: 1, intervalMs: 0 };

/** Concurrent on every item; one by one on a sample, scaled to every item. */
async function itemsAtLimit(sandbox, operation, inputs, sample) {
	const concurrent = await timed(() =>
		runNodeItems(clientFor(sandbox, 'ak_concurrent'), operation, inputs),
	);
	const oneByOne = await timed(() =>
		runNodeItems(
			clientFor(sandbox, 'ak_one_by_one'),
			operation,
			inputs.slice(0, sample),
			ONE_BY_ONE,
		),
	);
	return {
		concurrentMs: concurrent.ms,
		oneByOneMs: (oneByOne.ms * inputs.length) / sample,
		sample,
		failures: concurrent.value + oneByOne.value,
		refused:
			(await refusals(sandbox, 'ak_concurrent')) + (await refusals(sandbox, 'ak_one_by_one')),
	};
}

async function contactReads() {
	const latencyMs = 200;
	return await withSandbox(
		{
			latencyMs,
			seed: { contacts: ITEMS },
			apiKeys: keys('ak_setup', 'ak_concurrent', 'ak_one_by_one'),
		},
		async (sandbox) => {
			const contacts = await core.runOperation(
				getManyContacts,
				clientFor(sandbox, 'ak_setup'),
				{},
				{ returnAll: true },
			);
			const inputs = contacts.map((contact) => ({ contactId: contact.id }));
			return {
				...(await itemsAtLimit(sandbox, getContact, inputs, ONE_BY_ONE_SAMPLE.reads)),
				latencyMs,
				floorMs: hardMinimumMs(ITEMS, READS, latencyMs),
			};
		},
	);
}

async function texts() {
	const latencyMs = 400;
	return await withSandbox(
		{ latencyMs, seed: false, apiKeys: keys('ak_concurrent', 'ak_one_by_one') },
		async (sandbox) => {
			const inputs = Array.from({ length: ITEMS }, (_, i) => ({
				sender: 'alloNumber',
				from: MAIN_LINE,
				to: `+1628${String(3_000_000 + i)}`,
				message: `Your order ${i} has shipped`,
			}));
			return {
				...(await itemsAtLimit(sandbox, sendSms, inputs, ONE_BY_ONE_SAMPLE.texts)),
				latencyMs,
				floorMs: hardMinimumMs(ITEMS, WRITES, latencyMs),
				sent: (await sandbox.control('sms/sent')).length,
			};
		},
	);
}

/** Two executions at once with one key, pacing together (one pacer per key) or alone. */
async function sharedKey() {
	const latencyMs = 80;
	return await withSandbox(
		{ latencyMs, seed: { contacts: 50 }, apiKeys: keys('ak_shared', 'ak_alone') },
		async (sandbox) => {
			const [contact] = await core.runOperation(
				getManyContacts,
				clientFor(sandbox, 'ak_shared'),
				{},
				{ returnAll: false, limit: 1 },
			);
			const inputs = Array.from({ length: SHARED_ITEMS }, () => ({ contactId: contact.id }));
			const twoExecutions = (key, sharePacing) =>
				timed(async () => {
					const failures = await Promise.all(
						[1, 2].map(() =>
							runNodeItems(clientFor(sandbox, key, sharePacing), getContact, inputs),
						),
					);
					return failures[0] + failures[1];
				});
			// One after the other, so the refusals of the second cannot disturb the first.
			const together = await twoExecutions('ak_shared', true);
			const alone = await twoExecutions('ak_alone', false);
			return {
				latencyMs,
				floorMs: hardMinimumMs(2 * SHARED_ITEMS, READS, latencyMs),
				together: {
					ms: together.ms,
					failures: together.value,
					refused: await refusals(sandbox, 'ak_shared'),
				},
				alone: {
					ms: alone.ms,
					failures: alone.value,
					refused: await refusals(sandbox, 'ak_alone'),
				},
			};
		},
	);
}

function packageSize() {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
	});
	const [pack] = JSON.parse(output);
	return { size: pack.size, unpackedSize: pack.unpackedSize, files: pack.entryCount };
}

/** The files n8n loads from the package, and the peer dependencies n8n has already loaded. */
function loadedFiles() {
	const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const listed = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	return {
		files: listed.map((f) => path.join(root, f)),
		peers: Object.keys(manifest.peerDependencies ?? {}),
	};
}

/** Milliseconds to require `files` in fresh processes, after requiring `preload` untimed. */
function requireTimes(files, preload) {
	const script = [
		`for (const m of ${JSON.stringify(preload)}) require(m);`,
		'const t = performance.now();',
		`for (const f of ${JSON.stringify(files)}) require(f);`,
		'process.stdout.write(String(performance.now() - t));',
	].join('');
	const times = [];
	for (let i = 0; i < REQUIRE_RUNS; i++) {
		const child = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
		if (child.status !== 0) throw new Error(`require failed: ${child.stderr}`);
		times.push(Number(child.stdout));
	}
	return times.sort((a, b) => a - b);
}

/** Prints rows under a title; the first column and the `text` ones align left, the others right. */
function table(title, header, rows, text = []) {
	const all = [header, ...rows];
	const widths = header.map((_, i) => Math.max(...all.map((row) => String(row[i]).length)));
	const left = new Set([0, ...text]);
	const line = (row) =>
		row
			.map((cell, i) =>
				left.has(i) ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]),
			)
			.join('  ')
			.trimEnd();
	process.stdout.write(`\n${title}\n${line(header)}\n${all.slice(1).map(line).join('\n')}\n`);
}

process.stdout.write(
	`Allo sandbox, Allo's limits per key: ${READS} reads and ${WRITES} writes per second; Node ${process.version}\n`,
);

const returnAll = [];
for (const latencyMs of LATENCIES_MS) returnAll.push(await returnAllAt(latencyMs));
table(
	`Return All of ${CONTACTS.toLocaleString('en')} contacts (${PAGES} pages of ${PAGE_SIZE})`,
	[
		'latency',
		'core, first read',
		'core, read again',
		'sequential loop',
		'hard minimum',
		'first ÷ min',
		'again ÷ min',
		'loop ÷ min',
		'429s',
	],
	returnAll.map((run) => [
		`${run.latencyMs} ms`,
		seconds(run.firstMs),
		seconds(run.againMs),
		seconds(run.loopMs),
		seconds(run.minimumMs),
		ratio(run.firstMs, run.minimumMs),
		ratio(run.againMs, run.minimumMs),
		ratio(run.loopMs, run.minimumMs),
		run.refused,
	]),
);
const incomplete = returnAll.filter((run) => run.records.some((count) => count !== CONTACTS));
if (incomplete.length) throw new Error(`Return All missed records: ${JSON.stringify(incomplete)}`);

const itemsRow = (label, run) => [
	label,
	`${seconds(run.oneByOneMs)} *`,
	seconds(run.concurrentMs),
	seconds(run.floorMs),
	ratio(run.concurrentMs, run.floorMs),
	run.refused,
	run.failures,
];

// Independent keys and sandboxes: these run at the same time to keep the benchmark short.
const [reads, sent, shared, short] = await Promise.all([
	contactReads(),
	texts(),
	sharedKey(),
	shortList(),
]);
table(
	`${ITEMS.toLocaleString('en')} items at the limit, through the n8n node's item runner`,
	['', 'one by one', 'concurrent', 'floor', 'concurrent ÷ floor', '429s', 'failed'],
	[
		itemsRow(`Contact → Get, ${reads.latencyMs} ms`, reads),
		itemsRow(`SMS → Send to ${ITEMS.toLocaleString('en')} recipients, ${sent.latencyMs} ms`, sent),
	],
);
process.stdout.write(
	`* timed on the first ${reads.sample} reads and ${sent.sample} texts (Batching, 1 item per batch), scaled to ${ITEMS}; ${sent.sent} texts sent in all\n`,
);
table(
	`Two executions at once with one key, ${SHARED_ITEMS} Contact → Get each, ${shared.latencyMs} ms`,
	['', 'time', 'floor', '429s seen', 'failed'],
	[
		[
			'one pacer per key (shared)',
			seconds(shared.together.ms),
			seconds(shared.floorMs),
			shared.together.refused,
			shared.together.failures,
		],
		[
			'one pacer per execution',
			seconds(shared.alone.ms),
			seconds(shared.floorMs),
			shared.alone.refused,
			shared.alone.failures,
		],
	],
);

table(
	`Return All of a one-page list (50 contacts), ${short.latencyMs} ms: what asking ahead costs`,
	['', 'reads', 'records', 'time'],
	[
		[
			'first list read from the endpoint',
			short.first.reads,
			short.first.records,
			seconds(short.first.ms),
		],
		['the same list again', short.again.reads, short.again.records, seconds(short.again.ms)],
	],
);

const pack = packageSize();
const loaded = loadedFiles();
const cold = requireTimes(loaded.files, []);
const warm = requireTimes(loaded.files, loaded.peers);
const median = (sorted) => sorted[Math.floor(sorted.length / 2)];
const spread = (sorted) => `min ${sorted[0].toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
table(
	'Package',
	['', 'value', 'detail'],
	[
		[
			'packed (npm pack)',
			`${(pack.size / 1024).toFixed(1)} kB`,
			`${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked, ${pack.files} files`,
		],
		[
			`require(), median of ${REQUIRE_RUNS}`,
			`${median(cold).toFixed(1)} ms`,
			`n8n.nodes + n8n.credentials in a fresh process, peers included; ${spread(cold)}`,
		],
		[
			'require(), peers preloaded',
			`${median(warm).toFixed(1)} ms`,
			`after ${loaded.peers.join(', ')}, as inside n8n; ${spread(warm)}`,
		],
	],
	[2],
);

// Benchmark: Return All of 10,000 contacts against the Allo sandbox (80 ms latency, Allo's rate
// limits) with the core's paginate versus a plain sequential page loop, beside the floor the rate
// limit sets; the packed package's size; and the time to require what n8n loads from the package.
// Run `npm run build` first (npm run bench does): it reads the compiled core from dist/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { createSandbox, sleep } = require('../sandbox');

const CONTACTS = 10_000;
const PAGE_SIZE = 100;
const LATENCY_MS = 80;
const READS_PER_SECOND = 20;
const REQUIRE_RUNS = 15;

const coreEntry = path.join(root, 'dist', 'shared', 'index.js');
if (!existsSync(coreEntry)) {
	process.stderr.write('dist/shared/index.js is missing: run `npm run build` first.\n');
	process.exit(1);
}
const core = require(coreEntry);

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function returnAll() {
	const sandbox = await createSandbox({
		latencyMs: LATENCY_MS,
		seed: { contacts: CONTACTS },
		apiKeys: [{ key: 'ak_bench_core' }, { key: 'ak_bench_loop' }],
	});
	try {
		const client = new core.AlloClient({
			// The core's transport over fetch, with real waits; it authenticates as a platform does.
			transport: core.fetchTransport({ sleep, apiKey: 'ak_bench_core', baseUrl: sandbox.url }),
			baseUrl: sandbox.url,
			apiKeyToMask: 'ak_bench_core',
		});
		let started = performance.now();
		const viaCore = await core.runOperation(
			core.getManyContacts ?? core.findOperation('contact', 'getMany'),
			client,
			{},
			{ returnAll: true },
		);
		const coreMs = performance.now() - started;

		// What peer integrations do: one page after the other until total_pages.
		started = performance.now();
		let page = 0;
		let totalPages = 1;
		const viaLoop = [];
		let loop429 = 0;
		while (page < totalPages) {
			const response = await fetch(
				`${sandbox.url}/v1/api/contacts?page=${page}&size=${PAGE_SIZE}`,
				{
					headers: { Authorization: 'Api-Key ak_bench_loop' },
				},
			);
			if (response.status === 429) {
				loop429 += 1;
				await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
				continue;
			}
			const { data } = await response.json();
			viaLoop.push(...data.results);
			totalPages = data.metadata.pagination.total_pages;
			page += 1;
		}
		const loopMs = performance.now() - started;

		const requests = sandbox.control.requests();
		const count = (keyId, status) =>
			requests.filter((r) => r.key_id === keyId && (status === undefined || r.status === status))
				.length;
		return {
			coreMs,
			loopMs,
			coreRecords: viaCore.length,
			loopRecords: viaLoop.length,
			coreRequests: count('api-sandbox-1'),
			core429: count('api-sandbox-1', 429),
			loopRequests: count('api-sandbox-2'),
			loop429,
		};
	} finally {
		await sandbox.close();
	}
}

function packageSize() {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
	});
	const [pack] = JSON.parse(output);
	return { size: pack.size, unpackedSize: pack.unpackedSize, files: pack.entryCount };
}

/**
 * The files n8n loads from the package (package.json n8n.nodes and n8n.credentials, else the core),
 * and the peer dependencies n8n has already loaded by then.
 */
function loadedFiles() {
	const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const listed = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	return {
		files: listed.length ? listed.map((f) => path.join(root, f)) : [coreEntry],
		what: listed.length ? 'n8n.nodes + n8n.credentials' : 'dist/shared/index.js (no n8n.nodes yet)',
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
	return times;
}

const describeTimes = (times) =>
	`min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`;

const PAGES = CONTACTS / PAGE_SIZE;
const floorMs = (PAGES / READS_PER_SECOND) * 1000;
// A one-second window lets the first 20 pages start at once: the last page can start after
// (pages − 20) ÷ 20 seconds, and then takes one round trip.
const hardMinimumMs = ((PAGES - READS_PER_SECOND) / READS_PER_SECOND) * 1000 + LATENCY_MS;
process.stdout.write(
	`Allo sandbox: ${CONTACTS} contacts, ${LATENCY_MS} ms latency, ${READS_PER_SECOND} reads/s per key, pages of ${PAGE_SIZE}\n\n`,
);
const run = await returnAll();
const rows = [
	[
		'Return All, core (paginate)',
		seconds(run.coreMs),
		`${run.coreRecords} records, ${run.coreRequests} requests, ${run.core429} × 429`,
	],
	[
		'Return All, sequential page loop',
		seconds(run.loopMs),
		`${run.loopRecords} records, ${run.loopRequests} requests, ${run.loop429} × 429`,
	],
	[
		'Floor set by the rate limit',
		seconds(floorMs),
		`${PAGES} pages ÷ ${READS_PER_SECOND} per second`,
	],
	[
		'Hard minimum under a 1 s window',
		seconds(hardMinimumMs),
		`first ${READS_PER_SECOND} pages at once, then ${READS_PER_SECOND}/s, plus one ${LATENCY_MS} ms round trip`,
	],
];
const pack = packageSize();
const loaded = loadedFiles();
const cold = requireTimes(loaded.files, []);
const warm = requireTimes(loaded.files, loaded.peers);
rows.push(
	[
		'Packed package (npm pack)',
		`${(pack.size / 1024).toFixed(1)} kB`,
		`${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked, ${pack.files} files`,
	],
	[
		`require(), median of ${REQUIRE_RUNS}`,
		`${median(cold).toFixed(1)} ms`,
		`${loaded.what}, fresh process each, peer dependencies included; ${describeTimes(cold)}`,
	],
	[
		`require(), peers preloaded`,
		`${median(warm).toFixed(1)} ms`,
		`the same after ${loaded.peers.join(', ') || 'nothing'} (already loaded inside n8n); ${describeTimes(warm)}`,
	],
);
const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const [label, value, detail] of rows) {
	process.stdout.write(`${label.padEnd(width[0])}  ${value.padStart(width[1])}  ${detail}\n`);
}
const signed = (ms) => `${ms < 0 ? '−' : '+'}${seconds(Math.abs(ms))}`;
process.stdout.write(
	`\nCore speed-up over the sequential loop: ${(run.loopMs / run.coreMs).toFixed(2)}×; core vs floor: ${signed(run.coreMs - floorMs)}; vs hard minimum: ${signed(run.coreMs - hardMinimumMs)}\n`,
);

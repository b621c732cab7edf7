// Benchmark: how fast n8n absorbs Allo Trigger deliveries, one n8n on SQLite (regular mode)
// versus queue mode (PostgreSQL, Redis, a worker and two webhook processors behind a round-robin
// balancer), side by side in one run. Each row sends the same number of distinct signed
// `call.completed` deliveries with a fixed number in flight and measures the acknowledgements:
// deliveries absorbed per second, latency p50/p99, and when the last execution finished.
// Loopback only; bounded by BENCH_DELIVERIES and Allo's 20 s answer limit per request.
// Run `npm run bench:trigger` (it builds first); needs PostgreSQL and Redis (see README).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { createSandbox } = require('../sandbox');
const {
	N8N_VERSION,
	ensureN8n,
	installPackage,
	n8nSession,
	startN8n,
} = require('../scripts/n8n-runtime.js');
const { startQueueCluster } = require('../scripts/n8n-queue.js');
const { freePort, sleep } = require('../scripts/processes.js');
const {
	alloWebhooks,
	createTriggerWorkflow,
	listExecutions,
} = require('../scripts/trigger-workflows.js');
const {
	ANSWER_TIMEOUT_MS,
	callCompletedBody,
	deliverAll,
	percentile,
} = require('../scripts/webhook-sender.js');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 1000);
const IN_FLIGHT = (process.env.BENCH_IN_FLIGHT || '1,50').split(',').map(Number);
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Bench',
	lastName: 'Owner',
	password: 'Bench-Passw0rd',
};
/** How long a row may wait for its executions to finish after the last acknowledgement. */
const DRAIN_LIMIT_MS = 600_000;

const say = (line) => process.stdout.write(`${line}\n`);

function pack() {
	execFileSync('npm', ['run', 'build:n8n'], { cwd: root, stdio: 'ignore' });
	const out = mkdtempSync(path.join(tmpdir(), 'allo-bench-pack-'));
	execFileSync('npm', ['pack', '--pack-destination', out], { cwd: root, stdio: 'ignore' });
	return {
		tarball: path.join(
			out,
			readdirSync(out).find((f) => f.endsWith('.tgz')),
		),
		out,
	};
}

/** Publishes a trigger-only workflow and returns where Allo delivers and with which secret. */
async function publishTrigger(api, sandbox, baseUrl, name) {
	const credential = await api('POST', '/api/v1/credentials', {
		name: 'Allo sandbox',
		type: 'alloApi',
		data: { apiKey: sandbox.apiKeys[0].key, baseUrl: sandbox.url },
	});
	const workflow = await createTriggerWorkflow(api, credential, { name });
	await api('POST', `/api/v1/workflows/${workflow.id}/publish`);
	const url = `${baseUrl}/${workflow.path}`;
	for (let waited = 0; ; waited += 250) {
		const [webhook] = (await alloWebhooks(sandbox)).filter((w) => w.url === url);
		if (webhook) return { workflowId: workflow.id, url, secret: webhook.signing_secret };
		if (waited > 60_000) throw new Error(`No Allo webhook for ${url} after publishing`);
		await sleep(250);
	}
}

/** One row: distinct deliveries with `inFlight` at once; then waits for every execution to finish. */
async function measure(api, target, inFlight, label) {
	const jobs = Array.from({ length: DELIVERIES }, (_, n) => ({
		id: `msg_bench_${label}_${inFlight}_${n}`,
		body: callCompletedBody(n),
	}));
	const before = (await listExecutions(api, target.workflowId)).length;
	const started = performance.now();
	const results = await deliverAll(target.url, target.secret, jobs, {
		concurrency: inFlight,
		retryDelaysMs: [],
	});
	const sentMs = performance.now() - started;
	const acknowledged = results.filter((r) => r.delivered);
	const latencies = results.map((r) => r.attempts[0].ms);
	// Finished once every execution stopped and no new one appeared for a poll: a delivery the
	// sender gave up on may still have started one.
	let drainedMs = null;
	let last = -1;
	while (performance.now() - started < sentMs + DRAIN_LIMIT_MS) {
		const executions = await listExecutions(api, target.workflowId);
		const count = executions.length - before;
		if (count >= acknowledged.length && count === last && executions.every((e) => e.stoppedAt)) {
			drainedMs = performance.now() - started;
			break;
		}
		last = count;
		await sleep(1000);
	}
	return {
		label,
		inFlight,
		absorbedPerSecond: acknowledged.length / (sentMs / 1000),
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		overLimit: latencies.filter((ms) => ms >= ANSWER_TIMEOUT_MS).length,
		failed: results.length - acknowledged.length,
		sentMs,
		drainedMs,
	};
}

/** Every row of one setup: signs in on main, publishes, and sends through `deliverTo`. */
async function rows(label, sandbox, mainUrl, deliverTo) {
	const api = await n8nSession(mainUrl, '/rest/owner/setup', OWNER);
	const target = await publishTrigger(api, sandbox, deliverTo, `Bench, ${label}`);
	const measured = [];
	for (const inFlight of IN_FLIGHT) {
		measured.push(await measure(api, target, inFlight, label));
		say(`${label}, ${inFlight} in flight: measured`);
	}
	return measured;
}

async function singleN8n(tarball, sandbox) {
	const work = mkdtempSync(path.join(tmpdir(), 'allo-bench-sqlite-'));
	const userFolder = path.join(work, 'user');
	installPackage(tarball, userFolder);
	const n8n = await startN8n(userFolder, { http: await freePort(), broker: await freePort() });
	try {
		return await rows('one n8n, SQLite', sandbox, n8n.url, n8n.url);
	} finally {
		await n8n.stop();
		rmSync(work, { recursive: true, force: true });
	}
}

async function queueMode(tarball, sandbox) {
	const cluster = await startQueueCluster({ tarball, processors: 2 });
	try {
		const label = 'queue mode, 2 webhook processors';
		return await rows(label, sandbox, cluster.main.url, cluster.balancer.url);
	} finally {
		await cluster.stop();
	}
}

const seconds = (ms) => (ms === null ? 'not within limit' : `${(ms / 1000).toFixed(1)} s`);

function report(rows) {
	say(
		`\nAllo Trigger deliveries into n8n ${N8N_VERSION}: ${DELIVERIES} distinct signed call.completed deliveries per row, loopback, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}\n`,
	);
	const header = [
		'setup',
		'in flight',
		'absorbed/s',
		'ack p50',
		'ack p99',
		'≥ 20 s',
		'not 2xx',
		'all sent',
		'all executed',
	];
	const lines = rows.map((r) => [
		r.label,
		String(r.inFlight),
		r.absorbedPerSecond.toFixed(1),
		`${r.p50.toFixed(0)} ms`,
		`${r.p99.toFixed(0)} ms`,
		String(r.overLimit),
		String(r.failed),
		seconds(r.sentMs),
		seconds(r.drainedMs),
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	for (const line of [header, ...lines])
		say(
			line
				.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
				.join('  '),
		);
	say('');
	for (const r of rows.filter((row) => row.inFlight === Math.max(...IN_FLIGHT))) {
		say(
			`${r.label}: a burst of about ${Math.floor(r.absorbedPerSecond * 20)} deliveries arriving at once is answered within Allo's 20 s (absorbed/s × 20).`,
		);
	}
}

ensureN8n();
const { tarball, out } = pack();
const sandbox = await createSandbox({ seed: { contacts: 5, calls: 0, messages: 0 } });
try {
	const rows = [...(await singleN8n(tarball, sandbox)), ...(await queueMode(tarball, sandbox))];
	report(rows);
} finally {
	await sandbox.close();
	rmSync(out, { recursive: true, force: true });
}

// The Allo Trigger in n8n's queue mode: PostgreSQL, Redis, one main, one worker and two webhook
// processors behind a round-robin balancer that routes only to ready ones, the packed package
// installed on each. Publishing on main registers one Allo webhook, which main heals when it is
// deleted in Allo; 1,000 signed deliveries, 20 % of them repeated, spread over both processors
// while one of them restarts, are all acknowledged and none is lost; the figures for executions
// per distinct delivery are printed, without and with n8n's Remove Duplicates node.
const { randomBytes } = require('node:crypto');
const { cpSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { createSandbox } = require('../../sandbox');
const { startQueueCluster } = require('../../scripts/n8n-queue');
const {
	TRIGGER,
	alloWebhooks,
	createTriggerWorkflow,
	listExecutions,
} = require('../../scripts/trigger-workflows');
const { callCompletedBody, deliverAll } = require('../../scripts/webhook-sender');
const h = require('../e2e/harness');

jest.setTimeout(900_000);

/** Distinct deliveries without and with the recipe (fewer: the run stays within CI's time). */
const DISTINCT = 1000;
const DISTINCT_WITH_RECIPE = 300;
/** 20 % of the deliveries come twice: half of them both at once, half after the first was answered. */
const REPEATED_SHARE = 0.2;
/** A later copy goes this many deliveries after its first one, long answered by then. */
const LATER_BY = 100;
const IN_FLIGHT = 20;
/** The processor restarted once this share of the load is done. */
const RESTART_AT = 0.4;
const DOWNSTREAM = 'Text the caller';
/** Polls, 2 s apart, that must see the same execution counts before a load counts as finished. */
const SETTLED_POLLS = 5;

let sandbox;
let cluster;
let api;
let credential;

const say = (line) => process.stdout.write(`${line}\n`);
const webhooks = () => sandbox.control.webhooks().v2;

beforeAll(async () => {
	sandbox = await createSandbox({ seed: { contacts: 5, calls: 0, messages: 0 } });
	cluster = await startQueueCluster({
		tarball: readFileSync(h.TARBALL_NOTE, 'utf8').trim(),
		processors: 2,
		// The database is thrown away after the run: no need to wait for the disk.
		durable: false,
		log: say,
	});
	api = await h.ownerSession(cluster.main.url);
	credential = await api('POST', '/api/v1/credentials', {
		name: 'Allo sandbox',
		type: 'alloApi',
		data: { apiKey: sandbox.apiKeys[0].key, baseUrl: sandbox.url },
	});
});

afterEach(async () => {
	for (const workflow of published) await unpublish(workflow);
});

afterAll(async () => {
	await cluster?.stop();
	await sandbox?.close();
});

/** A completed-call workflow with `after` behind its trigger, reached through the balancer. */
async function createWorkflow(name, after = []) {
	const workflow = await createTriggerWorkflow(api, credential, { name, after });
	return { id: workflow.id, path: workflow.path, url: `${cluster.balancer.url}/${workflow.path}` };
}

/** Workflows a test published and has not unpublished: a failed test leaves none to the next. */
const published = new Set();

/** Publishes on main and returns the signing secret of the one Allo webhook that results. */
async function publish(workflow) {
	await api('POST', `/api/v1/workflows/${workflow.id}/publish`);
	published.add(workflow);
	await h.waitFor('one webhook in Allo', () => webhooks().length === 1, 60_000);
	await h.sleep(1000);
	const registered = await alloWebhooks(sandbox);
	expect(registered).toEqual([expect.objectContaining({ url: workflow.url })]);
	return registered[0].signing_secret;
}

async function unpublish(workflow) {
	published.delete(workflow);
	await api('POST', `/api/v1/workflows/${workflow.id}/unpublish`);
	await h.waitFor('no webhook in Allo', () => webhooks().length === 0, 60_000);
}

/** `distinct` deliveries, 20 % of them twice, as jobs for the sender. */
function deliveryPlan(label, distinct) {
	const repeated = Math.round(distinct * REPEATED_SHARE);
	const sameInstant = repeated / 2;
	const deliveries = [];
	const jobs = [];
	for (let n = 0; n < distinct; n += 1) {
		const delivery = { id: `msg_${label}_${n}`, body: callCompletedBody(n) };
		deliveries.push(delivery);
		jobs.push(n < sameInstant ? [delivery, delivery] : delivery);
		const earlier = n - LATER_BY;
		if (earlier >= sameInstant && earlier < repeated) jobs.push(deliveries[earlier]);
	}
	const ids = deliveries.map((d) => d.id);
	return {
		ids,
		jobs,
		atOnce: ids.slice(0, sameInstant),
		later: ids.slice(sameInstant, repeated),
	};
}

/** Sends the plan through the balancer and restarts webhook processor 2 partway through. */
async function sendWithRestart(url, secret, jobs) {
	let restart;
	const results = await deliverAll(url, secret, jobs, {
		concurrency: IN_FLIGHT,
		onProgress: (done) => {
			if (!restart && done >= jobs.length * RESTART_AT) restart = cluster.restartProcessor(1);
		},
	});
	return { results, restart: await restart };
}

/**
 * Waits until the workflow's executions have finished and their counts stay the same for a while.
 * A webhook processor stopped in the middle of a request can leave an execution it never queued,
 * as status `new`; its delivery got no 2xx and came again.
 */
async function settledExecutions(workflowId) {
	let last = '';
	let unchanged = 0;
	return await h.waitFor(
		'executions to finish',
		async () => {
			const rows = await cluster.postgres.query(
				`select status, count(*) from execution_entity where "workflowId" = '${workflowId}' group by status order by status`,
			);
			const counts = Object.fromEntries(rows.map(([status, count]) => [status, Number(count)]));
			const now = JSON.stringify(counts);
			unchanged = now === last && !counts.running ? unchanged + 1 : 0;
			last = now;
			return unchanged >= SETTLED_POLLS ? counts : null;
		},
		600_000,
		2000,
	);
}

/** How many times `node` ran with each delivery id, over all executions. */
function runsPerId(executions, node) {
	const runs = new Map();
	for (const execution of executions) {
		for (const run of execution.data.resultData.runData[node] ?? []) {
			for (const item of run.data?.main?.[0] ?? []) {
				runs.set(item.json.event_id, (runs.get(item.json.event_id) ?? 0) + 1);
			}
		}
	}
	return runs;
}

/** "1 × 900, 2 × 100": how many distinct ids ran how many times. */
function histogram(ids, runs) {
	const counts = new Map();
	for (const id of ids) {
		const times = runs.get(id) ?? 0;
		counts.set(times, (counts.get(times) ?? 0) + 1);
	}
	return [...counts.entries()]
		.sort(([a], [b]) => a - b)
		.map(([times, count]) => `${times} × ${count}`)
		.join(', ');
}

/**
 * The processor instance that handled a copy: upstream index, and before or after the restart;
 * null when its first attempt got no 2xx, since a processor may have started it without answering.
 */
function handledBy(result, restarted) {
	const [first] = result.attempts;
	if (!(first.status >= 200 && first.status < 300)) return null;
	return first.upstream === '1' ? `1:${first.at > restarted.stoppedAt ? 'new' : 'old'}` : '0';
}

const rate = (part, whole) => `${part} of ${whole}`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Where the cluster's logs are kept when a load lost a delivery. */
const KEPT_LOGS = path.resolve(__dirname, '..', '..', '.cache', 'e2e-queue-logs');

/** Prints every attempt of each lost delivery and keeps the processes' logs, to say why. */
function explainLost(label, lost, results, restart) {
	for (const result of results.filter((r) => lost.includes(r.id))) {
		const attempts = result.attempts.map(
			(a) =>
				`${a.status ?? a.error} from processor ${a.upstream === null ? '?' : Number(a.upstream) + 1} ${((a.at - restart.stoppingAt) / 1000).toFixed(1)} s after the restart began: ${a.reply}`,
		);
		say(`  lost ${result.id}:\n    ${attempts.join('\n    ')}`);
	}
	const kept = path.join(KEPT_LOGS, label.replace(/\W+/g, '-'));
	cpSync(cluster.logs, kept, { recursive: true });
	say(`  n8n, PostgreSQL and Redis logs kept in ${kept}`);
}

/** The load, what it cost and what it started; prints the figures. */
async function runLoad(label, distinct, workflow, secret, node) {
	const plan = deliveryPlan(label.toLowerCase().replace(/\W+/g, '-'), distinct);
	const served = [...cluster.balancer.served];
	const started = Date.now();
	const { results, restart } = await sendWithRestart(workflow.url, secret, plan.jobs);
	const sentMs = Date.now() - started;
	const statuses = await settledExecutions(workflow.id);
	const executions = await listExecutions(api, workflow.id, { includeData: true });
	const runs = runsPerId(executions, node);

	const attempts = results.flatMap((r) => r.attempts);
	const answered = attempts.filter((a) => a.status !== null);
	const acknowledged = answered.filter((a) => a.status >= 200 && a.status < 300);
	const lost = plan.ids.filter((id) => !runs.has(id));
	const handlers = new Map();
	for (const result of results) {
		handlers.set(result.id, [...(handlers.get(result.id) ?? []), handledBy(result, restart)]);
	}
	const repeated = [...handlers].filter(([, by]) => by.length > 1);
	const known = repeated.filter(([, by]) => !by.includes(null));
	const oneProcessor = known.filter(([, by]) => new Set(by).size === 1).map(([id]) => id);
	const several = known.filter(([, by]) => new Set(by).size > 1).map(([id]) => id);
	const retried = repeated.filter(([, by]) => by.includes(null)).map(([id]) => id);
	const ranTwice = (ids) => ids.filter((id) => (runs.get(id) ?? 0) > 1).length;
	say(
		[
			`${label}: ${distinct} distinct deliveries in ${results.length} copies (${plan.atOnce.length} twice at the same instant, ${plan.later.length} again after the first was answered), ${IN_FLIGHT} in flight, sent in ${(sentMs / 1000).toFixed(1)} s`,
			`  webhook processor 2 restarted at ${RESTART_AT * 100} % of the load: down ${((restart.readyAt - restart.stoppingAt) / 1000).toFixed(1)} s`,
			`  attempts ${attempts.length}: 2xx ${acknowledged.length}, other answers ${answered.length - acknowledged.length}, no answer ${attempts.length - answered.length}; copies acknowledged ${rate(results.filter((r) => r.delivered).length, results.length)}; requests per processor ${cluster.balancer.served.map((n, i) => n - served[i]).join(' / ')}`,
			`  executions ${executions.length} (${Object.entries(statuses)
				.map(([status, count]) => `${status} ${count}`)
				.join(
					', ',
				)}); "${node}" runs per distinct id: ${histogram(plan.ids, runs)}; lost ${lost.length}`,
			`  repeated ids run twice: sent at the same instant ${rate(ranTwice(plan.atOnce), plan.atOnce.length)}, sent again later ${rate(ranTwice(plan.later), plan.later.length)}; both copies handled at once by the same processor ${rate(ranTwice(oneProcessor), oneProcessor.length)}, by different ones (or across the restart) ${rate(ranTwice(several), several.length)}, a copy retried after no 2xx ${rate(ranTwice(retried), retried.length)}`,
		].join('\n'),
	);
	if (lost.length > 0) explainLost(label, lost, results, restart);
	return {
		results,
		runs,
		lost,
		oneProcessor,
		executions,
		statuses,
		unanswered: attempts.length - acknowledged.length,
	};
}

/**
 * Nothing lost: every copy acknowledged, every distinct id run, every execution a success but
 * those a stopped processor never queued, which are fewer than the attempts it left unanswered.
 */
function expectNothingLost(load) {
	expect(load.results.filter((r) => !r.delivered)).toEqual([]);
	expect(load.lost).toEqual([]);
	const { success, new: neverQueued = 0, ...others } = load.statuses;
	expect(others).toEqual({});
	expect(success + neverQueued).toBe(load.executions.length);
	expect(neverQueued).toBeLessThanOrEqual(load.unanswered);
}

const removeDuplicates = [
	{
		name: 'Remove Duplicates',
		type: 'n8n-nodes-base.removeDuplicates',
		typeVersion: 2,
		parameters: {
			operation: 'removeItemsSeenInPreviousExecutions',
			dedupeValue: '={{ $json.event_id }}',
			options: {},
		},
	},
	{ name: DOWNSTREAM, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
];

test('publishing on main registers exactly one Allo webhook, at the webhook processors’ address', async () => {
	const workflow = await createWorkflow('Allo calls, queue mode');
	expect(await publish(workflow)).toMatch(/^whsec_/);
	await unpublish(workflow);
});

/** Main checks the published webhook in Allo every minute; a little more for a busy machine. */
const HEAL_WITHIN_MS = 90_000;
/** A processor asks Allo for the current secret at most every 30 s (`SECRET_REFRESH_SECONDS`). */
const SECRET_REFRESH_MS = 30_000;
/** What a busy machine may add to that: the requests to Allo and n8n, and the 1 s between tries. */
const REFRESH_SLACK_MS = 15_000;

/**
 * One delivery to one processor, tried every second until a 2xx (at most `tries`); resolves with
 * its attempts, the last one the 2xx when it was accepted.
 */
async function tryEverySecond(url, secret, id, tries) {
	const [result] = await deliverAll(url, secret, [{ id, body: callCompletedBody(0) }], {
		concurrency: 1,
		retryDelaysMs: Array(tries - 1).fill(1000),
	});
	return result.attempts;
}

test('a webhook deleted in Allo is created again by main, and both processors accept its new secret within 30 s', async () => {
	const workflow = await createWorkflow('Allo calls, healed in queue mode');
	const oldSecret = await publish(workflow);
	const [before] = webhooks();
	const direct = cluster.processorUrls().map((url) => `${url}/${workflow.path}`);
	for (const [i, url] of direct.entries()) {
		const attempts = await tryEverySecond(url, oldSecret, `msg_before_heal_${i}`, 5);
		expect(attempts.at(-1)).toMatchObject({ status: 200 });
	}

	sandbox.control.deleteWebhook(before.id);
	const deletedAt = Date.now();
	// Meanwhile forged deliveries keep coming, signed with a secret nobody holds: each processor asks
	// Allo for the current secret on them, at most every 30 s, so the new one may wait that long.
	const forgedSecret = `whsec_${randomBytes(24).toString('base64')}`;
	let settled = false;
	const forged = direct.map(async (url, i) => {
		for (let n = 0; !settled; n += 1) {
			const id = `msg_forged_${i}_${n}`;
			await deliverAll(url, forgedSecret, [{ id, body: callCompletedBody(n) }], {
				retryDelaysMs: [],
			});
			await h.sleep(1000);
		}
	});
	const after = await h.waitFor(
		'main to create the webhook again',
		() => webhooks().find((w) => w.id !== before.id),
		HEAL_WITHIN_MS,
		250,
	);
	const healedAt = Date.now();
	const [registered] = await alloWebhooks(sandbox);
	expect(registered).toEqual(expect.objectContaining({ id: after.id, url: workflow.url }));
	expect(registered.signing_secret).not.toBe(oldSecret);

	const bound = SECRET_REFRESH_MS + REFRESH_SLACK_MS;
	const accepted = await Promise.all(
		direct.map((url, i) =>
			tryEverySecond(url, registered.signing_secret, `msg_after_heal_${i}`, bound / 1000),
		),
	);
	settled = true;
	await Promise.all(forged);
	const acceptedAfter = accepted.map((attempts) => attempts.at(-1).at - healedAt);
	say(
		`Healing in queue mode: the webhook created again ${seconds(healedAt - deletedAt)} after it was deleted in Allo; its new secret accepted ${acceptedAfter.map((ms, i) => `by webhook processor ${i + 1} after ${seconds(ms)}`).join(', ')}`,
	);
	expect(webhooks()).toHaveLength(1);
	for (const [i, attempts] of accepted.entries()) {
		expect(attempts.at(-1)).toMatchObject({ status: 200 });
		expect(acceptedAfter[i]).toBeLessThanOrEqual(bound);
	}
	await unpublish(workflow);
});

test('1,000 deliveries, 20 % repeated, over two webhook processors, one restarted: nothing lost', async () => {
	const workflow = await createWorkflow('Allo calls');
	const load = await runLoad('Trigger alone', DISTINCT, workflow, await publish(workflow), TRIGGER);
	await unpublish(workflow);

	expectNothingLost(load);
	// Copies one processor handled (answered 2xx at once) run once: it remembers what it handled.
	expect(load.oneProcessor.filter((id) => load.runs.get(id) !== 1)).toEqual([]);
	// Nothing runs more often than it was sent.
	const sent = new Map();
	for (const result of load.results)
		sent.set(result.id, (sent.get(result.id) ?? 0) + result.attempts.length);
	expect([...load.runs].filter(([id, times]) => times > sent.get(id))).toEqual([]);
});

/** The load through a new workflow with the recipe behind its trigger. */
async function recipeLoad(workerConcurrency) {
	const workflow = await createWorkflow(
		`Allo calls, Remove Duplicates, worker concurrency ${workerConcurrency}`,
		removeDuplicates,
	);
	const secret = await publish(workflow);
	const load = await runLoad(
		`Remove Duplicates, worker concurrency ${workerConcurrency}`,
		DISTINCT_WITH_RECIPE,
		workflow,
		secret,
		DOWNSTREAM,
	);
	await unpublish(workflow);
	return load;
}

test('Remove Duplicates on event_id, worker at its default concurrency: nothing lost, duplicates measured', async () => {
	expectNothingLost(await recipeLoad(10));
});

test('Remove Duplicates on event_id, worker running one execution at a time: one downstream run per distinct id', async () => {
	await cluster.restartWorker(1);
	const load = await recipeLoad(1);
	expectNothingLost(load);
	expect([...load.runs].filter(([, times]) => times !== 1)).toEqual([]);
});

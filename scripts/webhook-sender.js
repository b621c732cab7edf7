// Sends signed webhook deliveries the way Allo does: Standard Webhooks headers, a fresh timestamp
// and signature on every attempt of the same `webhook-id`, 20 s to answer, and a retry after any
// answer that is not a 2xx (or no answer). Bounded in count and time; loopback targets only.
const { Webhook } = require('standardwebhooks');

/** Allo waits 20 s for a 2xx. */
const ANSWER_TIMEOUT_MS = 20_000;
/** Allo retries for about a day; a test retries on a compressed schedule. */
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 15_000, 30_000];

/** A `call.completed` envelope as Allo v2 sends it, for a made-up call `n`. */
function callCompletedBody(n, at = new Date()) {
	return JSON.stringify({
		topic: 'call.completed',
		version: '2.0',
		timestamp: at.toISOString(),
		data: {
			id: `cll-load-${n}`,
			from_number: '+16282000000',
			to_number: '+14155550100',
			to: '+14155550100',
			type: 'INBOUND',
			direction: 'INBOUND',
			result: 'ANSWERED',
			start_date: at.toISOString(),
			length_in_minutes: 2,
			summary: `Load test call ${n}`,
			one_sentence_summary: 'Load test',
			tags: ['load'],
			ivr_result: [],
		},
	});
}

/**
 * Delivers one copy of `delivery` to `url` until a 2xx or the retries run out. Resolves with every
 * attempt: its HTTP status (null when no answer came), the start of the reply's body, when the
 * answer came and how long it took, and the `x-upstream` header a load balancer put on it.
 */
async function deliver(url, webhook, { id, body }, retryDelaysMs = RETRY_DELAYS_MS) {
	if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?\//.test(url)) {
		throw new Error(`Deliveries go to loopback addresses only, not ${url}`);
	}
	const attempts = [];
	for (let attempt = 0; ; attempt += 1) {
		const now = new Date();
		const started = performance.now();
		let status = null;
		let error = null;
		let upstream = null;
		let reply = null;
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'user-agent': 'Allo-Webhooks-Test/1.0',
					'webhook-id': id,
					'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
					'webhook-signature': webhook.sign(id, now, body),
				},
				body,
				signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
			});
			reply = (await response.text()).slice(0, 200);
			status = response.status;
			upstream = response.headers.get('x-upstream');
		} catch (failure) {
			error = failure.cause?.code ?? failure.name;
		}
		attempts.push({
			status,
			reply,
			error,
			upstream,
			at: Date.now(),
			ms: performance.now() - started,
		});
		const delivered = status !== null && status >= 200 && status < 300;
		if (delivered || attempt >= retryDelaysMs.length) return { id, delivered, attempts };
		await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt]));
	}
}

/**
 * Sends `jobs` with at most `concurrency` in flight. A job is one delivery, or several copies of
 * the same delivery sent at the same instant. Resolves with one result per copy, in job order;
 * `onProgress(done)` hears each finished job.
 * @param {string} url
 * @param {string} secret the webhook's `whsec_…` signing secret
 * @param {Array<{ id: string, body: string } | Array<{ id: string, body: string }>>} jobs
 */
async function deliverAll(
	url,
	secret,
	jobs,
	{ concurrency = 20, retryDelaysMs, onProgress = () => {} } = {},
) {
	const webhook = new Webhook(secret);
	const results = new Array(jobs.length);
	let next = 0;
	let done = 0;
	const lane = async () => {
		while (next < jobs.length) {
			const index = next++;
			const copies = [jobs[index]].flat();
			results[index] = await Promise.all(
				copies.map((copy) => deliver(url, webhook, copy, retryDelaysMs)),
			);
			onProgress(++done);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, lane));
	return results.flat();
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

module.exports = { ANSWER_TIMEOUT_MS, callCompletedBody, deliverAll, percentile };

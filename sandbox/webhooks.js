'use strict';
// Webhook deliveries: v1 unsigned `{topic, data}` per number, v2 Standard Webhooks signed,
// at least once with a bounded number of retries. Only loopback addresses are ever contacted.
const http = require('node:http');
const https = require('node:https');
const { createHmac } = require('node:crypto');
const { randomId, v2Date } = require('./data');

/** Retries after a failed attempt; Allo retries for about a day, the sandbox for a few minutes. */
const DEFAULT_RETRY_DELAYS_MS = [1000, 5000, 30000, 120000];
/** Allo waits 20 s for a 2xx. */
const DEFAULT_TIMEOUT_MS = 20000;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopbackUrl(url) {
	try {
		const { hostname, protocol } = new URL(url);
		return (
			(protocol === 'http:' || protocol === 'https:') &&
			(LOOPBACK_HOSTS.has(hostname) || /^127\./.test(hostname))
		);
	} catch {
		return false;
	}
}

/** Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`, keyed with the base64 part of `whsec_…`. */
function sign(secret, id, timestamp, body) {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** One POST; resolves with the status code, or rejects when no answer came in time. */
function post(url, body, headers, timeoutMs) {
	return new Promise((resolve, reject) => {
		const target = new URL(url);
		const client = target.protocol === 'https:' ? https : http;
		// One options object, not (url, options): Zapier's request logging, which its test runner
		// installs on this process's http module, drops the options of the three-argument form.
		const request = client.request(
			{
				protocol: target.protocol,
				hostname: target.hostname.replace(/^\[|\]$/g, ''),
				port: target.port,
				path: `${target.pathname}${target.search}`,
				method: 'POST',
				headers: { ...headers, 'content-length': Buffer.byteLength(body) },
				timeout: timeoutMs,
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
			},
		);
		request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		request.on('error', reject);
		request.end(body);
	});
}

class Dispatcher {
	/**
	 * @param {{ store: import('./store').Store, now: () => number, retryDelaysMs?: number[], timeoutMs?: number }} options
	 */
	constructor({
		store,
		now,
		retryDelaysMs = DEFAULT_RETRY_DELAYS_MS,
		timeoutMs = DEFAULT_TIMEOUT_MS,
	}) {
		this.store = store;
		this.now = now;
		this.retryDelaysMs = retryDelaysMs;
		this.timeoutMs = timeoutMs;
		this.deliveries = [];
		this.pending = 0;
		this.waiters = [];
		this.timers = new Set();
		this.closed = false;
	}

	/**
	 * Sends one event to every webhook subscribed to it.
	 * @param {{ topic: string, data: object, seedTopic?: string, v1Data?: object, alloNumber?: string | null }} event
	 */
	emit({ topic, data, seedTopic, v1Data, alloNumber }) {
		for (const webhook of this.store.webhooksV2) {
			if (!webhook.enabled || !webhook.topics.includes(topic)) continue;
			const envelope = { topic, version: '2.0', timestamp: v2Date(this.now()), data };
			this.start({ api: 'v2', webhook, topic, payload: envelope, deliveryId: randomId('msg_') });
		}
		if (!seedTopic) return;
		for (const webhook of this.store.webhooksV1) {
			if (!webhook.enabled || !webhook.topics.includes(seedTopic)) continue;
			// v1 webhooks belong to one number; contact events concern no number and go to all.
			if (alloNumber !== undefined && webhook.allo_number !== alloNumber) continue;
			this.start({
				api: 'v1',
				webhook,
				topic: seedTopic,
				payload: { topic: seedTopic, data: v1Data ?? data },
				deliveryId: randomId('dlv_'),
			});
		}
	}

	start({ api, webhook, topic, payload, deliveryId }) {
		const delivery = {
			id: deliveryId,
			api,
			webhook_id: webhook.id,
			topic,
			url: webhook.url,
			status: 'pending',
			payload,
			attempts: [],
		};
		this.deliveries.push(delivery);
		if (!isLoopbackUrl(webhook.url)) {
			delivery.status = 'refused';
			delivery.attempts.push({
				at: v2Date(this.now()),
				status_code: null,
				error: 'The sandbox delivers only to loopback addresses',
			});
			return;
		}
		this.pending += 1;
		this.attempt(delivery, webhook);
	}

	async attempt(delivery, webhook) {
		const body = JSON.stringify(delivery.payload);
		const headers = {
			'content-type': 'application/json',
			'user-agent': 'Allo-Sandbox-Webhooks/1.0',
		};
		if (delivery.api === 'v2') {
			// Every attempt carries the same webhook-id, with a fresh timestamp and signature.
			const timestamp = String(Math.floor(this.now() / 1000));
			headers['webhook-id'] = delivery.id;
			headers['webhook-timestamp'] = timestamp;
			headers['webhook-signature'] = sign(webhook.signing_secret, delivery.id, timestamp, body);
		}
		const attempt = { at: v2Date(this.now()), status_code: null, error: null };
		delivery.attempts.push(attempt);
		try {
			attempt.status_code = await post(delivery.url, body, headers, this.timeoutMs);
		} catch (error) {
			attempt.error = error.message;
		}
		// Stopped or reset while this attempt was in flight: nothing left to track.
		if (delivery.status !== 'pending') return;
		if (attempt.status_code !== null && attempt.status_code >= 200 && attempt.status_code < 300) {
			this.finish(delivery, 'delivered');
			return;
		}
		const delay = this.retryDelaysMs[delivery.attempts.length - 1];
		if (delay === undefined || this.closed) {
			this.finish(delivery, 'failed');
			return;
		}
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			this.attempt(delivery, webhook);
		}, delay);
		this.timers.add(timer);
	}

	finish(delivery, status) {
		delivery.status = status;
		this.pending -= 1;
		if (this.pending === 0) this.waiters.splice(0).forEach((resolve) => resolve());
	}

	/** Resolves once no delivery is pending (delivered, failed or refused). */
	idle() {
		return this.pending === 0
			? Promise.resolve()
			: new Promise((resolve) => this.waiters.push(resolve));
	}

	reset() {
		this.stop();
		this.closed = false;
		this.deliveries = [];
	}

	stop() {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const delivery of this.deliveries)
			if (delivery.status === 'pending') delivery.status = 'failed';
		this.pending = 0;
		this.waiters.splice(0).forEach((resolve) => resolve());
	}
}

module.exports = { Dispatcher, isLoopbackUrl };

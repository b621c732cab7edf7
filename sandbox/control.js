'use strict';
// The sandbox's control API: make things happen (inbound calls and texts) and look inside.
const { Reply } = require('./errors');
const { isE164 } = require('./data');
const views = require('./views');

const DEFAULT_TRANSCRIPT = [
	['USER', 'Hello, thanks for calling, how can I help?'],
	['EXTERNAL', "Hi, I'd like to know when my order will arrive."],
	['USER', 'It ships today; you will get a tracking link by text.'],
];

class ControlError extends Error {}

/**
 * @param {{ store: import('./store').Store, dispatcher: import('./webhooks').Dispatcher, requestLog: object[],
 *   resetLimits: () => void, getBaseUrl: () => string }} parts
 */
function createControl({ store, dispatcher, requestLog, resetLimits, getBaseUrl }) {
	const requireAlloNumber = (number, field) => {
		const line = store.number(number);
		if (!line)
			throw new ControlError(
				`${field} must be one of the sandbox's Allo numbers: ${store.numbers.map((n) => n.number).join(', ')}`,
			);
		return line;
	};
	const requirePhone = (number, field) => {
		if (!isE164(number)) throw new ControlError(`${field} must be a phone number in E.164 format`);
		return number;
	};

	return {
		/**
		 * A call on an Allo number: fires `call.received` (inbound only) then `call.completed`
		 * and the v1 `CALL_RECEIVED`, with summary, transcript and a playable recording.
		 * @param {{ from: string, to: string, direction?: 'INBOUND' | 'OUTBOUND', result?: string, summary?: string,
		 *   oneSentenceSummary?: string, transcript?: Array<[string, string]>, durationSeconds?: number, recording?: boolean, tags?: string[] }} call
		 */
		simulateCall(call) {
			const direction = call.direction ?? 'INBOUND';
			const inbound = direction === 'INBOUND';
			const line = requireAlloNumber(inbound ? call.to : call.from, inbound ? 'to' : 'from');
			const contactNumber = requirePhone(inbound ? call.from : call.to, inbound ? 'from' : 'to');
			const answered = (call.result ?? 'ANSWERED') === 'ANSWERED';
			const lines = call.transcript ?? (answered ? DEFAULT_TRANSCRIPT : []);
			const record = store.addCall({
				direction,
				allo_number: line.number,
				contact_number: contactNumber,
				start: store.now(),
				duration_seconds: call.durationSeconds ?? 95,
				result: call.result ?? 'ANSWERED',
				summary:
					call.summary ??
					(answered ? 'Customer asked when their order arrives; it ships today.' : null),
				one_sentence_summary:
					call.oneSentenceSummary ?? (answered ? 'Delivery date question' : null),
				tags: call.tags ?? ['support'],
				transcript: lines.map(([source, text], i) => ({ source, text, offset: 2 + i * 5 })),
				recording: call.recording ?? answered,
				user: store.users[0],
			});
			const contact = store.contactFor(contactNumber);
			const baseUrl = getBaseUrl();
			if (inbound)
				dispatcher.emit({ topic: 'call.received', data: views.callReceivedEvent(record, contact) });
			dispatcher.emit({
				topic: 'call.completed',
				data: views.callCompletedEvent(record, contact, baseUrl),
				seedTopic: 'CALL_RECEIVED',
				v1Data: views.callReceivedV1(record, contact, line.name, baseUrl),
				alloNumber: line.number,
			});
			return views.v1Call(record, baseUrl, { withTags: true });
		},

		/**
		 * A text arriving on an Allo number: fires `sms.received` and the v1 `SMS_RECEIVED`.
		 * @param {{ from: string, to: string, content: string }} sms
		 */
		simulateInboundSms(sms) {
			const line = requireAlloNumber(sms.to, 'to');
			const from = requirePhone(sms.from, 'from');
			if (typeof sms.content !== 'string' || !sms.content)
				throw new ControlError('content must be a non-empty string');
			const record = store.addMessage({
				direction: 'INBOUND',
				allo_number: line.number,
				sender_id: null,
				contact_number: from,
				content: sms.content,
				date: store.now(),
				user: null,
			});
			const data = views.smsEvent(record, store.contactFor(from), line.name);
			dispatcher.emit({
				topic: 'sms.received',
				data,
				seedTopic: 'SMS_RECEIVED',
				alloNumber: line.number,
			});
			return { id: record.id, ...views.v1Message(record) };
		},

		/** Texts sent through POST /v1/api/sms, oldest first. */
		sentSms: () => store.sentSms.map((m) => ({ id: m.id, ...views.v1Message(m) })),

		/** Registered webhooks of both generations (signing secrets left out). */
		webhooks: () => ({
			v1: store.webhooksV1.map(views.v1Webhook),
			v2: store.webhooksV2.map((w) => views.v2Webhook(w)),
		}),

		/**
		 * What happens to webhooks outside the integration: deleted in Allo's settings, or
		 * disabled, as Allo does after deliveries kept failing for about a day.
		 * @param {string} id a v1 or v2 webhook id
		 */
		deleteWebhook(id) {
			if (!store.removeWebhook(store.webhooksV2, id) && !store.removeWebhook(store.webhooksV1, id))
				throw new ControlError(`No webhook ${id}`);
		},
		/** @param {string} id @param {boolean} enabled */
		setWebhookEnabled(id, enabled) {
			const webhook = [...store.webhooksV2, ...store.webhooksV1].find((w) => w.id === id);
			if (!webhook) throw new ControlError(`No webhook ${id}`);
			if (typeof enabled !== 'boolean') throw new ControlError('enabled must be true or false');
			webhook.enabled = enabled;
		},

		/** Every delivery with its attempts and status codes. */
		deliveries: () =>
			dispatcher.deliveries.map((d) => ({ ...d, attempts: d.attempts.map((a) => ({ ...a })) })),

		/** Requests served, without keys or bodies. */
		requests: () => requestLog.map((r) => ({ ...r })),

		/** Resolves once every delivery has succeeded, failed for good, or been refused. */
		idle: () => dispatcher.idle(),

		/** Back to the seeded state: data, webhooks, deliveries, logs, rate limits and quotas. */
		reset() {
			dispatcher.reset();
			store.reset();
			requestLog.length = 0;
			resetLimits();
		},
	};
}

/** The control API over HTTP, under /_sandbox/. */
async function handleControl(control, method, url, rawBody) {
	let body = {};
	try {
		body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
	} catch {
		return new Reply(400, { error: 'The body is not valid JSON' });
	}
	const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
	const webhookRoute = /^(DELETE|PATCH) \/_sandbox\/webhooks\/([^/]+)$/.exec(route);
	try {
		if (webhookRoute?.[1] === 'DELETE') {
			control.deleteWebhook(decodeURIComponent(webhookRoute[2]));
			return new Reply(204);
		}
		if (webhookRoute?.[1] === 'PATCH') {
			control.setWebhookEnabled(decodeURIComponent(webhookRoute[2]), body.enabled);
			return new Reply(204);
		}
		switch (route) {
			case 'GET /_sandbox':
				return new Reply(200, {
					routes: [
						'POST /_sandbox/calls {from, to, direction?, result?, summary?, transcript?, durationSeconds?}',
						'POST /_sandbox/sms {from, to, content}',
						'GET /_sandbox/sms/sent',
						'GET /_sandbox/webhooks',
						'DELETE /_sandbox/webhooks/{id}',
						'PATCH /_sandbox/webhooks/{id} {enabled}',
						'GET /_sandbox/deliveries[?wait=1]',
						'GET /_sandbox/requests',
						'POST /_sandbox/reset',
					],
				});
			case 'POST /_sandbox/calls':
				return new Reply(201, { data: control.simulateCall(body) });
			case 'POST /_sandbox/sms':
				return new Reply(201, { data: control.simulateInboundSms(body) });
			case 'GET /_sandbox/sms/sent':
				return new Reply(200, { data: control.sentSms() });
			case 'GET /_sandbox/webhooks':
				return new Reply(200, { data: control.webhooks() });
			case 'GET /_sandbox/deliveries':
				if (url.searchParams.get('wait')) await control.idle();
				return new Reply(200, { data: control.deliveries() });
			case 'GET /_sandbox/requests':
				return new Reply(200, { data: control.requests() });
			case 'POST /_sandbox/reset':
				control.reset();
				return new Reply(204);
			default:
				return new Reply(404, { error: `No control route ${route}; GET /_sandbox lists them` });
		}
	} catch (error) {
		if (error instanceof ControlError) return new Reply(400, { error: error.message });
		throw error;
	}
}

module.exports = { createControl, handleControl };

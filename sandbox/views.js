'use strict';
// The sandbox's records in the shapes Allo sends: v1 REST, v2 REST and webhook payloads.
const { v1Date, v2Date, humanLength } = require('./data');

/** Where a call's recording is served, behind the same API key. */
const recordingUrl = (baseUrl, call) =>
	call.recording ? `${baseUrl}/v1/assets/recordings/${call.id}.mp3` : null;

const fromNumber = (call) =>
	call.direction === 'OUTBOUND' ? call.allo_number : call.contact_number;
const toNumber = (call) => (call.direction === 'OUTBOUND' ? call.contact_number : call.allo_number);
const fullName = (contact) =>
	contact ? [contact.name, contact.last_name].filter(Boolean).join(' ') || null : null;
/** The named properties of a record, in that order (the sandbox stores them as Allo names them). */
const copied = (record, keys) => Object.fromEntries(keys.map((key) => [key, record[key]]));

const lengthInMinutes = (call) => Math.round((call.duration_seconds / 60) * 100) / 100;

/** `CallApiResponse` of GET /v1/api/calls (and, with `tags`, of the contact conversation). */
function v1Call(call, baseUrl, { withTags = false } = {}) {
	return {
		id: call.id,
		from_number: fromNumber(call),
		to_number: toNumber(call),
		length_in_minutes: lengthInMinutes(call),
		type: call.direction,
		result: call.result,
		summary: call.summary,
		tag: call.tags[0] ?? null,
		...(withTags ? { tags: call.tags } : {}),
		recording_url: recordingUrl(baseUrl, call),
		start_date: v1Date(call.start),
		transcript: call.transcript.map((line) => ({
			source: line.source,
			text: line.text,
			time: v1Date(call.start + line.offset * 1000),
			start_seconds: line.offset,
			end_seconds: line.offset + 4.5,
		})),
	};
}

/** `TextMessage` of the v1 conversation and of the send-SMS answer. */
function v1Message(message) {
	const outbound = message.direction === 'OUTBOUND';
	return {
		from_number: outbound ? message.allo_number : message.contact_number,
		sender_id: message.sender_id ?? null,
		to_number: outbound ? message.contact_number : message.allo_number,
		type: message.direction,
		content: message.content,
		start_date: v1Date(message.date),
	};
}

/** `ContactWithEngagementApiResponse`: the list, create and update shape (no emails). */
function v1Contact(contact, lastActivity) {
	return {
		...copied(contact, ['id', 'name', 'last_name']),
		company: contact.company ? { name: contact.company.name, id: contact.company.id } : null,
		...copied(contact, ['job_title', 'website', 'status', 'is_archived']),
		created_at: v1Date(contact.created_at),
		updated_at: v1Date(contact.updated_at),
		numbers: contact.numbers,
		is_whitelisted: contact.is_whitelisted,
		last_activity_date: v1Date(lastActivity ?? contact.updated_at),
		engagement: contact.engagement,
	};
}

/** `ContactContextApiResponse` of GET /v1/api/contact/{id}; engagement and activity only on request. */
function contactContext(contact, extend, conversation) {
	return {
		...copied(contact, ['id', 'name', 'last_name', 'numbers', 'emails']),
		company: contact.company ? { name: contact.company.name, id: contact.company.id } : null,
		...copied(contact, ['job_title', 'website', 'integration_data', 'custom_properties']),
		...(extend.includes('engagement') ? { engagement: contact.engagement } : {}),
		...(extend.includes('activity')
			? {
					activity: conversation.slice(0, 10).map((entry) => {
						const record = entry.call ?? entry.message;
						const medium = entry.call ? 'CALL' : 'SMS';
						return {
							type: `${record.direction}_${medium}`,
							made_by: record.user?.name ?? null,
							made_at: v1Date(entry.date),
							allo_number: entry.call ? record.allo_number : null,
							content: entry.message ? record.content : null,
						};
					}),
				}
			: {}),
		conversation_url: `/v1/api/contact/${contact.id}/conversation`,
	};
}

/** `CrmPerson` of the v2 people search; the sandbox gives people their v1 contact ids. */
function crmPerson(contact, interactions, lastActivity) {
	return {
		...copied(contact, ['id', 'name', 'last_name', 'job_title', 'website']),
		address: contact.address ?? null,
		...copied(contact, ['numbers', 'emails', 'company']),
		interactions,
		last_activity_at: v1Date(lastActivity),
		created_at: v1Date(contact.created_at),
		updated_at: v1Date(contact.updated_at),
	};
}

const contactRef = (contact) =>
	contact ? [{ id: contact.id, name: fullName(contact), company: contact.company, deals: [] }] : [];

/** `ConversationItem` of GET /v2/api/conversations/items/{id}. */
function v2Item(record, contact, baseUrl, extend) {
	const common = {
		id: record.id,
		direction: record.direction,
		allo_number: record.allo_number,
		contact_number: record.contact_number,
		contacts: contactRef(contact),
		user: record.user ?? null,
	};
	if (record.id.startsWith('msg-')) {
		return {
			...common,
			type: 'SMS',
			date: v2Date(record.date),
			content: record.content,
			status: record.status,
			message_type: record.message_type,
		};
	}
	return {
		...common,
		type: 'CALL',
		date: v2Date(record.start),
		duration: record.duration_seconds,
		result: record.result,
		recording_url: recordingUrl(baseUrl, record),
		summary: record.summary,
		tags: record.tags,
		...(extend.includes('transcript')
			? {
					transcript: record.transcript.map((line) => ({
						source: line.source,
						time: v2Date(record.start + line.offset * 1000),
						text: line.text,
					})),
				}
			: {}),
	};
}

const v1Number = (n) => ({
	number: n.number,
	name: n.name,
	country: n.country,
	is_shared_number: n.is_shared_number,
});

/** GET /v2/api/webhooks/event_types: every topic a v2 webhook can subscribe to. */
const EVENT_TYPES = [
	['call.received', 'Inbound call received'],
	['call.triggered', 'Outbound call started'],
	['call.answered', 'Call answered'],
	['call.completed', 'Call completed, with recording, transcript and summary'],
	['tag.added', 'Tag added to a call'],
	['tag.removed', 'Tag removed from a call'],
	['sms.received', 'Inbound sms received'],
	['sms.sent', 'Outbound sms sent'],
	['contact.created', 'Contact created'],
	['contact.updated', 'Contact updated'],
	['summary.updated', 'Call summary updated'],
].map(([name, description]) => ({ name, description }));

/** `PhoneNumber` of GET /v2/api/numbers: every user of the team reaches every number. */
const v2Number = (n, users) => ({
	number: n.number,
	name: n.name,
	country: n.country,
	type: 'NUMBER',
	capabilities: n.smsFromNumber ? ['VOICE', 'SMS'] : ['VOICE'],
	users,
});

/** `WebhookApiResponse`; the signing secret only where Allo returns it (create, get by id). */
function v2Webhook(webhook, { withSecret = false } = {}) {
	return {
		id: webhook.id,
		url: webhook.url,
		topics: webhook.topics,
		description: webhook.description,
		enabled: webhook.enabled,
		...(withSecret ? { signing_secret: webhook.signing_secret } : {}),
		created_at: v2Date(webhook.created_at),
	};
}

/** v1 webhooks: snake_case in the list, camelCase `alloNumber` in the create answer, as documented. */
const v1Webhook = (w) => ({
	id: w.id,
	allo_number: w.allo_number,
	enabled: w.enabled,
	url: w.url,
	topics: w.topics,
});
const v1WebhookCreated = (w) => ({
	id: w.id,
	alloNumber: w.allo_number,
	enabled: w.enabled,
	url: w.url,
	topics: w.topics,
});

/** The `person` block of v2 call events. */
const person = (contact) =>
	contact
		? {
				id: contact.id,
				name: contact.name,
				last_name: contact.last_name,
				email: contact.emails[0] ?? null,
				emails: contact.emails,
				numbers: contact.numbers,
				job_title: contact.job_title,
			}
		: undefined;

/** v2 `call.received`: the call is ringing; no id yet. */
function callReceivedEvent(call, contact) {
	return {
		from_number: fromNumber(call),
		to_number: toNumber(call),
		started_at: v2Date(call.start),
		user_email: call.user?.email ?? null,
		...(contact ? { person: person(contact) } : {}),
		company: contact?.company ?? null,
		deals: null,
	};
}

/** v2 `call.completed`: the finished call with recording, transcript and summary. */
function callCompletedEvent(call, contact, baseUrl) {
	return {
		id: call.id,
		from_number: fromNumber(call),
		to_number: toNumber(call),
		to: toNumber(call),
		type: call.direction,
		direction: call.direction,
		result: call.result,
		start_date: v2Date(call.start),
		length_in_minutes: lengthInMinutes(call),
		recording_url: recordingUrl(baseUrl, call),
		summary: call.summary,
		one_sentence_summary: call.one_sentence_summary,
		concatenated_transcript: concatenated(call),
		transcript: call.transcript.map((line) => ({
			source: line.source,
			time: v2Date(call.start + line.offset * 1000),
			text: line.text,
		})),
		tags: call.tags,
		ivr_result: [],
		user_email: call.user?.email ?? null,
		...(contact ? { person: person(contact) } : {}),
	};
}

const concatenated = (call) =>
	call.transcript.map((line) => `${line.source}: ${line.text}`).join('\n') || null;

/** v1 `CALL_RECEIVED`, field for field as Allo's webhook guide lists it (note `to`, not `to_number`). */
function callReceivedV1(call, contact, numberName, baseUrl) {
	const inbound = call.direction === 'INBOUND';
	return {
		id: call.id,
		start_date: v2Date(call.start),
		recording_url: recordingUrl(baseUrl, call),
		from_number: fromNumber(call),
		from_name: inbound ? fullName(contact) : numberName,
		to: toNumber(call),
		to_name: inbound ? numberName : fullName(contact),
		length_in_minutes: lengthInMinutes(call),
		length: humanLength(call.duration_seconds),
		tag: call.tags[0] ?? null,
		summary: call.summary,
		one_sentence_summary: call.one_sentence_summary,
		transcriptions: call.transcript.map((line) => ({
			source: line.source,
			time: v2Date(call.start + line.offset * 1000),
			text: line.text,
		})),
		concatenated_transcript: concatenated(call) ?? '',
		data_collected: {},
		type: call.direction,
		result: call.result,
		integration_id: null,
		transfer_from: null,
		transfer_to: null,
		ivr_result: [],
		user_email: call.user?.email ?? null,
	};
}

/** SMS events, v1 and v2 alike. */
function smsEvent(message, contact, numberName) {
	const outbound = message.direction === 'OUTBOUND';
	const alloName = numberName ?? message.sender_id ?? null;
	return {
		id: message.id,
		direction: message.direction,
		type: message.message_type,
		content: message.content,
		sent_at: v2Date(message.date),
		from_number: outbound ? (message.allo_number ?? message.sender_id) : message.contact_number,
		to_number: outbound ? message.contact_number : message.allo_number,
		from_name: outbound ? alloName : fullName(contact),
		to_name: outbound ? fullName(contact) : alloName,
		...(message.sender_id ? { sender_id: message.sender_id } : {}),
	};
}

/** Contact events: v1 sends the company as a string, v2 as `{id, name}`. */
function contactEvent(contact, version) {
	return {
		id: contact.id,
		name: contact.name,
		last_name: contact.last_name,
		company: version === 'v1' ? (contact.company?.name ?? null) : contact.company,
		emails: contact.emails,
		numbers: contact.numbers,
		...(version === 'v2'
			? {
					job_title: contact.job_title,
					website: contact.website,
					created_at: v2Date(contact.created_at),
					updated_at: v2Date(contact.updated_at),
				}
			: {}),
	};
}

module.exports = {
	v1Call,
	v1Message,
	v1Contact,
	contactContext,
	crmPerson,
	v2Number,
	EVENT_TYPES,
	v2Item,
	v1Number,
	v2Webhook,
	v1Webhook,
	v1WebhookCreated,
	callReceivedEvent,
	callCompletedEvent,
	callReceivedV1,
	smsEvent,
	contactEvent,
};

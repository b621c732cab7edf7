'use strict';
// Every Allo endpoint the integrations call, with Allo's scopes and business rules.
const { Reply, v1Error, v2Error } = require('./errors');
const { countryOf, isE164 } = require('./data');
const { silentMp3 } = require('./mp3');
const { isLoopbackUrl } = require('./webhooks');
const views = require('./views');

const SEED_TOPICS = [
	'CALL_RECEIVED',
	'SMS_RECEIVED',
	'SMS_SENT',
	'CONTACT_CREATED',
	'CONTACT_UPDATED',
];
const SENDER_ID = /^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/;

/** The v1 webhook endpoints are absent from Allo's OpenAPI document; these are the documented shapes. */
const V1_WEBHOOK_BODY = {
	type: 'object',
	required: ['allo_number', 'url', 'topics'],
	additionalProperties: false,
	properties: {
		allo_number: { type: 'string' },
		url: { type: 'string', format: 'uri' },
		topics: { type: 'array', minItems: 1, items: { enum: ['PING', ...SEED_TOPICS] } },
		enabled: { type: 'boolean' },
	},
};

const ok = (data, status = 200) => new Reply(status, { data });

/** One page of a list; v1 pages count from 0, v2 from 1. */
function pageOf(list, page, size, firstPage) {
	const start = (page - firstPage) * size;
	return { items: list.slice(start, start + size), totalPages: Math.ceil(list.length / size) };
}

const extendOf = (query) =>
	String(query.extend ?? '')
		.split(',')
		.map((s) => s.trim());

/**
 * Allo requires HTTPS webhook URLs. The sandbox also takes plain http:// on loopback addresses,
 * so tests can receive deliveries without a certificate.
 */
const acceptableWebhookUrl = (url) =>
	url.startsWith('https://') || (url.startsWith('http://') && isLoopbackUrl(url));

function invalidNumbers(numbers) {
	if (!numbers.length)
		return [{ message: 'at least one phone number is required', field: 'numbers' }];
	const bad = numbers.filter((n) => !isE164(n));
	return bad.length
		? [{ message: `not in E.164 format: ${bad.join(', ')}`, field: 'numbers' }]
		: null;
}

function fireContact(ctx, contact, created) {
	ctx.dispatcher.emit({
		topic: created ? 'contact.created' : 'contact.updated',
		data: views.contactEvent(contact, 'v2'),
		seedTopic: created ? 'CONTACT_CREATED' : 'CONTACT_UPDATED',
		v1Data: views.contactEvent(contact, 'v1'),
	});
}

function recordSentSms(ctx, { allo_number, sender_id, to, message }) {
	const { store } = ctx;
	const record = store.addMessage({
		direction: 'OUTBOUND',
		allo_number: allo_number ?? null,
		sender_id: sender_id ?? null,
		contact_number: to,
		content: message,
		date: store.now(),
		user: null,
		status: 'SENT',
	});
	store.sentSms.push(record);
	const contact = store.contactFor(to);
	const data = views.smsEvent(record, contact, store.number(allo_number)?.name);
	ctx.dispatcher.emit({
		topic: 'sms.sent',
		data,
		seedTopic: 'SMS_SENT',
		alloNumber: allo_number ?? null,
	});
	return ok(views.v1Message(record));
}

/**
 * @typedef {{ params: Record<string, string>, query: Record<string, any>, body: any, store: import('./store').Store,
 *   dispatcher: import('./webhooks').Dispatcher, baseUrl: string, key: { id: string, scopes: string[] }, routes: Route[] }} Context
 * @typedef {{ name: string, method: string, path: string, version: 'v1' | 'v2', scope?: string, spec?: string | ((body: any) => string),
 *   schema?: object, quota?: boolean, invalid?: (problems: any[]) => Reply | undefined, handle: (ctx: Context) => Reply }} Route
 */

/** @type {Route[]} */
const routes = [
	{
		name: 'searchCalls',
		method: 'GET',
		path: '/v1/api/calls',
		version: 'v1',
		scope: 'CONVERSATIONS_READ',
		spec: '/v1/api/calls',
		handle: ({ query, store, baseUrl }) => {
			const page = query.page ?? 0;
			const { items, totalPages } = pageOf(
				store.callsOf(query.allo_number, query.contact_number),
				page,
				query.size ?? 10,
				0,
			);
			return ok({
				results: items.map((c) => views.v1Call(c, baseUrl)),
				metadata: { total_pages: totalPages, current_page: page },
			});
		},
	},
	{
		name: 'getConversationItem',
		method: 'GET',
		path: '/v2/api/conversations/items/{id}',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		spec: '/v2/api/conversations/items/{id}',
		handle: ({ params, query, store, baseUrl }) => {
			if (!/^(cll|msg)-/.test(params.id)) {
				return v2Error(
					400,
					'INVALID_ITEM_ID',
					'Item IDs start with cll- (calls) or msg- (messages).',
					{ param: 'id' },
				);
			}
			const record = store.item(params.id);
			if (!record)
				return v2Error(404, 'NOT_FOUND', `No conversation item ${params.id}.`, { param: 'id' });
			return ok(
				views.v2Item(record, store.contactFor(record.contact_number), baseUrl, extendOf(query)),
			);
		},
	},
	{
		name: 'searchConversationItems',
		method: 'POST',
		path: '/v2/api/conversations/items/search',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		spec: '/v2/api/conversations/items/search',
		handle: ({ body, store, baseUrl }) => {
			const page = body.page ?? 1;
			const size = body.size ?? 20;
			if (page < 1 || size < 1) {
				return v2Error(422, 'VALIDATION_ERROR', 'page and size start at 1.', {
					param: page < 1 ? 'page' : 'size',
				});
			}
			const type = body.type ?? 'ALL';
			const records = [
				...(type === 'SMS' ? [] : store.calls.map((call) => ({ record: call, date: call.start }))),
				...(type === 'CALL'
					? []
					: store.messages.map((message) => ({ record: message, date: message.date }))),
			];
			const search = body.search?.trim().toLowerCase();
			const matching = records.filter(
				({ record }) =>
					(!body.allo_number || record.allo_number === body.allo_number) &&
					(!body.contact_number || record.contact_number === body.contact_number) &&
					(!body.direction || record.direction === body.direction) &&
					(!search ||
						[record.content, record.summary].some((text) =>
							String(text ?? '')
								.toLowerCase()
								.includes(search),
						)),
			);
			const sorted = matching.sort((a, b) =>
				body.sort === 'DATE_ASC' ? a.date - b.date : b.date - a.date,
			);
			const { items, totalPages } = pageOf(sorted, page, size, 1);
			return new Reply(200, {
				data: items.map(({ record }) =>
					views.v2Item(record, store.contactFor(record.contact_number), baseUrl, []),
				),
				pagination: {
					page,
					size,
					total_count: sorted.length,
					total_pages: totalPages,
					has_more: page < totalPages,
				},
			});
		},
	},
	{
		name: 'searchContacts',
		method: 'GET',
		path: '/v1/api/contacts',
		version: 'v1',
		scope: 'CONTACTS_READ',
		spec: '/v1/api/contacts',
		handle: ({ query, store }) => {
			const page = query.page ?? 0;
			const { items, totalPages } = pageOf(store.contacts, page, query.size ?? 10, 0);
			return ok({
				results: items.map((c) => views.v1Contact(c, store.lastActivity(c))),
				metadata: { pagination: { total_pages: totalPages, current_page: page } },
			});
		},
	},
	{
		name: 'createContact',
		method: 'POST',
		path: '/v1/api/contacts',
		version: 'v1',
		scope: 'CONTACTS_READ_WRITE',
		spec: '/v1/api/contacts',
		handle: (ctx) => {
			const problem = invalidNumbers(ctx.body.numbers);
			if (problem) return v1Error(400, 'INVALID_PHONE_NUMBER', problem);
			const contact = ctx.store.createContact(ctx.body);
			fireContact(ctx, contact, true);
			return ok(views.v1Contact(contact, null));
		},
	},
	{
		name: 'updateContact',
		method: 'PUT',
		path: '/v1/api/contacts/{contact_id}',
		version: 'v1',
		scope: 'CONTACTS_READ_WRITE',
		spec: '/v1/api/contacts/{contact_id}',
		handle: (ctx) => {
			const contact = ctx.store.contact(ctx.params.contact_id);
			if (!contact) return v1Error(400, 'CONTACT_NOT_FOUND');
			const problem = Array.isArray(ctx.body.numbers) ? invalidNumbers(ctx.body.numbers) : null;
			if (problem) return v1Error(400, 'INVALID_PHONE_NUMBER', problem);
			ctx.store.updateContact(contact, ctx.body);
			fireContact(ctx, contact, false);
			return ok(views.v1Contact(contact, ctx.store.lastActivity(contact)));
		},
	},
	{
		name: 'getContact',
		method: 'GET',
		path: '/v1/api/contact/{contact_id}',
		version: 'v1',
		scope: 'CONTACTS_READ',
		spec: '/v1/api/contact/{contact_id}',
		handle: ({ params, query, store }) => {
			const contact = store.contact(params.contact_id);
			if (!contact) return v1Error(400, 'CONTACT_NOT_FOUND');
			return ok(views.contactContext(contact, extendOf(query), store.conversation(contact)));
		},
	},
	{
		name: 'searchPeople',
		method: 'POST',
		path: '/v2/api/crm/people/search',
		version: 'v2',
		scope: 'CRM_READ',
		spec: '/v2/api/crm/people/search',
		handle: ({ body, store }) => {
			const page = body.page ?? 1;
			const size = body.size ?? 20;
			if (page < 1 || size < 1) {
				return v2Error(422, 'VALIDATION_ERROR', 'page and size start at 1.', {
					param: page < 1 ? 'page' : 'size',
				});
			}
			const filters = body.filters ?? {};
			const has = (value, needle) =>
				String(value ?? '')
					.toLowerCase()
					.includes(String(needle).toLowerCase());
			// An exact phone filter reads the number index rather than every contact.
			const candidates = filters.phone_number
				? store.contacts.filter((c) => c.numbers.includes(filters.phone_number))
				: store.contacts;
			const search = body.search?.trim();
			const matching = candidates.filter(
				(c) =>
					(!filters.name || has(c.name, filters.name)) &&
					(!filters.last_name || has(c.last_name, filters.last_name)) &&
					(!filters.job_title || has(c.job_title, filters.job_title)) &&
					(!filters.website || has(c.website, filters.website)) &&
					(!filters.company || has(c.company?.name, filters.company)) &&
					(!filters.email || c.emails.some((e) => has(e, filters.email))) &&
					(!search ||
						[
							`${c.name ?? ''} ${c.last_name ?? ''}`,
							c.company?.name,
							...c.emails,
							...c.numbers,
						].some((v) =>
							has(v, search),
						)),
			);
			const sorters = {
				NAME_ASC: (a, b) => String(a.name).localeCompare(String(b.name)),
				NAME_DESC: (a, b) => String(b.name).localeCompare(String(a.name)),
				CREATED_ASC: (a, b) => a.created_at - b.created_at,
				CREATED_DESC: (a, b) => b.created_at - a.created_at,
				DATE_ASC: (a, b) => a.updated_at - b.updated_at,
				DATE_DESC: (a, b) => b.updated_at - a.updated_at,
			};
			const sorted = [...matching].sort(sorters[body.sort ?? 'DATE_DESC']);
			const { items, totalPages } = pageOf(sorted, page, size, 1);
			return new Reply(200, {
				data: items.map((c) => {
					const conversation = store.conversation(c);
					return views.crmPerson(c, conversation.length, conversation[0]?.date ?? null);
				}),
				pagination: {
					page,
					size,
					total_count: sorted.length,
					total_pages: totalPages,
					has_more: page < totalPages,
				},
			});
		},
	},
	{
		name: 'sendSms',
		method: 'POST',
		path: '/v1/api/sms',
		version: 'v1',
		scope: 'SMS_SEND',
		// One path, two documented operations: a `sender_id` body is the French variant.
		spec: (body) =>
			body && typeof body === 'object' && 'sender_id' in body
				? '/v1/api/sms#france'
				: '/v1/api/sms',
		invalid: (problems) =>
			problems.some(
				(p) => p.field === 'message' && (p.keyword === 'minLength' || p.keyword === 'maxLength'),
			)
				? v1Error(400, 'INVALID_LENGTH')
				: undefined,
		handle: (ctx) => {
			const { body, store } = ctx;
			if (!body.message.trim()) return v1Error(400, 'INVALID_LENGTH');
			if ('sender_id' in body) {
				if (!SENDER_ID.test(body.sender_id)) return v1Error(400, 'INVALID_SENDER_ID');
				const sender = store.senderIds.find((s) => s.sender_id === body.sender_id);
				if (!sender) return v1Error(400, 'INVALID_SENDER_ID');
				if (!sender.active) return v1Error(400, 'SENDER_ID_NOT_ACTIVE');
				if (!isE164(body.to) || !body.to.startsWith('+33'))
					return v1Error(400, 'INVALID_TO_NUMBER');
				return recordSentSms(ctx, {
					sender_id: body.sender_id,
					to: body.to,
					message: body.message,
				});
			}
			const from = store.number(body.from);
			if (!from) return v1Error(400, 'FROM_NUMBER_NOT_FOUND');
			// French lines text through a verified sender ID (POST /v1/api/sms with sender_id).
			if (!from.smsFromNumber) return v1Error(400, 'PROVIDER_NOT_SUPPORTED');
			if (!isE164(body.to)) return v1Error(400, 'INVALID_TO_NUMBER');
			if (countryOf(body.to) !== from.country) return v1Error(400, 'TO_NUMBER_COUNTRY_MISMATCH');
			return recordSentSms(ctx, { allo_number: from.number, to: body.to, message: body.message });
		},
	},
	{
		name: 'getContactConversation',
		method: 'GET',
		path: '/v1/api/contact/{contact_id}/conversation',
		version: 'v1',
		scope: 'CONVERSATIONS_READ',
		spec: '/v1/api/contact/{contact_id}/conversation',
		handle: ({ params, query, store, baseUrl }) => {
			const contact = store.contact(params.contact_id);
			if (!contact) return v1Error(400, 'CONTACT_NOT_FOUND');
			const page = query.page ?? 0;
			const { items, totalPages } = pageOf(
				store.conversation(contact, query.allo_number),
				page,
				query.size ?? 10,
				0,
			);
			return ok({
				results: items.map((entry) =>
					entry.call
						? {
								type: 'CALL',
								call: views.v1Call(entry.call, baseUrl, { withTags: true }),
								message: null,
							}
						: { type: 'TEXT_MESSAGE', call: null, message: views.v1Message(entry.message) },
				),
				metadata: { pagination: { total_pages: totalPages, current_page: page } },
			});
		},
	},
	{
		name: 'getNumbers',
		method: 'GET',
		path: '/v1/api/numbers',
		version: 'v1',
		scope: 'CONVERSATIONS_READ',
		spec: '/v1/api/numbers',
		handle: ({ store }) => ok(store.numbers.map(views.v1Number)),
	},
	{
		name: 'listWebhooks',
		method: 'GET',
		path: '/v2/api/webhooks',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
		spec: '/v2/api/webhooks',
		handle: ({ store }) => ok(store.webhooksV2.map((w) => views.v2Webhook(w))),
	},
	{
		name: 'createWebhook',
		method: 'POST',
		path: '/v2/api/webhooks',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
		spec: '/v2/api/webhooks',
		invalid: (problems) =>
			problems.some((p) => p.field === 'topics' && p.keyword === 'enum')
				? v2Error(
						400,
						'INVALID_EVENT_TYPE',
						'Unknown topic; GET /v2/api/webhooks/event_types lists them.',
						{ param: 'topics' },
					)
				: undefined,
		handle: ({ body, store }) => {
			if (!acceptableWebhookUrl(body.url))
				return v2Error(400, 'VALIDATION_ERROR', 'The URL must use HTTPS.', { param: 'url' });
			if (!body.topics.length)
				return v2Error(400, 'VALIDATION_ERROR', 'Subscribe to at least one topic.', {
					param: 'topics',
				});
			return ok(views.v2Webhook(store.addWebhookV2(body), { withSecret: true }), 201);
		},
	},
	{
		name: 'getWebhook',
		method: 'GET',
		path: '/v2/api/webhooks/{webhook_id}',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
		spec: '/v2/api/webhooks/{webhook_id}',
		handle: ({ params, store }) => {
			const webhook = store.webhooksV2.find((w) => w.id === params.webhook_id);
			return webhook
				? ok(views.v2Webhook(webhook, { withSecret: true }))
				: v2Error(404, 'NOT_FOUND', `No webhook ${params.webhook_id}.`, { param: 'webhook_id' });
		},
	},
	{
		name: 'updateWebhook',
		method: 'PUT',
		path: '/v2/api/webhooks/{webhook_id}',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
		spec: '/v2/api/webhooks/{webhook_id}',
		invalid: (problems) =>
			problems.some((p) => p.field === 'topics' && p.keyword === 'enum')
				? v2Error(400, 'INVALID_EVENT_TYPE', 'Unknown topic.', { param: 'topics' })
				: undefined,
		handle: ({ params, body, store }) => {
			const webhook = store.webhooksV2.find((w) => w.id === params.webhook_id);
			if (!webhook)
				return v2Error(404, 'NOT_FOUND', `No webhook ${params.webhook_id}.`, {
					param: 'webhook_id',
				});
			if (body.url !== undefined && !acceptableWebhookUrl(body.url)) {
				return v2Error(400, 'VALIDATION_ERROR', 'The URL must use HTTPS.', { param: 'url' });
			}
			for (const key of ['url', 'topics', 'description', 'enabled'])
				if (body[key] !== undefined) webhook[key] = body[key];
			return ok(views.v2Webhook(webhook));
		},
	},
	{
		name: 'deleteWebhook',
		method: 'DELETE',
		path: '/v2/api/webhooks/{webhook_id}',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
		spec: '/v2/api/webhooks/{webhook_id}',
		handle: ({ params, store }) =>
			store.removeWebhook(store.webhooksV2, params.webhook_id)
				? new Reply(204)
				: v2Error(404, 'NOT_FOUND', `No webhook ${params.webhook_id}.`, { param: 'webhook_id' }),
	},
	{
		name: 'listWebhooksV1',
		method: 'GET',
		path: '/v1/api/webhooks',
		version: 'v1',
		scope: 'WEBHOOKS_READ_WRITE',
		handle: ({ store }) => ok(store.webhooksV1.map(views.v1Webhook)),
	},
	{
		name: 'createWebhookV1',
		method: 'POST',
		path: '/v1/api/webhooks',
		version: 'v1',
		scope: 'WEBHOOKS_READ_WRITE',
		schema: V1_WEBHOOK_BODY,
		handle: ({ body, store }) => {
			if (!store.number(body.allo_number)) {
				return v1Error(400, 'NUMBER_NOT_FOUND', [
					{ message: 'not an Allo number of this workspace', field: 'allo_number' },
				]);
			}
			if (!acceptableWebhookUrl(body.url))
				return v1Error(400, 'INVALID_URL', [{ message: 'must use HTTPS', field: 'url' }]);
			return ok(views.v1WebhookCreated(store.addWebhookV1(body)), 201);
		},
	},
	{
		name: 'deleteWebhookV1',
		method: 'DELETE',
		path: '/v1/api/webhooks/{webhook_id}',
		version: 'v1',
		scope: 'WEBHOOKS_READ_WRITE',
		handle: ({ params, store }) =>
			store.removeWebhook(store.webhooksV1, params.webhook_id)
				? new Reply(204)
				: new Reply(404, { error: 'WEBHOOK_NOT_FOUND' }),
	},
	{
		name: 'getMe',
		method: 'GET',
		path: '/v2/api/me',
		version: 'v2',
		spec: '/v2/api/me',
		handle: ({ key, store, routes: all, limits, summaries }) =>
			ok({
				api_key_id: key.id,
				scopes: key.scopes,
				endpoints: all
					.filter((r) => r.spec && r.scope && key.scopes.includes(r.scope))
					.map((r) => ({
						method: r.method,
						path: r.path,
						description: summaries.get(r.name) ?? r.name,
						scope: r.scope,
					})),
				team: store.team,
				rate_limits: {
					read_per_second: limits.readsPerSecond,
					write_per_second: limits.writesPerSecond,
				},
			}),
	},
	{
		name: 'recording',
		method: 'GET',
		path: '/v1/assets/recordings/{file}',
		version: 'v1',
		quota: false,
		handle: ({ params, store }) => {
			const call = store.item(params.file.replace(/\.mp3$/, ''));
			if (!call || !call.recording || !params.file.endsWith('.mp3'))
				return v1Error(404, 'RECORDING_NOT_FOUND');
			return new Reply(200, silentMp3(Math.min(3, call.duration_seconds)), {
				'content-type': 'audio/mpeg',
			});
		},
	},
];

/** Compiled path templates: `{name}` matches one path segment. */
const matchers = routes.map((route) => ({
	route,
	names: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
	pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
}));

/** The route for a request, with its decoded path parameters; `allowed` lists methods when only the path matched. */
function findRoute(method, pathname) {
	const allowed = [];
	for (const { route, names, pattern } of matchers) {
		const match = pathname.match(pattern);
		if (!match) continue;
		if (route.method !== method) {
			allowed.push(route.method);
			continue;
		}
		let params;
		try {
			params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
		} catch {
			params = Object.fromEntries(names.map((name, i) => [name, match[i + 1]]));
		}
		return { route, params };
	}
	return { allowed };
}

module.exports = { routes, findRoute };

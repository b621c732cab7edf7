'use strict';
// Webhooks: signed v2 webhooks and the per-number v1 ones.
const { Reply, v1Error, v2Error } = require('../errors');
const { isLoopbackUrl } = require('../webhooks');
const views = require('../views');
const { ok } = require('./replies');

const SEED_TOPICS = [
	'CALL_RECEIVED',
	'SMS_RECEIVED',
	'SMS_SENT',
	'CONTACT_CREATED',
	'CONTACT_UPDATED',
];

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

/**
 * Allo requires HTTPS webhook URLs. The sandbox also takes plain http:// on loopback addresses,
 * so tests can receive deliveries without a certificate.
 */
const acceptableWebhookUrl = (url) =>
	url.startsWith('https://') || (url.startsWith('http://') && isLoopbackUrl(url));

/**
 * Removing a webhook, the same in both versions but for the answer when it is gone. v2 is checked
 * against the OpenAPI document; v1 webhooks are not in it.
 * @returns {import('./index').Route}
 */
const deleteRoute = (name, version, listOf, notFound) => ({
	name,
	method: 'DELETE',
	path: `/${version}/api/webhooks/{webhook_id}`,
	version,
	scope: 'WEBHOOKS_READ_WRITE',
	...(version === 'v2' ? { spec: '/v2/api/webhooks/{webhook_id}' } : {}),
	handle: ({ params, store }) =>
		store.removeWebhook(listOf(store), params.webhook_id)
			? new Reply(204)
			: notFound(params.webhook_id),
});

/** @type {import('./index').Route[]} */
module.exports = [
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
	deleteRoute(
		'deleteWebhook',
		'v2',
		(store) => store.webhooksV2,
		(id) => v2Error(404, 'NOT_FOUND', `No webhook ${id}.`, { param: 'webhook_id' }),
	),
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
	deleteRoute(
		'deleteWebhookV1',
		'v1',
		(store) => store.webhooksV1,
		() => new Reply(404, { error: 'WEBHOOK_NOT_FOUND' }),
	),
];

import {
	AlloClient,
	AlloFile,
	enableWebhook,
	endpoints,
	errorCatalog,
	errorFromResponse,
	fetchSubscription,
	getAccount,
	normaliseCall,
	normaliseContact,
	normaliseMessage,
	normalisePhoneNumber,
	normaliseWebhook,
	operations,
	runOperation,
	unwrap,
	type Endpoint,
	type HttpRequest,
	type OperationDeclaration,
	type PageSelection,
	contactChoices,
	recentMessages,
} from '../../shared';
import * as op from '../../shared/operations';
import {
	allResponseExamples,
	exampleFromSchema,
	matchPath,
	openapi,
	operationSpec,
	resolve,
	responseExample,
	validator,
} from '../support/openapi';
import { json, RecordingTransport } from '../support/recordingTransport';
import { v1WebhookSpecs } from './v1Webhooks';

const BASE_URL = 'https://api.withallo.com';
const RECORDING_URL = 'https://storage.withallo.com/recordings/abc123.mp3';

type Json = Record<string, unknown>;

/** The OpenAPI operation a request is for; the French SMS is keyed `/v1/api/sms#france`. */
function specFor(request: HttpRequest) {
	const path = new URL(request.url).pathname;
	if (
		request.method === 'POST' &&
		path === '/v1/api/sms' &&
		(request.body as Json)?.sender_id !== undefined
	) {
		return operationSpec('/v1/api/sms#france', 'POST');
	}
	const key = matchPath(path, request.method);
	return key ? operationSpec(key, request.method) : undefined;
}

function successExample(operation: Json): { status: number; body: unknown } {
	const responses = operation.responses as Record<string, unknown>;
	const status = Object.keys(responses).find((code) => code.startsWith('2')) as string;
	const response = resolve<Json>(responses[status]);
	const schema = ((response.content as Json | undefined)?.['application/json'] as Json | undefined)
		?.schema;
	return {
		status: Number(status),
		body: responseExample(response) ?? (schema ? exampleFromSchema(schema) : undefined),
	};
}

function answer(request: HttpRequest) {
	if (request.responseType === 'binary') {
		return {
			status: 200,
			headers: { 'content-type': 'audio/mpeg' },
			body: new Uint8Array([73, 68, 51]),
		};
	}
	const v1Webhook = v1WebhookSpecs.find((spec) => spec.matches(request));
	if (v1Webhook) return json(v1Webhook.status, v1Webhook.response);
	const spec = specFor(request);
	if (!spec) throw new Error(`No OpenAPI operation for ${request.method} ${request.url}`);
	const example = successExample(spec.operation);
	let body = example.body;
	// The item example has no recording; a call with one exercises the download.
	if (spec.key === '/v2/api/conversations/items/{id}') {
		body = { data: { ...(unwrap(body) as Json), recording_url: RECORDING_URL } };
	}
	return json(example.status, body);
}

/** The property names a schema declares, those of its `allOf` parts included. */
function declaredProperties(node: unknown): string[] {
	const schema = resolve<Json>(node);
	return [
		...Object.keys((schema.properties as Json) ?? {}),
		...((schema.allOf as unknown[]) ?? []).flatMap(declaredProperties),
	];
}

/** Problems of one request against the OpenAPI operation (or the documented v1 webhook shapes). */
function requestProblems(request: HttpRequest): string[] {
	const url = new URL(request.url);
	if (url.origin !== BASE_URL) return [];
	const v1Webhook = v1WebhookSpecs.find((spec) => spec.matches(request));
	if (v1Webhook) return v1Webhook.problems(request);

	const spec = specFor(request);
	if (!spec) return [`${request.method} ${url.pathname} is not in Allo's OpenAPI document`];
	const problems: string[] = [];
	const parameters = ((spec.operation.parameters as unknown[]) ?? []).map((p) => resolve<Json>(p));

	const template = spec.key.replace(/#.*$/, '');
	const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
	const values =
		url.pathname.match(new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`))?.slice(1) ?? [];
	names.forEach((name, i) => {
		const param = parameters.find((p) => p.in === 'path' && p.name === name);
		if (!param) problems.push(`path parameter ${name} is not declared`);
		else if (!validator(param.schema)(decodeURIComponent(values[i])))
			problems.push(`path parameter ${name} is invalid`);
	});

	const query = request.query ?? {};
	for (const param of parameters.filter((p) => p.in === 'query')) {
		const value = query[param.name as string];
		if (value === undefined) {
			if (param.required) problems.push(`required query parameter ${param.name} is missing`);
		} else if (!validator(param.schema)(value)) {
			problems.push(
				`query parameter ${param.name}=${value}: ${JSON.stringify(validator(param.schema).errors)}`,
			);
		}
	}
	for (const key of Object.keys(query)) {
		if (!parameters.some((p) => p.in === 'query' && p.name === key))
			problems.push(`query parameter ${key} is not declared`);
	}

	const requestBody = spec.operation.requestBody
		? resolve<Json>(spec.operation.requestBody)
		: undefined;
	if (requestBody) {
		const schema = ((requestBody.content as Json)['application/json'] as Json).schema;
		if (request.body === undefined) {
			if (requestBody.required) problems.push('the request body is missing');
		} else {
			const validate = validator(schema);
			if (!validate(request.body)) problems.push(`body: ${JSON.stringify(validate.errors)}`);
			const declared = declaredProperties(schema);
			for (const key of Object.keys(request.body as Json)) {
				if (!declared.includes(key)) problems.push(`body property ${key} is not declared`);
			}
		}
	} else if (request.body !== undefined) {
		problems.push('a body is sent to an operation that takes none');
	}
	// The platform authenticates (n8n's credential, Zapier's beforeRequest): never the core.
	if ('Authorization' in request.headers)
		problems.push('the core sent an Authorization header of its own');
	return problems;
}

interface Case {
	name: string;
	operation: OperationDeclaration;
	input: Record<string, unknown>;
	page?: PageSelection;
}

const cases: Case[] = [
	{
		name: 'one number, one contact',
		operation: op.getManyCalls,
		input: { alloNumber: '+1 (415) 555-0100', contactNumber: '+1 415-555-1234' },
		page: { returnAll: false, limit: 5 },
	},
	{
		name: 'all numbers, return all',
		operation: op.getManyCalls,
		input: { alloNumber: 'all' },
		page: { returnAll: true },
	},
	{
		name: 'since a date',
		operation: op.getManyCalls,
		input: { alloNumber: '+14155550100', since: '2024-01-01T00:00:00Z' },
	},
	{ name: 'by id', operation: op.getCall, input: { callId: 'cll-abc123' } },
	{ name: 'recording', operation: op.downloadRecording, input: { callId: 'cll-abc123' } },
	{
		name: 'all fields',
		operation: op.createContact,
		input: {
			numbers: '+14155551234',
			firstName: 'Jane',
			lastName: 'Doe',
			emails: 'jane@example.com',
			jobTitle: 'CEO',
			website: 'https://example.com',
		},
	},
	{
		name: 'adding emails and numbers',
		operation: op.updateContact,
		input: {
			contactId: 'cnt_abc123',
			firstName: 'Jane',
			emails: 'jane@new.example',
			numbers: '+14155559876',
		},
	},
	{
		name: 'replacing emails',
		operation: op.updateContact,
		input: { contactId: 'cnt_abc123', emails: 'jane@new.example', emailsMode: 'replace' },
	},
	{
		name: 'with engagement and activity',
		operation: op.getContact,
		input: { contactId: 'cnt_abc123' },
	},
	{ name: 'return all', operation: op.getManyContacts, input: {}, page: { returnAll: true } },
	{ name: 'by phone', operation: op.findContact, input: { phoneNumber: '+33 6 12 34 56 78' } },
	{ name: 'by email', operation: op.findContact, input: { email: 'john@example.com' } },
	{
		name: 'existing contact',
		operation: op.upsertContact,
		input: { phoneNumber: '+33612345678', firstName: 'John', emails: 'john@new.example' },
	},
	{
		name: 'one contact, one number',
		operation: op.getManyConversation,
		input: { contactId: 'cnt_abc123', alloNumber: '+14155550100' },
		page: { returnAll: true },
	},
	{ name: 'all', operation: op.getManyPhoneNumbers, input: {} },
	{
		name: 'from an Allo number',
		operation: op.sendSms,
		input: { from: '+14155550100', to: '+14155551234', message: 'Your order just shipped 📦' },
	},
	{
		name: 'from a French sender ID',
		operation: op.sendSms,
		input: { sender: 'senderId', senderId: 'MyShop', to: '+33612345678', message: 'Bonjour' },
	},
	{ name: 'v2', operation: op.getManyWebhooks, input: { api: 'v2' } },
	{ name: 'v1', operation: op.getManyWebhooks, input: { api: 'v1' } },
	{
		name: 'v2',
		operation: op.createWebhook,
		input: {
			api: 'v2',
			url: 'https://example.com/hooks/allo',
			topics: ['call.completed', 'sms.received'],
			description: 'CRM sync',
		},
	},
	{
		name: 'v1',
		operation: op.createWebhook,
		input: {
			api: 'v1',
			url: 'https://example.com/hooks/allo',
			topicsV1: ['CALL_RECEIVED', 'SMS_SENT'],
			alloNumber: '+14155550100',
		},
	},
	{
		name: 'v2',
		operation: op.deleteWebhook,
		input: { api: 'v2', webhookId: 'ep_2NfDKEm9sF8xK3pQr1Zt' },
	},
	{
		name: 'v1',
		operation: op.deleteWebhook,
		input: { api: 'v1', webhookId: 'web-2NfDKEm9sF8xK3pQr1Zt' },
	},
	{ name: 'key, team and limits', operation: op.getAccountInfo, input: {} },
	{ name: 'active admins', operation: op.getManyUsers, input: { role: 'ADMIN', status: 'ACTIVE' } },
	{ name: 'by id', operation: op.getUser, input: { userId: 'usr-abc123' } },
	{ name: 'all', operation: op.getManyTags, input: {} },
	{
		name: 'two tags',
		operation: op.addTags,
		input: { callId: 'cll-abc123', tags: 'support, sales' },
	},
	{ name: 'one tag', operation: op.removeTag, input: { callId: 'cll-abc123', tag: 'support' } },
	{ name: 'with details', operation: op.getManyPhoneNumberDetails, input: {} },
	{
		name: 'one number, since a date',
		operation: op.getManyConversationsByNumber,
		input: { alloNumber: '+14155550100', since: '2026-01-01T00:00:00Z', unread: true },
		page: { returnAll: true },
	},
	{
		name: 'archive on one number',
		operation: op.setConversationStatus,
		input: { contactNumber: '+1 415 555 1234', action: 'ARCHIVE', alloNumber: '+14155550100' },
	},
	{
		name: 'every filter',
		operation: op.searchConversationItems,
		input: {
			search: 'refund',
			type: 'CALL',
			from: '2026-01-01T00:00:00Z',
			to: '2026-01-31T00:00:00Z',
			direction: 'INBOUND',
			result: 'ANSWERED',
			tags: 'support',
			alloNumber: '+14155550100',
			contactNumber: '+14155551234',
			userId: 'usr-abc123',
			sort: 'RELEVANCE',
			includeTranscript: true,
		},
		page: { returnAll: false, limit: 150 },
	},
	{
		name: 'with transcript',
		operation: op.getConversationItem,
		input: { itemId: 'msg-abc123', includeTranscript: true },
	},
	{
		name: 'two ids',
		operation: op.getConversationItemsById,
		input: { itemIds: 'cll-abc123, msg-def456' },
	},
	{
		name: 'markdown',
		operation: op.updateCallSummary,
		input: { callId: 'cll-abc123', content: '## Summary', templateKey: 'MARKDOWN_CLASSIC' },
	},
	{
		name: 'all fields',
		operation: op.createPerson,
		input: {
			numbers: '+14155551234',
			firstName: 'Jane',
			lastName: 'Doe',
			emails: 'jane@example.com',
			jobTitle: 'CEO',
			website: 'https://example.com',
			address: '1 Market St',
			companyId: 'com-xyz789',
			allowDuplicateNumber: true,
		},
	},
	{ name: 'by id', operation: op.getPerson, input: { personId: 'per-abc123' } },
	{
		name: 'company and numbers',
		operation: op.updatePerson,
		input: { personId: 'per-abc123', companyId: 'com-xyz789', numbers: '+14155551234' },
	},
	{
		name: 'every filter',
		operation: op.searchPeople,
		input: {
			search: 'acme',
			name: 'Jane',
			lastName: 'Doe',
			company: 'Acme',
			jobTitle: 'CEO',
			email: 'jane@',
			phoneNumber: '+14155551234',
			dealStatus: 'OPEN',
			sort: 'NAME_ASC',
		},
		page: { returnAll: true },
	},
	{
		name: 'all fields',
		operation: op.createCompany,
		input: { name: 'Acme', website: 'https://acme.example', industry: 'Software' },
	},
	{ name: 'by id', operation: op.getCompany, input: { companyId: 'com-xyz789' } },
	{
		name: 'industry',
		operation: op.updateCompany,
		input: { companyId: 'com-xyz789', industry: 'Retail' },
	},
	{
		name: 'by name',
		operation: op.searchCompanies,
		input: { name: 'Acme', sort: 'CREATED_DESC' },
		page: { returnAll: false, limit: 5 },
	},
	{
		name: 'all fields',
		operation: op.createDeal,
		input: {
			name: 'Enterprise Plan',
			status: 'OPEN',
			amount: '12000',
			currency: 'usd',
			closedAt: '2026-03-31T00:00:00Z',
			companyId: 'com-xyz789',
		},
	},
	{ name: 'by id', operation: op.getDeal, input: { dealId: 'dea-def456' } },
	{ name: 'won', operation: op.updateDeal, input: { dealId: 'dea-def456', status: 'WON' } },
	{ name: 'by id', operation: op.deleteDeal, input: { dealId: 'dea-def456' } },
	{
		name: 'by stage',
		operation: op.searchDeals,
		input: { search: 'plan', stage: 'OPEN' },
		page: { returnAll: true },
	},
	{
		name: 'a teammate’s queue',
		operation: op.getPowerDialerNumbers,
		input: { userId: 'usr-abc123' },
		page: { returnAll: true },
	},
	{
		name: 'two numbers with a name',
		operation: op.addPowerDialerNumbers,
		input: { numbers: '+14155551234, +14155555678', name: 'Jane', company: 'Acme' },
	},
	{
		name: 'voicemail and do not disturb',
		operation: op.configurePowerDialer,
		input: { name: 'Monday', voicemailHandling: 'NO_SKIP', doNotDisturb: 'ENABLED' },
	},
	{
		name: 'named',
		operation: op.resetPowerDialer,
		input: { name: 'Monday', userId: 'usr-abc123' },
	},
	{
		name: 'one number',
		operation: op.clearPowerDialerNumbers,
		input: { which: 'number', number: '+14155551234' },
	},
	{ name: 'not called yet', operation: op.clearPowerDialerNumbers, input: { which: 'unassigned' } },
	{
		name: 'a month against another',
		operation: op.getTeamOverview,
		input: {
			from: '2026-01-01',
			to: '2026-01-31',
			compareFrom: '2025-12-01',
			compareTo: '2025-12-31',
			userIds: 'usr-abc123',
			alloNumbers: '+14155550100',
		},
	},
	{
		name: 'weekly, by tag',
		operation: op.getOutboundMetrics,
		input: { from: '2026-01-01', to: '2026-01-31', granularity: 'WEEK', tags: 'sales' },
	},
	{ name: 'all', operation: op.getManySummaryTemplates, input: {} },
	{ name: 'by id', operation: op.getSummaryTemplate, input: { templateId: 'tst-abc123' } },
	{
		name: 'two sections',
		operation: op.createSummaryTemplate,
		input: {
			name: 'Discovery',
			sections: 'Needs: What they need\nNext steps: What was agreed',
			callContext: 'First call',
			icon: '📞',
		},
	},
	{
		name: 'renamed',
		operation: op.updateSummaryTemplate,
		input: { templateId: 'tst-abc123', name: 'Discovery v2', sections: 'Needs: What they need' },
	},
	{ name: 'by id', operation: op.deleteSummaryTemplate, input: { templateId: 'tst-abc123' } },
	{
		name: 'set',
		operation: op.setNumberDefaultTemplate,
		input: { alloNumber: '+14155550100', templateId: 'tst-abc123' },
	},
	{
		name: 'cleared',
		operation: op.setNumberDefaultTemplate,
		input: { alloNumber: '+14155550100' },
	},
	{ name: 'by id', operation: op.getWebhook, input: { webhookId: 'ep_2NfDKEm9sF8xK3pQr1Zt' } },
	{
		name: 'paused, new events',
		operation: op.updateWebhook,
		input: { webhookId: 'ep_2NfDKEm9sF8xK3pQr1Zt', enabled: false, topics: ['tag.added'] },
	},
	{ name: 'all', operation: op.getWebhookEventTypes, input: {} },
];

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every date-like string an output holds is ISO-8601 with a zone. */
function zonelessDates(value: unknown, path = ''): string[] {
	if (Array.isArray(value)) return value.flatMap((item, i) => zonelessDates(item, `${path}[${i}]`));
	if (value && typeof value === 'object' && !(value instanceof AlloFile)) {
		return Object.entries(value).flatMap(([key, item]) => zonelessDates(item, `${path}.${key}`));
	}
	return typeof value === 'string' &&
		/^\d{4}-\d{2}-\d{2}T/.test(value) &&
		!ISO_WITH_ZONE.test(value)
		? [path]
		: [];
}

/** The catalog endpoint a request went to. */
// Literal paths first: /v2/api/webhooks/event_types is not a webhook ID.
const byLiteralFirst = Object.entries(endpoints).sort(
	([, a], [, b]) => Number(a.path.includes('{')) - Number(b.path.includes('{')),
);

const endpointOf = (request: HttpRequest) =>
	byLiteralFirst.find(([, e]) => {
		const template = new RegExp(`^${BASE_URL}${e.path.replace(/\{\w+\}/g, '[^/]+')}$`);
		return (
			e.method === request.method &&
			template.test(request.url) &&
			(e.openApiPath === undefined) === ((request.body as Json)?.sender_id === undefined)
		);
	})?.[0];

describe('every operation sends requests that Allo’s OpenAPI document accepts', () => {
	const seen = new Set<string>();
	const hit = new Set<string>();

	it.each(
		cases.map((c) => [`${c.operation.resource} ${c.operation.operation}: ${c.name}`, c] as const),
	)('%s', async (_, c) => {
		const transport = new RecordingTransport(answer);
		const client = new AlloClient({ transport });
		const records = await runOperation(c.operation, client, c.input, c.page);

		expect(transport.requests.length).toBeGreaterThan(0);
		for (const request of transport.requests) {
			expect({
				request: `${request.method} ${request.url}`,
				problems: requestProblems(request),
			}).toEqual({
				request: `${request.method} ${request.url}`,
				problems: [],
			});
			const endpoint = endpointOf(request);
			if (endpoint) hit.add(endpoint);
		}
		expect(records.length).toBeGreaterThan(0);
		expect(zonelessDates(records)).toEqual([]);
		seen.add(`${c.operation.resource}.${c.operation.operation}`);
	});

	it('covers every declared operation and every catalog endpoint', async () => {
		const transport = new RecordingTransport(answer);
		const client = new AlloClient({ transport });
		expect((await getAccount(client)).team_name).toBe('Acme Sales');
		expect((await fetchSubscription(client, 'ep_2NfDKEm9sF8xK3pQr1Zt')).signingSecret).toMatch(
			/^whsec_/,
		);
		await enableWebhook(client, 'ep_2NfDKEm9sF8xK3pQr1Zt');
		expect(await contactChoices(client, 0, 'jane')).toHaveProperty('results');
		expect(await recentMessages(client, { direction: 'INBOUND', limit: 5 })).not.toHaveLength(0);
		expect(transport.requests.flatMap(requestProblems)).toEqual([]);
		for (const request of transport.requests) {
			const endpoint = endpointOf(request);
			if (endpoint) hit.add(endpoint);
		}

		expect([...seen].sort()).toEqual(
			operations.map((op) => `${op.resource}.${op.operation}`).sort(),
		);
		expect([...hit].sort()).toEqual(Object.keys(endpoints).sort());
	});
});

describe('every example response in Allo’s OpenAPI document parses', () => {
	const examples = allResponseExamples();

	it('has examples to check', () => {
		expect(examples.length).toBeGreaterThan(50);
	});

	it.each(examples.filter((e) => e.status < 300).map((e) => [e.where, e.body] as const))(
		'%s unwraps',
		(_, body) => {
			expect(unwrap(body)).toBeDefined();
		},
	);

	const called = new Set<string>(
		Object.values(endpoints).map((endpoint: Endpoint) => endpoint.openApiPath ?? endpoint.path),
	);
	it.each(
		examples
			.filter((e) => e.status >= 400)
			.map((e) => [e.where, e.path, e.status, e.body] as const),
	)('%s becomes a friendly error', (_, path, status, body) => {
		const error = errorFromResponse({ status, headers: {}, body }, undefined, Date.now());
		const code = (body as Json).code ?? ((body as Json).error as Json | undefined)?.code;
		// The catalog explains the codes of the endpoints called; others fall back on the status.
		if (typeof code === 'string' && called.has(path)) expect(errorCatalog[code]).toBeDefined();
		expect(error.message).not.toMatch(/undefined|\[object/);
		expect(error.fix.length).toBeGreaterThan(10);
	});

	const normalisers: Array<[string, string, (data: unknown) => unknown[]]> = [
		['/v1/api/calls', 'get', (d) => ((d as Json).results as unknown[]).map(normaliseCall)],
		['/v2/api/conversations/items/{id}', 'get', (d) => [normaliseCall(d)]],
		['/v1/api/contacts', 'get', (d) => ((d as Json).results as unknown[]).map(normaliseContact)],
		['/v1/api/contacts', 'post', (d) => [normaliseContact(d)]],
		['/v1/api/contacts/{contact_id}', 'put', (d) => [normaliseContact(d)]],
		['/v1/api/contact/{contact_id}', 'get', (d) => [normaliseContact(d)]],
		['/v2/api/crm/people/search', 'post', (d) => (d as unknown[]).map(normaliseContact)],
		['/v1/api/sms', 'post', (d) => [normaliseMessage(d)]],
		['/v1/api/sms#france', 'post', (d) => [normaliseMessage(d)]],
		['/v1/api/numbers', 'get', (d) => (d as unknown[]).map(normalisePhoneNumber)],
		['/v2/api/webhooks', 'get', (d) => (d as unknown[]).map((w) => normaliseWebhook(w, 'v2'))],
		['/v2/api/webhooks', 'post', (d) => [normaliseWebhook(d, 'v2')]],
		['/v2/api/webhooks/{webhook_id}', 'get', (d) => [normaliseWebhook(d, 'v2')]],
	];

	it.each(normalisers)(
		'%s %s normalises to records with zoned dates and no secrets',
		(path, method, normalise) => {
			const { body } = successExample(openapi.paths[path][method]);
			const records = normalise(unwrap(body));
			expect(records.length).toBeGreaterThan(0);
			expect(zonelessDates(records)).toEqual([]);
			expect(JSON.stringify(records)).not.toContain('whsec_');
		},
	);
});

import nock from 'nock';
import type { ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';
import { AlloApi } from '../../credentials/AlloApi.credentials';
import { Allo } from '../../nodes/Allo/Allo.node';
import { AlloTrigger } from '../../nodes/AlloTrigger/AlloTrigger.node';
import { searchContacts, searchPhoneNumbers } from '../../nodes/Allo/methods/listSearch';
import { getPhoneNumbers } from '../../nodes/Allo/methods/loadOptions';
import { operations } from '../../shared';
import alloCodex from '../../nodes/Allo/Allo.node.json';
import triggerCodex from '../../nodes/AlloTrigger/AlloTrigger.node.json';
import { BASE_URL, loadOptionsContext, runAllo, subtitleOf } from './harness';
import {
	ALLO_NUMBER,
	CONTACT_NUMBER,
	numbersResponse,
	rawCall,
	rawContact,
	scopeError,
	SECOND_NUMBER,
	v1Page,
} from './fixtures';

const api = () => nock(BASE_URL).matchHeader('authorization', 'Api-Key test-key-123');

describe('Return All and Limit', () => {
	test('Return All reads every page', async () => {
		const page = (n: number) => Array.from({ length: 100 }, (_, i) => rawContact(`cnt_${n}_${i}`));
		for (const n of [0, 1]) {
			api()
				.get('/v1/api/contacts')
				.query({ page: n, size: 100 })
				.reply(200, v1Page(page(n), 3));
		}
		api()
			.get('/v1/api/contacts')
			.query({ page: 2, size: 100 })
			.reply(200, v1Page([rawContact('cnt_last')], 3));
		const { items, error } = await runAllo({
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(201);
		expect(items[0].json.id).toBe('cnt_0_0');
		expect(items[200].json.id).toBe('cnt_last');
		expect(nock.isDone()).toBe(true);
	});

	test('a limit asks only for the pages it needs', async () => {
		api()
			.get('/v1/api/contacts')
			.query({ page: 0, size: 100 })
			.reply(
				200,
				v1Page(
					Array.from({ length: 100 }, (_, i) => rawContact(`a${i}`)),
					9,
				),
			);
		api()
			.get('/v1/api/contacts')
			.query({ page: 1, size: 100 })
			.reply(
				200,
				v1Page(
					Array.from({ length: 100 }, (_, i) => rawContact(`b${i}`)),
					9,
				),
			);
		const { items } = await runAllo({
			resource: 'contact',
			operation: 'getMany',
			returnAll: false,
			limit: 150,
		});
		expect(items).toHaveLength(150);
		expect(items[149].json.id).toBe('b49');
		expect(nock.isDone()).toBe(true);
	});
});

test('Get Many calls of All Numbers merges every number, newest first', async () => {
	api().get('/v1/api/numbers').reply(200, numbersResponse);
	api()
		.get('/v1/api/calls')
		.query({ allo_number: ALLO_NUMBER, page: 0, size: 50 })
		.reply(200, v1Page([rawCall('old', '2026-01-01T09:00:00')]));
	api()
		.get('/v1/api/calls')
		.query({ allo_number: SECOND_NUMBER, page: 0, size: 50 })
		.reply(200, v1Page([{ ...rawCall('new', '2026-02-01T09:00:00'), to_number: SECOND_NUMBER }]));
	const { items } = await runAllo({ resource: 'call', operation: 'getMany', alloNumber: 'all' });
	expect(items.map((item) => [item.json.id, item.json.allo_number])).toEqual([
		['new', SECOND_NUMBER],
		['old', ALLO_NUMBER],
	]);
});

test('Simplify off returns the whole record', async () => {
	api()
		.get('/v1/api/calls')
		.query(true)
		.reply(200, v1Page([rawCall('cll_1')]));
	const { items } = await runAllo({
		resource: 'call',
		operation: 'getMany',
		alloNumber: ALLO_NUMBER,
		simplify: false,
	});
	expect(items[0].json).toMatchObject({
		id: 'cll_1',
		transcript_text: 'USER: Hello',
		one_sentence_summary: 'Delivery question',
	});
});

test('every output record is paired with the input item it came from', async () => {
	api()
		.post('/v1/api/sms', { from: ALLO_NUMBER, to: CONTACT_NUMBER, message: 'Hello Jane' })
		.reply(200, { data: { content: 'Hello Jane' } });
	api()
		.post('/v1/api/sms', { from: ALLO_NUMBER, to: CONTACT_NUMBER, message: 'Hello Bob' })
		.reply(200, { data: { content: 'Hello Bob' } });
	const parameters = {
		resource: 'sms',
		operation: 'send',
		from: ALLO_NUMBER,
		to: CONTACT_NUMBER,
		message: '=Hello {{ $json.name }}',
	};
	const input = [{ json: { name: 'Jane' } }, { json: { name: 'Bob' } }];
	const { items } = await runAllo(parameters, { input });
	expect(items.map((item) => [item.json.content, item.pairedItem])).toEqual([
		['Hello Jane', { item: 0 }],
		['Hello Bob', { item: 1 }],
	]);
});

test('items are handled one by one: one bad item fails alone with continue on fail', async () => {
	api()
		.post('/v1/api/sms', { from: ALLO_NUMBER, to: CONTACT_NUMBER, message: 'Hello Jane' })
		.reply(200, { data: { content: 'Hello Jane' } });
	const parameters = {
		resource: 'sms',
		operation: 'send',
		from: ALLO_NUMBER,
		to: '={{ $json.to }}',
		message: '=Hello {{ $json.name }}',
	};
	const input = [
		{ json: { to: CONTACT_NUMBER, name: 'Jane' } },
		{ json: { to: 'unknown', name: 'Bob' } },
	];
	const { items } = await runAllo(parameters, { input, continueOnFail: true });
	expect(items).toHaveLength(2);
	expect(items[0]).toMatchObject({ json: { content: 'Hello Jane' }, pairedItem: { item: 0 } });
	expect(items[1]).toMatchObject({
		json: { error: 'To "unknown" is not a valid phone number' },
		pairedItem: { item: 1 },
	});

	api()
		.post('/v1/api/sms')
		.reply(200, { data: { content: 'Hello Bob' } });
	const stopped = await runAllo(parameters, { input });
	expect(stopped.error?.message).toBe('To "unknown" is not a valid phone number');
	expect(stopped.error?.context.itemIndex).toBe(1);
});

test('a recording stored on another host is fetched without the API key', async () => {
	api()
		.get('/v2/api/conversations/items/cll_1')
		.reply(200, {
			data: { ...rawCall('cll_1'), recording_url: 'https://files.example.net/rec/cll_1.wav' },
		});
	nock('https://files.example.net', { badheaders: ['authorization'] })
		.get('/rec/cll_1.wav')
		.reply(200, Buffer.from('RIFF'), { 'content-type': 'audio/wav' });
	const { items, error } = await runAllo({
		resource: 'call',
		operation: 'downloadRecording',
		callId: 'cll_1',
		binaryPropertyName: 'data',
	});
	expect(error).toBeUndefined();
	expect(items[0].binary?.data).toMatchObject({
		fileName: 'allo-call-cll_1.wav',
		mimeType: 'audio/wav',
	});
	expect(nock.isDone()).toBe(true);
});

test('a call without a recording is a clear not-found error', async () => {
	api()
		.get('/v2/api/conversations/items/cll_1')
		.reply(200, { data: { ...rawCall('cll_1'), recording_url: null } });
	const { error } = await runAllo({
		resource: 'call',
		operation: 'downloadRecording',
		callId: 'cll_1',
		binaryPropertyName: 'data',
	});
	expect(error?.message).toBe('Call cll_1 has no recording');
	expect(error?.description).toMatch(/recording turned on/);
});

describe('credential', () => {
	const credential = new AlloApi();

	test('sends the key with the Api-Key prefix, whether or not it was pasted with it', async () => {
		for (const apiKey of ['test-key-123', 'Api-Key test-key-123', '  api-key   test-key-123 ']) {
			const options = await credential.authenticate(
				{ apiKey },
				{ url: '/v2/api/me', headers: { Accept: 'application/json' } },
			);
			expect(options.headers).toEqual({
				Accept: 'application/json',
				Authorization: 'Api-Key test-key-123',
			});
		}
	});

	test('is tested against GET /v2/api/me on the credential base URL', () => {
		expect(credential.test.request).toMatchObject({ method: 'GET', url: '/v2/api/me' });
		expect(credential.test.request.baseURL).toContain('$credentials.baseUrl');
		expect(credential.properties.find((p) => p.name === 'apiKey')?.typeOptions?.password).toBe(
			true,
		);
	});

	test('authenticates each request once, and masks a key Allo echoes in the error users see', async () => {
		api()
			.get('/v2/api/conversations/items/cll_1')
			.query(true)
			.reply(400, {
				error: {
					code: 'VALIDATION_ERROR',
					message: 'Api-Key test-key-123 may not read cll_1',
					param: 'test-key-123',
				},
			});
		const { error } = await runAllo({ resource: 'call', operation: 'get', callId: 'cll_1' });
		expect(error?.message).toContain('[redacted] may not read cll_1');
		const shown = JSON.stringify({
			message: error?.message,
			description: error?.description,
			context: error?.context,
		});
		expect(shown).not.toContain('test-key-123');
		expect(nock.isDone()).toBe(true);
	});

	test.each([
		[
			403,
			{ code: 'API_KEY_INSUFFICIENT_SCOPE', details: null },
			'Then update the Allo API credential with the key.',
		],
		[429, { code: 'API_KEY_QUOTA_EXCEEDED' }, 'Then run the workflow again.'],
	])('a %s error ends with what to do in n8n', async (status, body, nextStep) => {
		api().get('/v1/api/numbers').reply(status, body);
		const { error } = await runAllo({ resource: 'phoneNumber', operation: 'getMany' });
		expect(error?.description).toMatch(new RegExp(`\\. ${nextStep.replace(/\./g, '\\.')}$`));
		expect(`${error?.message} ${error?.description}`).not.toMatch(/\bzap|connection/i);
	});

	test('the base URL of the credential is where requests go', async () => {
		nock('https://eu.allo.test')
			.get('/v1/api/numbers')
			.matchHeader('authorization', 'Api-Key k2')
			.reply(200, numbersResponse);
		const { items } = await runAllo(
			{ resource: 'phoneNumber', operation: 'getMany' },
			{ credentials: { apiKey: 'Api-Key k2', baseUrl: 'https://eu.allo.test/' } },
		);
		expect(items).toHaveLength(2);
	});
});

describe('dropdowns', () => {
	test('every dropdown of the parameters is a method of the node, and a team list loads through it', async () => {
		const node = new Allo();
		const all = node.description.properties.flatMap((p) => [
			p,
			...((p.type === 'collection' ? p.options : []) as INodeProperties[]),
		]);
		const methods = node.methods.loadOptions;
		const used = [...new Set(all.map((p) => p.typeOptions?.loadOptionsMethod).filter(Boolean))];
		expect(used.length).toBeGreaterThan(1);
		expect(Object.keys(methods)).toEqual(expect.arrayContaining(used));

		api()
			.get('/v2/api/tags')
			.reply(200, { data: [{ id: 'tag-1', name: 'support', color: '#fff' }, { id: 'tag-2' }] });
		const context = loadOptionsContext({
			resource: 'tag',
			operation: 'add',
		}) as unknown as ILoadOptionsFunctions;
		expect(await methods.getTags.call(context)).toEqual([{ name: 'support', value: 'support' }]);
	});

	test('Allo numbers, after "All Numbers" where the operation offers it', async () => {
		api().get('/v1/api/numbers').reply(200, numbersResponse);
		const context = loadOptionsContext({
			resource: 'call',
			operation: 'getMany',
		}) as unknown as ILoadOptionsFunctions;
		expect(await getPhoneNumbers.call(context)).toEqual([
			{ name: 'All Numbers', value: 'all', description: 'Calls of every Allo number' },
			{ name: 'Main Line (+14155550100, US)', value: ALLO_NUMBER },
			{
				name: 'Support (+14155550199, US)',
				value: SECOND_NUMBER,
				description: 'Shared with the team',
			},
		]);
	});

	test('Allo numbers alone elsewhere', async () => {
		api().get('/v1/api/numbers').reply(200, numbersResponse);
		const context = loadOptionsContext({
			resource: 'sms',
			operation: 'send',
		}) as unknown as ILoadOptionsFunctions;
		const options = await getPhoneNumbers.call(context);
		expect(options.map((option) => option.value)).toEqual([ALLO_NUMBER, SECOND_NUMBER]);
	});

	test('the contact picker lists a page at a time, each contact with its number and company', async () => {
		api()
			.get('/v1/api/contacts')
			.query({ page: 0, size: 100 })
			.reply(200, {
				data: {
					results: [
						rawContact('cnt_1'),
						rawContact('cnt_2', { name: 'Bob', last_name: 'Smith', numbers: ['+14155559999'] }),
					],
					metadata: { pagination: { total_pages: 2 } },
				},
			});
		const context = loadOptionsContext({
			resource: 'contact',
			operation: 'get',
		}) as unknown as ILoadOptionsFunctions;
		expect(await searchContacts.call(context)).toEqual({
			results: [
				{ name: `Jane Doe (${CONTACT_NUMBER} · Acme Corp)`, value: 'cnt_1' },
				{ name: `Bob Smith (+14155559999 · Acme Corp)`, value: 'cnt_2' },
			],
			paginationToken: '1',
		});
	});

	test('the contact picker searches every contact with Allo, page by page', async () => {
		api()
			.post('/v2/api/crm/people/search', { search: 'bob', sort: 'NAME_ASC', page: 1, size: 100 })
			.reply(200, {
				data: [rawContact('cnt_2', { name: 'Bob', last_name: 'Smith', numbers: ['+14155559999'] })],
				pagination: { page: 1, size: 100, has_more: true },
			});
		const context = loadOptionsContext({
			resource: 'contact',
			operation: 'get',
		}) as unknown as ILoadOptionsFunctions;
		expect(await searchContacts.call(context, 'bob')).toEqual({
			results: [{ name: `Bob Smith (+14155559999 · Acme Corp)`, value: 'cnt_2' }],
			paginationToken: '1',
		});
		api()
			.post('/v2/api/crm/people/search', { search: 'bob', sort: 'NAME_ASC', page: 2, size: 100 })
			.reply(200, { data: [], pagination: { page: 2, size: 100, has_more: false } });
		expect(await searchContacts.call(context, 'bob', '1')).toEqual({
			results: [],
			paginationToken: undefined,
		});
	});

	test('without the CRM permission, the picker searches the first contacts of the list', async () => {
		api().post('/v2/api/crm/people/search').reply(403, scopeError('CRM_READ'));
		api()
			.get('/v1/api/contacts')
			.query({ page: 0, size: 100 })
			.reply(200, {
				data: {
					results: [
						rawContact('cnt_1'),
						rawContact('cnt_2', { name: 'Bob', last_name: 'Smith', numbers: ['+14155559999'] }),
					],
					metadata: { pagination: { total_pages: 1 } },
				},
			});
		const context = loadOptionsContext({
			resource: 'contact',
			operation: 'get',
		}) as unknown as ILoadOptionsFunctions;
		expect(await searchContacts.call(context, '555 9999')).toEqual({
			results: [{ name: `Bob Smith (+14155559999 · Acme Corp)`, value: 'cnt_2' }],
		});
	});

	test('the number pickers list "All Numbers" where offered, then the numbers, filtered', async () => {
		const context = loadOptionsContext({
			resource: 'call',
			operation: 'getMany',
		}) as unknown as ILoadOptionsFunctions;
		api().get('/v1/api/numbers').reply(200, numbersResponse);
		expect((await searchPhoneNumbers.call(context)).results.map((r) => r.value)).toEqual([
			'all',
			ALLO_NUMBER,
			SECOND_NUMBER,
		]);
		api().get('/v1/api/numbers').reply(200, numbersResponse);
		expect(await searchPhoneNumbers.call(context, 'support')).toEqual({
			results: [
				{
					name: 'Support (+14155550199, US)',
					value: SECOND_NUMBER,
					description: 'Shared with the team',
				},
			],
		});
	});
});

describe('generated parameters follow n8n conventions', () => {
	const { properties } = new Allo().description;
	const named = (name: string) => properties.filter((p) => p.name === name);
	const isSorted = (names: string[]) =>
		names.every((name, i) => i === 0 || names[i - 1].localeCompare(name) <= 0);

	test('resources and operations are listed alphabetically, with actions from the declarations', () => {
		const [resource] = named('resource');
		expect(isSorted((resource.options ?? []).map((o) => (o as { name: string }).name))).toBe(true);
		for (const operation of named('operation')) {
			const options = (operation.options ?? []) as Array<{
				name: string;
				action: string;
				value: string;
			}>;
			expect(isSorted(options.map((o) => o.name))).toBe(true);
			for (const option of options) {
				const declaration = operations.find(
					(d) =>
						d.operation === option.value &&
						operation.displayOptions?.show?.resource?.includes(d.resource),
				);
				expect(option.action).toBe(declaration?.action);
			}
		}
	});

	test('every declared field has a parameter for its operation', () => {
		for (const declaration of operations) {
			const show = (p: INodeProperties) =>
				p.displayOptions?.show?.resource?.includes(declaration.resource) &&
				p.displayOptions?.show?.operation?.includes(declaration.operation);
			const own = properties.filter(show);
			const names = own.flatMap((p) =>
				p.type === 'collection' ? (p.options as INodeProperties[]).map((o) => o.name) : [p.name],
			);
			expect(names).toEqual(expect.arrayContaining(declaration.fields.map((f) => f.key)));
			expect(own.some((p) => p.name === 'returnAll')).toBe(Boolean(declaration.paged));
		}
	});

	test('the number and contact pickers are lists that load when opened, never before n8n sets the credential', () => {
		// A dropdown (loadOptionsMethod) loads as the node opens, before a new node has its credential,
		// and shows "Error fetching options" until reopened; a resource locator list loads on click and retries.
		const all = properties.flatMap((p) => [
			p,
			...((p.type === 'collection' ? p.options : []) as INodeProperties[]),
		]);
		const methods = { phoneNumbers: 'searchPhoneNumbers', contacts: 'searchContacts' } as const;
		const pickers = operations.flatMap((op) =>
			op.fields.filter((f) => f.dynamic === 'phoneNumbers' || f.dynamic === 'contacts'),
		);
		expect(pickers.length).toBeGreaterThan(0);
		for (const field of pickers) {
			const locators = all.filter((p) => p.name === field.key && p.type === 'resourceLocator');
			expect(locators.length).toBeGreaterThan(0);
			for (const p of locators) {
				expect(p.modes?.[0]).toMatchObject({
					name: 'list',
					typeOptions: { searchListMethod: methods[field.dynamic as keyof typeof methods] },
				});
			}
		}
		expect(all.some((p) => p.typeOptions?.loadOptionsMethod === 'getPhoneNumbers')).toBe(false);
	});

	test('team lists are dropdowns, and those taking several values stay multi-select', () => {
		// A resource locator holds one value, so users, tags, calls, companies and templates stay dropdowns.
		const all = properties.flatMap((p) => [
			p,
			...((p.type === 'collection' ? p.options : []) as INodeProperties[]),
		]);
		const team = operations.flatMap((op) =>
			op.fields.filter(
				(f) => f.dynamic && f.dynamic !== 'phoneNumbers' && f.dynamic !== 'contacts',
			),
		);
		expect(team.some((f) => f.type === 'multiOptions')).toBe(true);
		for (const field of team) {
			const named = all.filter((p) => p.name === field.key && p.typeOptions?.loadOptionsMethod);
			expect(named.length).toBeGreaterThan(0);
			for (const p of named)
				expect(p.type).toBe(field.type === 'multiOptions' ? 'multiOptions' : 'options');
		}
	});

	test('dynamic dropdowns, Limit and Return All use the canonical wording', () => {
		const all = properties.flatMap((p) => [
			p,
			...((p.type === 'collection' ? p.options : []) as INodeProperties[]),
		]);
		for (const p of all.filter((p) => p.typeOptions?.loadOptionsMethod)) {
			expect(p.displayName).toMatch(p.type === 'multiOptions' ? / Names or IDs$/ : / Name or ID$/);
			expect(p.description).toBe(
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			);
		}
		for (const p of named('limit')) {
			expect(p).toMatchObject({
				default: 50,
				typeOptions: { minValue: 1 },
				description: 'Max number of results to return',
			});
		}
		for (const p of named('returnAll')) {
			expect(p.description).toBe('Whether to return all results or only up to a given limit');
		}
		for (const p of all.filter((p) => p.type === 'options' || p.type === 'multiOptions')) {
			if (p.options)
				expect(isSorted(p.options.map((o) => (o as { name: string }).name))).toBe(true);
		}
		for (const p of all.filter((p) => p.type === 'boolean'))
			expect(p.description).toMatch(/^Whether /);
		for (const p of properties.filter((p) => p.type === 'collection')) {
			expect(isSorted((p.options as INodeProperties[]).map((o) => o.displayName))).toBe(true);
		}
	});
});

test("Allo's validation errors name the parameter at fault", async () => {
	api()
		.post('/v1/api/sms')
		.reply(400, { code: 'INVALID_TO_NUMBER', details: [{ field: 'to', message: 'invalid' }] });
	const { error } = await runAllo({
		resource: 'sms',
		operation: 'send',
		from: ALLO_NUMBER,
		to: CONTACT_NUMBER,
		message: 'Hi',
	});
	expect(error?.name).toBe('NodeApiError');
	expect(error?.message).toBe('Allo cannot text the recipient number (To)');
	expect(error?.description).toMatch(/same country/);
});

test('a French sender ID sends to French numbers, leaving the hidden From out', async () => {
	api()
		.post('/v1/api/sms', { sender_id: 'MyShop', to: '+33612345678', message: 'Colis expédié' })
		.reply(200, {
			data: {
				from_number: null,
				sender_id: 'MyShop',
				to_number: '+33612345678',
				content: 'Colis expédié',
			},
		});
	const { items, error } = await runAllo({
		resource: 'sms',
		operation: 'send',
		sender: 'senderId',
		senderId: 'MyShop',
		to: '+33 6 12 34 56 78',
		message: 'Colis expédié',
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({
		sender_id: 'MyShop',
		// A sender ID is not an Allo number.
		allo_number: null,
		direction: 'OUTBOUND',
	});
	expect(items[0].json).not.toHaveProperty('id');
});

test('a per-number webhook is created for the chosen Allo number and seed events', async () => {
	api()
		.post('/v1/api/webhooks', {
			allo_number: ALLO_NUMBER,
			url: 'https://example.com/hook',
			topics: ['SMS_RECEIVED'],
			enabled: true,
		})
		.reply(200, {
			data: {
				id: 'web-1',
				url: 'https://example.com/hook',
				topics: ['SMS_RECEIVED'],
				allo_number: ALLO_NUMBER,
			},
		});
	const { items, error } = await runAllo({
		resource: 'webhook',
		operation: 'create',
		api: 'v1',
		url: 'https://example.com/hook',
		topicsV1: ['SMS_RECEIVED'],
		alloNumber: ALLO_NUMBER,
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ id: 'web-1', api_version: 'v1', allo_number: ALLO_NUMBER });
});

test('a read that hits a passing Allo outage is retried after n8n waits', async () => {
	api().get('/v1/api/numbers').reply(503, 'Service Unavailable');
	api().get('/v1/api/numbers').reply(200, numbersResponse);
	const started = Date.now();
	const { items, error } = await runAllo({ resource: 'phoneNumber', operation: 'getMany' });
	expect(error).toBeUndefined();
	expect(items).toHaveLength(2);
	expect(Date.now() - started).toBeGreaterThanOrEqual(450);
});

test('a text is never resent after a server error, so it cannot go out twice', async () => {
	api().post('/v1/api/sms').reply(502, 'Bad Gateway');
	const { error } = await runAllo({
		resource: 'sms',
		operation: 'send',
		from: ALLO_NUMBER,
		to: CONTACT_NUMBER,
		message: 'Hi',
	});
	expect(error?.name).toBe('NodeApiError');
	expect((error as unknown as { httpCode: string }).httpCode).toBe('502');
	expect(nock.isDone()).toBe(true);
});

describe('what a new user sees in the editor', () => {
	const allo = new Allo().description;
	const triggerDescription = new AlloTrigger().description;
	const all = allo.properties.flatMap((p) => [
		p,
		...((p.type === 'collection' ? p.options : []) as INodeProperties[]),
	]);
	test('Since and Until without a zone are read in the workflow’s time zone', async () => {
		api()
			.get('/v1/api/calls')
			.query(true)
			.reply(
				200,
				v1Page([
					// 11:59 and 12:01 in New York (EST, UTC−5) on 1 December 2026.
					rawCall('cll_before', '2026-12-01T16:59:00'),
					rawCall('cll_after', '2026-12-01T17:01:00'),
				]),
			);
		const { items, error } = await runAllo(
			{
				resource: 'call',
				operation: 'getMany',
				alloNumber: { __rl: true, mode: 'list', value: ALLO_NUMBER },
				filters: { since: '2026-12-01T12:00:00' },
			},
			{ timezone: 'America/New_York' },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(['cll_after']);
		const since = all.find((p) => p.name === 'since');
		expect(since?.description).toMatch(/time zone/);
	});

	test('canvas subtitles say what the node does, in words', () => {
		expect(subtitleOf('n8n-nodes-allo.allo', { resource: 'contact', operation: 'upsert' })).toBe(
			'Create or update a contact',
		);
		expect(subtitleOf('n8n-nodes-allo.allo', { resource: 'sms', operation: 'send' })).toBe(
			'Send an SMS',
		);
		expect(
			subtitleOf('n8n-nodes-allo.alloTrigger', {
				api: 'v2',
				events: ['call.completed', 'sms.received'],
			}),
		).toBe('Call Completed, SMS Received');
	});

	test('the node creator lists trigger events as n8n writes them, "On SMS received"', () => {
		const events = triggerDescription.properties.find((p) => p.name === 'events');
		const actions = (events?.options as Array<{ value: string; action?: string }>).map((option) => [
			option.value,
			option.action,
		]);
		expect(actions).toEqual(
			expect.arrayContaining([
				['sms.received', 'On SMS received'],
				['call.completed', 'On call completed'],
			]),
		);
	});

	test('the trigger notice uses n8n 2’s words for testing a trigger', () => {
		const notice = triggerDescription.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).not.toMatch(/Listen for Test Event/);
		expect(notice?.displayName).toMatch(/Execute step/);
	});

	test('signed v2 webhooks are listed first', () => {
		const api = triggerDescription.properties.find((p) => p.name === 'api');
		expect((api?.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['v2', 'v1']);
	});

	test('in Sender ID mode the To placeholder is a French number', () => {
		const to = allo.properties.filter(
			(p) => p.name === 'to' && p.displayOptions?.show?.resource?.includes('sms'),
		);
		const placeholderFor = (sender: string) =>
			to.find((p) => p.displayOptions?.show?.sender?.includes(sender))?.placeholder;
		expect(placeholderFor('senderId')).toBe('e.g. +33612345678');
		expect(placeholderFor('alloNumber')).toBe('e.g. +14155551234');
	});

	test('Webhook → Create shows no empty Additional Fields under the v1 API', () => {
		const collection = allo.properties.find(
			(p) => p.name === 'additionalFields' && p.displayOptions?.show?.resource?.includes('webhook'),
		);
		expect(collection?.displayOptions?.show?.api).toEqual(['v2']);
	});

	test('the credential links to the API keys page and explains a wrong Base URL', () => {
		const credential = new AlloApi();
		const apiKey = credential.properties.find((p) => p.name === 'apiKey');
		expect(apiKey?.description).toContain('<a href="https://web.withallo.com/settings/api"');
		const baseUrl = credential.properties.find((p) => p.name === 'baseUrl');
		expect(baseUrl?.description).toMatch(/ENOTFOUND.*ERR_INVALID_URL.*clear it/);
	});

	test('the Docs link has no fragment n8n would append its query to', () => {
		for (const codex of [alloCodex, triggerCodex]) {
			for (const { url } of codex.resources.primaryDocumentation) expect(url).not.toContain('#');
		}
	});
});

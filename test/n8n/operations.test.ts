import nock from 'nock';
import { operations } from '../../shared';
import { BASE_URL, runAllo } from './harness';
import type { OperationCase } from './operationCase';
import { v2Cases } from './v2Cases';
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

const contactLocator = (value: string) => ({ __rl: true, mode: 'id', value });

const v1Cases: Record<string, OperationCase> = {
	'call:getMany': {
		parameters: { resource: 'call', operation: 'getMany', alloNumber: ALLO_NUMBER, limit: 2 },
		happy: () =>
			api()
				.get('/v1/api/calls')
				.query({ allo_number: ALLO_NUMBER, page: 0, size: 2 })
				.reply(200, v1Page([rawCall('cll_1'), rawCall('cll_2')], 5)),
		check: (items) => {
			expect(items.map((item) => item.json.id)).toEqual(['cll_1', 'cll_2']);
			// Simplify is on by default: only the declared keys.
			expect(Object.keys(items[0].json).sort()).toEqual(
				[
					'allo_number',
					'contact_number',
					'direction',
					'id',
					'length_in_minutes',
					'recording_url',
					'result',
					'start_date',
					'summary',
					'tags',
				].sort(),
			);
			expect(items[0].json).toMatchObject({
				allo_number: ALLO_NUMBER,
				contact_number: CONTACT_NUMBER,
				start_date: '2026-01-15T10:30:00.000Z',
			});
		},
		badInput: {
			parameters: { resource: 'call', operation: 'getMany', alloNumber: '555-CALL-NOW' },
			message: 'Allo Number "555-CALL-NOW" is not a valid phone number',
			description: /E\.164/,
		},
		apiError: {
			reply: () =>
				api().get('/v1/api/calls').query(true).reply(403, scopeError('CONVERSATIONS_READ')),
			message: 'The API key is missing the CONVERSATIONS_READ permission',
			httpCode: '403',
		},
	},
	'call:get': {
		parameters: { resource: 'call', operation: 'get', callId: 'cll_1', simplify: false },
		happy: () =>
			api()
				.get('/v2/api/conversations/items/cll_1')
				.query({ extend: 'transcript' })
				.reply(200, { data: rawCall('cll_1') }),
		check: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				id: 'cll_1',
				summary: 'Customer asked about delivery.',
				transcript_text: 'USER: Hello',
			});
		},
		badInput: {
			parameters: { resource: 'call', operation: 'get', callId: '={{ $json.callId }}' },
			message: 'Call ID is required',
			description: /Enter a value for Call ID/,
		},
		apiError: {
			reply: () =>
				api()
					.get('/v2/api/conversations/items/cll_1')
					.query(true)
					.reply(404, { error: { code: 'NOT_FOUND', message: 'not found' } }),
			message: 'Allo could not find what was asked for',
			httpCode: '404',
		},
	},
	'call:downloadRecording': {
		parameters: {
			resource: 'call',
			operation: 'downloadRecording',
			callId: 'cll_1',
			binaryPropertyName: 'audio',
		},
		happy: () => {
			api()
				.get('/v2/api/conversations/items/cll_1')
				.reply(200, { data: rawCall('cll_1') });
			api()
				.get('/v1/assets/recordings/cll_1.mp3')
				.reply(200, Buffer.from('ID3-fake-mp3-bytes'), { 'content-type': 'audio/mpeg' });
		},
		check: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toEqual({
				call_id: 'cll_1',
				recording_url: 'https://api.allo.test/v1/assets/recordings/cll_1.mp3',
				file_name: 'allo-call-cll_1.mp3',
				mime_type: 'audio/mpeg',
				file_size: 18,
			});
			const file = items[0].binary?.audio;
			expect(file).toMatchObject({
				fileName: 'allo-call-cll_1.mp3',
				mimeType: 'audio/mpeg',
				fileExtension: 'mp3',
			});
			expect(Buffer.from(file!.data, 'base64').toString()).toBe('ID3-fake-mp3-bytes');
		},
		badInput: {
			parameters: { resource: 'call', operation: 'downloadRecording', callId: '  ' },
			message: 'Call ID is required',
			description: /Enter a value for Call ID/,
		},
		apiError: {
			reply: () =>
				api().get('/v2/api/conversations/items/cll_1').reply(401, { code: 'API_KEY_INVALID' }),
			message: 'Allo rejected the API key',
			httpCode: '401',
		},
	},
	'contact:create': {
		parameters: {
			resource: 'contact',
			operation: 'create',
			numbers: '+1 (415) 555-1234, +33612345678',
			additionalFields: { firstName: 'Jane', emails: 'jane@example.com' },
		},
		happy: () =>
			api()
				.post('/v1/api/contacts', {
					name: 'Jane',
					emails: ['jane@example.com'],
					numbers: [CONTACT_NUMBER, '+33612345678'],
				})
				.reply(201, { data: rawContact('cnt_new', { numbers: [CONTACT_NUMBER, '+33612345678'] }) }),
		check: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				id: 'cnt_new',
				full_name: 'Jane Doe',
				numbers: [CONTACT_NUMBER, '+33612345678'],
			});
		},
		badInput: {
			parameters: { resource: 'contact', operation: 'create', numbers: '+14155551234, 12' },
			message: 'Phone Numbers "12" is not a valid phone number',
			description: /E\.164/,
		},
		apiError: {
			reply: () => api().post('/v1/api/contacts').reply(403, scopeError('CONTACTS_READ_WRITE')),
			message: 'The API key is missing the CONTACTS_READ_WRITE permission',
			httpCode: '403',
		},
	},
	'contact:update': {
		parameters: {
			resource: 'contact',
			operation: 'update',
			contactId: contactLocator('cnt_1'),
			updateFields: { jobTitle: 'CEO', emails: 'new@example.com' },
		},
		happy: () => {
			api()
				.get('/v1/api/contact/cnt_1')
				.reply(200, { data: rawContact('cnt_1') });
			api()
				.put('/v1/api/contacts/cnt_1', {
					job_title: 'CEO',
					emails: ['jane@example.com', 'new@example.com'],
				})
				.reply(200, {
					data: rawContact('cnt_1', {
						job_title: 'CEO',
						emails: ['jane@example.com', 'new@example.com'],
					}),
				});
		},
		check: (items) => {
			expect(items[0].json).toMatchObject({
				id: 'cnt_1',
				job_title: 'CEO',
				emails: ['jane@example.com', 'new@example.com'],
			});
		},
		badInput: {
			parameters: {
				resource: 'contact',
				operation: 'update',
				contactId: contactLocator('cnt_1'),
				updateFields: {},
			},
			message: 'No field to change was given (Update Fields)',
			description: /at least one field/,
		},
		apiError: {
			reply: () => api().get('/v1/api/contact/cnt_1').reply(404, { code: 'CONTACT_NOT_FOUND' }),
			message: 'The contact does not exist in Allo',
			httpCode: '404',
		},
	},
	'contact:get': {
		parameters: { resource: 'contact', operation: 'get', contactId: contactLocator('cnt_1') },
		happy: () =>
			api()
				.get('/v1/api/contact/cnt_1')
				.query({ extend: 'engagement,activity' })
				.reply(200, { data: rawContact('cnt_1') }),
		check: (items) => {
			expect(items[0].json).toEqual({
				id: 'cnt_1',
				full_name: 'Jane Doe',
				numbers: [CONTACT_NUMBER],
				emails: ['jane@example.com'],
				company_name: 'Acme Corp',
				job_title: 'Head of Sales',
				engagement: 'ENGAGED',
				last_activity_date: '2026-01-15T10:30:00.000Z',
				activity: [],
			});
		},
		badInput: {
			parameters: {
				resource: 'contact',
				operation: 'get',
				contactId: contactLocator('={{ $json.contactId }}'),
			},
			message: 'Contact is required',
			description: /Enter a value for Contact/,
		},
		apiError: {
			reply: () =>
				api().get('/v1/api/contact/cnt_1').query(true).reply(404, { code: 'CONTACT_NOT_FOUND' }),
			message: 'The contact does not exist in Allo',
			httpCode: '404',
		},
	},
	'contact:getMany': {
		parameters: { resource: 'contact', operation: 'getMany', limit: 3, simplify: false },
		happy: () =>
			api()
				.get('/v1/api/contacts')
				.query({ page: 0, size: 3 })
				.reply(200, {
					data: {
						results: [rawContact('cnt_1'), rawContact('cnt_2')],
						metadata: { pagination: { total_pages: 1 } },
					},
				}),
		check: (items) => {
			expect(items.map((item) => item.json.id)).toEqual(['cnt_1', 'cnt_2']);
			expect(items[1].json).toHaveProperty('custom_properties');
		},
		apiError: {
			reply: () =>
				api().get('/v1/api/contacts').query(true).reply(429, { code: 'API_KEY_QUOTA_EXCEEDED' }),
			message: 'The API key has used its daily Allo request quota',
			httpCode: '429',
		},
	},
	'contact:find': {
		parameters: { resource: 'contact', operation: 'find', phoneNumber: '+1 415 555 1234' },
		happy: () =>
			api()
				.post('/v2/api/crm/people/search', {
					filters: { phone_number: CONTACT_NUMBER },
					page: 1,
					size: 50,
				})
				.reply(200, { data: [rawContact('cnt_1')], pagination: { has_more: false } }),
		check: (items) => {
			expect(items.map((item) => item.json.id)).toEqual(['cnt_1']);
		},
		badInput: {
			parameters: { resource: 'contact', operation: 'find' },
			message: 'Phone Number and Email are both empty',
			description: /phone number or an email/,
		},
		apiError: {
			reply: () =>
				api()
					.post('/v2/api/crm/people/search')
					.reply(401, { error: { code: 'UNAUTHORIZED', message: 'bad key' } }),
			message: 'Allo did not accept the API key',
			httpCode: '401',
		},
	},
	'contact:upsert': {
		parameters: {
			resource: 'contact',
			operation: 'upsert',
			phoneNumber: CONTACT_NUMBER,
			additionalFields: { firstName: 'Jane' },
		},
		happy: () => {
			api()
				.post('/v2/api/crm/people/search')
				.reply(200, { data: [], pagination: { has_more: false } });
			api()
				.post('/v1/api/contacts', { name: 'Jane', numbers: [CONTACT_NUMBER] })
				.reply(201, { data: rawContact('cnt_new') });
		},
		check: (items) => {
			expect(items[0].json).toMatchObject({ id: 'cnt_new', created: true });
		},
		badInput: {
			parameters: { resource: 'contact', operation: 'upsert', phoneNumber: 'jane' },
			message: 'Phone Number "jane" is not a valid phone number',
			description: /E\.164/,
		},
		apiError: {
			reply: () =>
				api()
					.post('/v2/api/crm/people/search')
					.reply(401, { error: { code: 'API_KEY_INVALID', message: 'revoked' } }),
			message: 'Allo rejected the API key',
			httpCode: '401',
		},
	},
	'conversation:getMany': {
		parameters: {
			resource: 'conversation',
			operation: 'getMany',
			contactId: contactLocator('cnt_1'),
			filters: { alloNumber: ALLO_NUMBER },
		},
		happy: () =>
			api()
				.get('/v1/api/contact/cnt_1/conversation')
				.query({ allo_number: ALLO_NUMBER, page: 0, size: 50 })
				.reply(
					200,
					v1Page([
						{
							type: 'TEXT_MESSAGE',
							message: {
								id: 'msg_1',
								direction: 'INBOUND',
								from_number: CONTACT_NUMBER,
								to_number: ALLO_NUMBER,
								content: 'Hi',
							},
						},
						{ type: 'CALL', call: rawCall('cll_1') },
					]),
				),
		check: (items) => {
			expect(items.map((item) => item.json.type)).toEqual(['SMS', 'CALL']);
			expect(items[0].json.message).toMatchObject({
				id: 'msg_1',
				content: 'Hi',
				allo_number: ALLO_NUMBER,
			});
		},
		badInput: {
			parameters: {
				resource: 'conversation',
				operation: 'getMany',
				contactId: contactLocator('cnt_1'),
				filters: { alloNumber: '+1415' },
			},
			message: 'Allo Number "+1415" is not a valid phone number',
			description: /E\.164/,
		},
		apiError: {
			reply: () =>
				api()
					.get('/v1/api/contact/cnt_1/conversation')
					.query(true)
					.reply(404, { code: 'CONTACT_NOT_FOUND' }),
			message: 'The contact does not exist in Allo',
			httpCode: '404',
		},
	},
	'phoneNumber:getMany': {
		parameters: { resource: 'phoneNumber', operation: 'getMany' },
		happy: () => api().get('/v1/api/numbers').reply(200, numbersResponse),
		check: (items) => {
			expect(items.map((item) => item.json)).toEqual([
				{ number: ALLO_NUMBER, name: 'Main Line', country: 'US', is_shared_number: false },
				{ number: SECOND_NUMBER, name: 'Support', country: 'US', is_shared_number: true },
			]);
		},
		apiError: {
			reply: () => api().get('/v1/api/numbers').reply(401, { code: 'API_KEY_INVALID' }),
			message: 'Allo rejected the API key',
			httpCode: '401',
		},
	},
	'sms:send': {
		parameters: {
			resource: 'sms',
			operation: 'send',
			from: ALLO_NUMBER,
			to: CONTACT_NUMBER,
			message: 'Your order shipped',
		},
		happy: () =>
			api()
				.post('/v1/api/sms', {
					from: ALLO_NUMBER,
					to: CONTACT_NUMBER,
					message: 'Your order shipped',
				})
				.reply(200, {
					data: {
						from_number: ALLO_NUMBER,
						sender_id: null,
						to_number: CONTACT_NUMBER,
						type: 'OUTBOUND',
						content: 'Your order shipped',
						start_date: '2026-01-15T11:00:00',
					},
				}),
		check: (items) => {
			// Allo's answer has no id or status: the output leaves them out instead of showing null.
			expect(items[0].json).toEqual({
				direction: 'OUTBOUND',
				allo_number: ALLO_NUMBER,
				contact_number: CONTACT_NUMBER,
				sender_id: null,
				content: 'Your order shipped',
				sent_at: '2026-01-15T11:00:00.000Z',
			});
		},
		badInput: {
			parameters: {
				resource: 'sms',
				operation: 'send',
				from: ALLO_NUMBER,
				to: '+447911123456',
				message: 'Hi',
			},
			message: 'To +447911123456 is in a different country from the sending number +14155550100',
			description: /starting with \+1/,
		},
		apiError: {
			reply: () => api().post('/v1/api/sms').reply(400, { code: 'LANDLINE_NUMBER_NOT_SUPPORTED' }),
			message: 'The recipient is a landline, which cannot receive texts',
			httpCode: '400',
		},
	},
	'webhook:getMany': {
		parameters: { resource: 'webhook', operation: 'getMany' },
		happy: () =>
			api()
				.get('/v2/api/webhooks')
				.reply(200, {
					data: [
						{
							id: 'ep_1',
							url: 'https://example.com/a',
							topics: ['call.completed'],
							enabled: true,
							signing_secret: 'whsec_c2VjcmV0',
						},
					],
				}),
		check: (items) => {
			expect(items[0].json).toMatchObject({
				id: 'ep_1',
				api_version: 'v2',
				topics: ['call.completed'],
			});
			expect(JSON.stringify(items)).not.toContain('whsec_');
		},
		badInput: {
			parameters: { resource: 'webhook', operation: 'getMany', api: 'v3' },
			message: 'Webhook API "v3" is not one of the choices',
			description: /v2, v1/,
		},
		apiError: {
			reply: () => api().get('/v2/api/webhooks').reply(403, scopeError('WEBHOOKS_READ_WRITE')),
			message: 'The API key is missing the WEBHOOKS_READ_WRITE permission',
			httpCode: '403',
		},
	},
	'webhook:create': {
		parameters: {
			resource: 'webhook',
			operation: 'create',
			url: 'https://example.com/hooks/allo',
			topics: ['call.completed', 'sms.received'],
		},
		happy: () =>
			api()
				.post('/v2/api/webhooks', {
					url: 'https://example.com/hooks/allo',
					topics: ['call.completed', 'sms.received'],
				})
				.reply(201, {
					data: {
						id: 'ep_2',
						url: 'https://example.com/hooks/allo',
						topics: ['call.completed', 'sms.received'],
						signing_secret: 'whsec_c2VjcmV0',
					},
				}),
		check: (items) => {
			expect(items[0].json).toMatchObject({
				id: 'ep_2',
				api_version: 'v2',
				topics: ['call.completed', 'sms.received'],
			});
			expect(JSON.stringify(items)).not.toContain('whsec_');
		},
		badInput: {
			parameters: {
				resource: 'webhook',
				operation: 'create',
				url: 'http://example.com/hooks',
				topics: ['call.completed'],
			},
			message: 'URL "http://example.com/hooks" is not an HTTPS URL',
			description: /HTTPS/,
		},
		apiError: {
			reply: () => api().post('/v2/api/webhooks').reply(403, scopeError('WEBHOOKS_READ_WRITE')),
			message: 'The API key is missing the WEBHOOKS_READ_WRITE permission',
			httpCode: '403',
		},
	},
	'webhook:delete': {
		parameters: { resource: 'webhook', operation: 'delete', webhookId: 'ep_2' },
		happy: () => api().delete('/v2/api/webhooks/ep_2').reply(204),
		check: (items) => {
			expect(items.map((item) => item.json)).toEqual([{ deleted: true }]);
		},
		badInput: {
			parameters: { resource: 'webhook', operation: 'delete', webhookId: '={{ $json.webhookId }}' },
			message: 'Webhook ID is required',
			description: /Enter a value for Webhook ID/,
		},
		apiError: {
			reply: () =>
				api().delete('/v2/api/webhooks/ep_2').reply(403, scopeError('WEBHOOKS_READ_WRITE')),
			message: 'The API key is missing the WEBHOOKS_READ_WRITE permission',
			httpCode: '403',
		},
	},
};

const cases = { ...v1Cases, ...v2Cases };

test('every operation of the core has n8n tests', () => {
	expect(Object.keys(cases).sort()).toEqual(
		operations.map((op) => `${op.resource}:${op.operation}`).sort(),
	);
});

describe.each(Object.entries(cases))('%s', (_key, testCase) => {
	test('returns one item per record, paired with its input item', async () => {
		testCase.happy();
		const { items, error } = await runAllo(testCase.parameters);
		expect(error).toBeUndefined();
		testCase.check(items);
		for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
		expect(nock.isDone()).toBe(true);
	});

	if (testCase.badInput) {
		const bad = testCase.badInput;
		test('rejects bad input before any request, naming the field', async () => {
			// No nock scope: a request would fail with a network error instead.
			const { items, error } = await runAllo(bad.parameters);
			expect(items).toEqual([]);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(bad.message);
			expect(error?.description).toMatch(bad.description);
			expect(error?.context.itemIndex).toBe(0);
		});

		test('with continue on fail, outputs the error for each failed item', async () => {
			const { items, error } = await runAllo(bad.parameters, {
				continueOnFail: true,
				input: [{ json: { n: 1 } }, { json: { n: 2 } }],
			});
			expect(error).toBeUndefined();
			expect(items).toEqual([
				{
					json: { error: bad.message, description: expect.stringMatching(bad.description) },
					pairedItem: { item: 0 },
				},
				{
					json: { error: bad.message, description: expect.stringMatching(bad.description) },
					pairedItem: { item: 1 },
				},
			]);
		});
	}

	test('turns an Allo error answer into a friendly API error', async () => {
		testCase.apiError.reply();
		const { error } = await runAllo(testCase.parameters);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain(testCase.apiError.message);
		expect((error as unknown as { httpCode: string }).httpCode).toBe(testCase.apiError.httpCode);
		expect(error?.description).toBeTruthy();
		expect(JSON.stringify(error)).not.toContain('test-key-123');
	});

	test('with continue on fail, an API error becomes an output item', async () => {
		testCase.apiError.reply();
		const { items, error } = await runAllo(testCase.parameters, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(String(items[0].json.error)).toContain(testCase.apiError.message);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});

import { downloadRecording } from '../../shared/operations/call/downloadRecording';
import { getManyCalls } from '../../shared/operations/call/getMany';
import { findContact } from '../../shared/operations/contact/find';
import { FALLBACK_SCAN_LIMIT } from '../../shared/operations/contact/lookup';
import { updateContact } from '../../shared/operations/contact/update';
import { upsertContact } from '../../shared/operations/contact/upsert';
import { runOperation } from '../../shared/operations/run';
import { AlloFile } from '../../shared/operations/file';
import { allo, alloClient } from '../support/allo';

const current = {
	data: {
		id: 'cnt_abc123',
		name: 'Jane',
		last_name: 'Doe',
		emails: ['jane@example.com'],
		numbers: ['+14155551234'],
	},
};
const updated = (body: Record<string, unknown>) => ({ data: { ...current.data, ...body } });
const insufficientScope = {
	code: 'API_KEY_INSUFFICIENT_SCOPE',
	details: [{ message: 'required=CRM_READ', field: 'scope' }],
};

describe('Update Contact', () => {
	test('"add" reads the contact, then writes its emails and numbers with the new ones', async () => {
		const scope = allo()
			.get('/v1/api/contact/cnt_abc123')
			.reply(200, current)
			.put('/v1/api/contacts/cnt_abc123', {
				job_title: 'CEO',
				emails: ['jane@example.com', 'jane@acme.com'],
				numbers: ['+14155551234', '+33612345678'],
			})
			.reply(200, (_, body) => updated(body as Record<string, unknown>));
		const { client, transport } = alloClient();
		const [contact] = await runOperation(updateContact, client, {
			contactId: 'cnt_abc123',
			jobTitle: 'CEO',
			emails: 'jane@acme.com, jane@example.com',
			numbers: '+33 6 12 34 56 78',
		});
		expect(scope.isDone()).toBe(true);
		expect(transport.requests.map((request) => request.method)).toEqual(['GET', 'PUT']);
		expect(contact).toMatchObject({
			job_title: 'CEO',
			emails: ['jane@example.com', 'jane@acme.com'],
		});
	});

	test('"replace" writes only the given lists, without reading', async () => {
		const scope = allo()
			.put('/v1/api/contacts/cnt_abc123', { emails: ['jane@acme.com'], numbers: ['+33612345678'] })
			.reply(200, (_, body) => updated(body as Record<string, unknown>));
		const { client, transport } = alloClient();
		await runOperation(updateContact, client, {
			contactId: 'cnt_abc123',
			emails: 'jane@acme.com',
			emailsMode: 'replace',
			numbers: '+33612345678',
			numbersMode: 'replace',
		});
		expect(scope.isDone()).toBe(true);
		expect(transport.requests.map((request) => request.method)).toEqual(['PUT']);
	});

	test('changing only the name does not read the contact', async () => {
		const scope = allo()
			.put('/v1/api/contacts/cnt_abc123', { name: 'Janet' })
			.reply(200, updated({ name: 'Janet' }));
		const { client, transport } = alloClient();
		await runOperation(updateContact, client, { contactId: 'cnt_abc123', firstName: 'Janet' });
		expect(scope.isDone()).toBe(true);
		expect(transport.requests).toHaveLength(1);
	});
});

describe('Find Contact', () => {
	test('searches the CRM by exact phone number', async () => {
		const scope = allo()
			.post('/v2/api/crm/people/search', {
				filters: { phone_number: '+14155551234' },
				page: 1,
				size: 50,
			})
			.reply(200, {
				data: [{ id: 'per-1', name: 'Jane', numbers: ['+14155551234'] }],
				pagination: { page: 1, has_more: false },
			});
		const { client } = alloClient();
		const contacts = await runOperation(findContact, client, { phoneNumber: '+1 415 555 1234' });
		expect(scope.isDone()).toBe(true);
		expect(contacts).toEqual([expect.objectContaining({ id: 'per-1', full_name: 'Jane' })]);
	});

	test('without the CRM scope, scans at most 1000 v1 contacts for the number', async () => {
		const requestedPages: number[] = [];
		const scope = allo()
			.post('/v2/api/crm/people/search')
			.reply(403, insufficientScope)
			.get('/v1/api/contacts')
			.query(true)
			.times(10)
			.reply(200, (uri) => {
				const page = Number(new URL(uri, 'https://api.withallo.com').searchParams.get('page'));
				requestedPages.push(page);
				const results = Array.from({ length: 100 }, (_, i) => ({
					id: `cnt_${page}_${i}`,
					numbers:
						page === 7 && i === 42
							? ['+14155559999', '+14155551234']
							: [`+1415555${String(page * 100 + i).padStart(4, '0')}`],
				}));
				// Far more contacts than the scan reads: it must stop on its own.
				return {
					data: { results, metadata: { pagination: { total_pages: 40, current_page: page } } },
				};
			});
		const { client, transport } = alloClient();
		const contacts = await runOperation(findContact, client, { phoneNumber: '+14155551234' });
		expect(contacts.map((contact) => contact.id)).toEqual(['cnt_7_42']);
		expect(scope.isDone()).toBe(true);
		expect(FALLBACK_SCAN_LIMIT).toBe(1000);
		expect(requestedPages.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(transport.requests).toHaveLength(11);
	});

	test('without the CRM scope, an email search says which permission is missing', async () => {
		allo().post('/v2/api/crm/people/search').reply(403, insufficientScope);
		const { client, transport } = alloClient();
		await expect(
			runOperation(findContact, client, { email: 'jane@example.com' }),
		).rejects.toMatchObject({
			kind: 'permission',
			field: 'email',
			message: expect.stringContaining('CRM_READ'),
		});
		expect(transport.requests).toHaveLength(1);
	});

	test('other errors are not hidden by the fallback', async () => {
		allo().post('/v2/api/crm/people/search').reply(401, { code: 'API_KEY_INVALID', details: null });
		const { client, transport } = alloClient();
		await expect(
			runOperation(findContact, client, { phoneNumber: '+14155551234' }),
		).rejects.toMatchObject({ kind: 'authentication' });
		expect(transport.requests).toHaveLength(1);
	});

	test('needs a phone number or an email, before any request', async () => {
		const { client, transport } = alloClient();
		await expect(runOperation(findContact, client, {})).rejects.toMatchObject({
			kind: 'invalidInput',
			field: 'phoneNumber',
		});
		expect(transport.requests).toHaveLength(0);
	});
});

describe('Create or Update Contact', () => {
	const search = (people: unknown[]) =>
		allo()
			.post('/v2/api/crm/people/search', {
				filters: { phone_number: '+14155551234' },
				page: 1,
				size: 1,
			})
			.reply(200, { data: people, pagination: { page: 1, has_more: false } });

	test('creates the contact when none has the number', async () => {
		const scope = search([])
			.post('/v1/api/contacts', {
				name: 'Jane',
				emails: ['jane@example.com'],
				numbers: ['+14155551234'],
			})
			.reply(200, updated({}));
		const { client } = alloClient();
		const [contact] = await runOperation(upsertContact, client, {
			phoneNumber: '+1 (415) 555-1234',
			firstName: 'Jane',
			emails: 'jane@example.com',
		});
		expect(scope.isDone()).toBe(true);
		expect(contact).toMatchObject({ id: 'cnt_abc123', created: true });
	});

	test('updates the contact that has the number, adding to its emails', async () => {
		const scope = search([{ id: 'cnt_abc123', name: 'Jane', numbers: ['+14155551234'] }])
			.get('/v1/api/contact/cnt_abc123')
			.reply(200, current)
			.put('/v1/api/contacts/cnt_abc123', {
				job_title: 'CEO',
				emails: ['jane@example.com', 'jane@acme.com'],
			})
			.reply(200, (_, body) => updated(body as Record<string, unknown>));
		const { client, transport } = alloClient();
		const [contact] = await runOperation(upsertContact, client, {
			phoneNumber: '+14155551234',
			jobTitle: 'CEO',
			emails: 'jane@acme.com',
		});
		expect(scope.isDone()).toBe(true);
		expect(transport.requests.map((request) => request.method)).toEqual(['POST', 'GET', 'PUT']);
		expect(contact).toMatchObject({ id: 'cnt_abc123', created: false, job_title: 'CEO' });
	});

	test('with nothing to change, returns the contact without writing', async () => {
		const scope = search([{ id: 'cnt_abc123', name: 'Jane', numbers: ['+14155551234'] }]);
		const { client, transport } = alloClient();
		const [contact] = await runOperation(upsertContact, client, { phoneNumber: '+14155551234' });
		expect(scope.isDone()).toBe(true);
		expect(transport.requests).toHaveLength(1);
		expect(contact).toMatchObject({ id: 'cnt_abc123', created: false });
	});
});

describe('Get Many Calls', () => {
	const numbers = {
		data: [
			{ number: '+14155550100', name: 'Main' },
			{ number: '+14155550101', name: 'Support' },
		],
	};
	const callsOf = (alloNumber: string, dates: string[]) => ({
		data: {
			results: dates.map((date) => ({
				id: `cll_${alloNumber.slice(-3)}_${date.slice(8, 10)}`,
				type: 'INBOUND',
				to: alloNumber,
				start_date: date,
			})),
			metadata: { total_pages: 1, current_page: 0 },
		},
	});

	test('"All Numbers" lists every Allo number and merges their calls newest first', async () => {
		const scope = allo()
			.get('/v1/api/numbers')
			.reply(200, numbers)
			.get('/v1/api/calls')
			.query({ allo_number: '+14155550100', page: '0', size: '3' })
			.reply(
				200,
				callsOf('+14155550100', [
					'2026-01-14T09:00:00',
					'2026-01-11T09:00:00',
					'2026-01-10T09:00:00',
				]),
			)
			.get('/v1/api/calls')
			.query({ allo_number: '+14155550101', page: '0', size: '3' })
			.reply(200, callsOf('+14155550101', ['2026-01-13T09:00:00', '2026-01-12T09:00:00']));
		const { client } = alloClient();
		const calls = await runOperation(
			getManyCalls,
			client,
			{ alloNumber: 'all' },
			{ returnAll: false, limit: 3 },
		);
		expect(scope.isDone()).toBe(true);
		expect(calls.map((call) => call.id)).toEqual(['cll_100_14', 'cll_101_13', 'cll_101_12']);
		expect(calls.map((call) => call.allo_number)).toEqual([
			'+14155550100',
			'+14155550101',
			'+14155550101',
		]);
	});

	test('one number, filtered by contact number', async () => {
		const scope = allo()
			.get('/v1/api/calls')
			.query({ allo_number: '+14155550100', contact_number: '+14155551234', page: '0', size: '50' })
			.reply(200, callsOf('+14155550100', ['2026-01-14T09:00:00']));
		const { client } = alloClient();
		const calls = await runOperation(getManyCalls, client, {
			alloNumber: '+14155550100',
			contactNumber: '+1 415 555 1234',
		});
		expect(scope.isDone()).toBe(true);
		expect(calls).toHaveLength(1);
	});
});

describe('Download Recording', () => {
	const recordingUrl = 'https://api.withallo.com/v1/assets/recordings/cll-1.mp3';
	const audio = Uint8Array.from([0x49, 0x44, 0x33, 0x04, 0x00, 0xff, 0xfb, 0x90]);

	test('returns the recording as a file', async () => {
		const scope = allo()
			.get('/v2/api/conversations/items/cll-1')
			.reply(200, { data: { id: 'cll-1', type: 'INBOUND', recording_url: recordingUrl } })
			.get('/v1/assets/recordings/cll-1.mp3')
			.reply(200, Buffer.from(audio), { 'Content-Type': 'audio/mpeg' });
		const { client } = alloClient();
		const [record] = await runOperation(downloadRecording, client, { callId: 'cll-1' });
		expect(scope.isDone()).toBe(true);
		expect(record).toMatchObject({
			call_id: 'cll-1',
			recording_url: recordingUrl,
			file_name: 'allo-call-cll-1.mp3',
			mime_type: 'audio/mpeg',
			file_size: audio.length,
		});
		const file = record.file as AlloFile;
		expect(file).toBeInstanceOf(AlloFile);
		expect(Array.from(file.data)).toEqual(Array.from(audio));
		expect(file).toMatchObject({ fileName: 'allo-call-cll-1.mp3', mimeType: 'audio/mpeg' });
	});

	test('a call without a recording is a not-found error naming the call', async () => {
		allo()
			.get('/v2/api/conversations/items/cll-2')
			.reply(200, { data: { id: 'cll-2', recording_url: null } });
		const { client, transport } = alloClient();
		await expect(
			runOperation(downloadRecording, client, { callId: 'cll-2' }),
		).rejects.toMatchObject({
			kind: 'notFound',
			field: 'callId',
			message: expect.stringContaining('cll-2'),
		});
		expect(transport.requests).toHaveLength(1);
	});
});

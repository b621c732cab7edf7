import nock from 'nock';
import { allo, App, appTester, authData, errorBody, failure, run, type Rec } from './helpers';

const ALLO_NUMBER = '+14155550100';
const create = (key: string, inputData: Rec) =>
	run(`creates.${key}.operation.perform`, { authData, inputData });
const search = (key: string, inputData: Rec) =>
	run<Rec[]>(`searches.${key}.operation.perform`, { authData, inputData });
const inputKeys = (key: string) =>
	(App.creates[key].operation.inputFields as unknown as Array<{ key: string }>).map(
		(field) => field.key,
	);

const sentSms = {
	data: {
		from_number: ALLO_NUMBER,
		to_number: '+14155551234',
		content: 'Your order shipped',
		sent_at: '2026-01-15T11:00:00',
	},
};
const contact = {
	id: 'cnt_abc123',
	name: 'Jane',
	last_name: 'Doe',
	numbers: ['+14155551234'],
	emails: ['jane@example.com'],
	created_at: '2026-01-10T08:00:00',
	updated_at: '2026-01-15T10:30:00',
};

/** Asserts a step failed on its input, naming the field, with no request sent. */
async function rejectsInput(
	work: Promise<unknown>,
	scope: nock.Scope,
	field: string,
	problem: string,
) {
	const error = await failure(work);
	expect(error.name).toBe('AppError');
	expect(errorBody(error)).toMatchObject({
		code: 'INVALID_INPUT',
		message: expect.stringContaining(`${field} ${problem}`),
	});
	expect(scope.isDone()).toBe(false);
}

describe('Send SMS', () => {
	it('asks for an Allo number, recipient and text, not for a sender type', () => {
		expect(inputKeys('send_sms')).toEqual(['from', 'to', 'message']);
	});

	it('sends from the chosen Allo number and returns the sent text', async () => {
		allo()
			.post('/v1/api/sms', { from: ALLO_NUMBER, to: '+14155551234', message: 'Your order shipped' })
			.reply(200, sentSms);
		const sent = await create('send_sms', {
			from: ALLO_NUMBER,
			to: '+1 (415) 555-1234',
			message: 'Your order shipped',
		});
		expect(sent).not.toHaveProperty('id');
		expect(sent).toMatchObject({
			direction: 'OUTBOUND',
			allo_number: ALLO_NUMBER,
			contact_number: '+14155551234',
			sent_at: '2026-01-15T11:00:00.000Z',
		});
	});

	it('refuses a recipient in another country before sending', async () => {
		const scope = allo().post('/v1/api/sms').reply(200, sentSms);
		await rejectsInput(
			create('send_sms', { from: ALLO_NUMBER, to: '+33612345678', message: 'Hi' }),
			scope,
			'To',
			'+33612345678 is in a different country',
		);
	});

	it('refuses a missing text before sending', async () => {
		const scope = allo().post('/v1/api/sms').reply(200, sentSms);
		await rejectsInput(
			create('send_sms', { from: ALLO_NUMBER, to: '+14155551234' }),
			scope,
			'Message',
			'is required',
		);
	});

	it('never resends a text after a server error', async () => {
		const scope = allo().post('/v1/api/sms').once().reply(502, 'Bad gateway');
		const error = await failure(
			create('send_sms', { from: ALLO_NUMBER, to: '+14155551234', message: 'Hi' }),
		);
		expect(errorBody(error)).toMatchObject({
			status: 502,
			message: expect.stringContaining('Allo could not answer'),
		});
		expect(scope.isDone()).toBe(true);
	});
});

describe('Send SMS in France', () => {
	it('asks for the sender ID instead of an Allo number', () => {
		expect(inputKeys('send_sms_france')).toEqual(['senderId', 'to', 'message']);
	});

	it('sends from the sender ID', async () => {
		allo()
			.post('/v1/api/sms', { sender_id: 'MyShop', to: '+33612345678', message: 'Bonjour' })
			.reply(200, {
				data: { sender_id: 'MyShop', to_number: '+33612345678', content: 'Bonjour' },
			});
		const sent = await create('send_sms_france', {
			senderId: 'MyShop',
			to: '+33612345678',
			message: 'Bonjour',
		});
		expect(sent).toMatchObject({
			sender_id: 'MyShop',
			// A sender ID is not an Allo number.
			allo_number: null,
			contact_number: '+33612345678',
		});
	});

	it('refuses a number outside France before sending', async () => {
		const scope = allo().post('/v1/api/sms').reply(200, sentSms);
		await rejectsInput(
			create('send_sms_france', { senderId: 'MyShop', to: '+14155551234', message: 'Hi' }),
			scope,
			'To',
			'+14155551234 is not a French number',
		);
	});
});

describe('Create Contact', () => {
	it('creates the contact from Zapier list fields', async () => {
		allo()
			.post('/v1/api/contacts', {
				name: 'Jane',
				last_name: 'Doe',
				emails: ['jane@example.com'],
				numbers: ['+14155551234', '+14155551235'],
			})
			.reply(200, { data: contact });
		const created = await create('create_contact', {
			numbers: ['+14155551234', '+1 415 555 1235'],
			firstName: 'Jane',
			lastName: 'Doe',
			emails: ['jane@example.com'],
		});
		expect(created).toMatchObject({
			id: 'cnt_abc123',
			full_name: 'Jane Doe',
			created_at: '2026-01-10T08:00:00.000Z',
		});
	});

	it('splits a comma-separated value mapped into one line of a list field', async () => {
		allo()
			.post('/v1/api/contacts', { numbers: ['+14155551234', '+14155551235'] })
			.reply(200, { data: contact });
		await expect(
			create('create_contact', { numbers: ['+14155551234, +14155551235'] }),
		).resolves.toMatchObject({
			id: 'cnt_abc123',
		});
	});

	it('refuses a malformed email before sending', async () => {
		const scope = allo().post('/v1/api/contacts').reply(200, { data: contact });
		await rejectsInput(
			create('create_contact', { numbers: ['+14155551234'], emails: ['jane-at-example'] }),
			scope,
			'Emails',
			'"jane-at-example" is not a valid email address',
		);
	});
});

describe('Update Contact', () => {
	it('adds the given emails to the existing ones', async () => {
		allo().get('/v1/api/contact/cnt_abc123').reply(200, { data: contact });
		allo()
			.put('/v1/api/contacts/cnt_abc123', {
				job_title: 'CTO',
				emails: ['jane@example.com', 'jane@work.example'],
			})
			.reply(200, {
				data: { ...contact, job_title: 'CTO', emails: ['jane@example.com', 'jane@work.example'] },
			});
		const updated = await create('update_contact', {
			contactId: 'cnt_abc123',
			jobTitle: 'CTO',
			emails: ['jane@work.example'],
		});
		expect(updated).toMatchObject({
			id: 'cnt_abc123',
			job_title: 'CTO',
			emails: ['jane@example.com', 'jane@work.example'],
		});
	});

	it('replaces emails when asked, without reading the contact first', async () => {
		allo()
			.put('/v1/api/contacts/cnt_abc123', { emails: ['new@example.com'] })
			.reply(200, { data: { ...contact, emails: ['new@example.com'] } });
		const updated = await create('update_contact', {
			contactId: 'cnt_abc123',
			emails: ['new@example.com'],
			emailsMode: 'replace',
		});
		expect(updated.emails).toEqual(['new@example.com']);
	});

	it('refuses an update with nothing to change before sending', async () => {
		const scope = allo().put('/v1/api/contacts/cnt_abc123').reply(200, { data: contact });
		const error = await failure(create('update_contact', { contactId: 'cnt_abc123' }));
		expect(errorBody(error)).toMatchObject({
			code: 'INVALID_INPUT',
			message: 'No field to change was given. Give at least one field to change.',
		});
		expect(scope.isDone()).toBe(false);
	});

	it('explains an unknown contact', async () => {
		allo()
			.put('/v1/api/contacts/cnt_gone')
			.reply(400, { code: 'CONTACT_NOT_FOUND', details: null });
		const error = await failure(
			create('update_contact', { contactId: 'cnt_gone', jobTitle: 'CTO', emailsMode: 'replace' }),
		);
		expect(error.name).toBe('AppError');
		expect(errorBody(error)).toEqual({
			code: 'CONTACT_NOT_FOUND',
			status: 400,
			message:
				'The contact does not exist in Allo. Check the contact ID, or pick the contact from the list.',
		});
	});
});

describe('Find Contact', () => {
	it('finds contacts by exact phone number, asking Allo for the one result Zapier uses', async () => {
		allo()
			.post('/v2/api/crm/people/search', {
				filters: { phone_number: '+14155551234' },
				page: 1,
				size: 1,
			})
			.reply(200, {
				data: [{ ...contact, id: 'per-1' }],
				pagination: { page: 1, total_pages: 1, has_more: false },
			});
		const found = await search('find_contact', { phoneNumber: '+14155551234' });
		expect(found).toEqual([expect.objectContaining({ id: 'per-1', full_name: 'Jane Doe' })]);
	});

	it('answers an empty list when nobody matches', async () => {
		allo()
			.post('/v2/api/crm/people/search', {
				filters: { email: 'nobody@example.com' },
				page: 1,
				size: 1,
			})
			.reply(200, { data: [], pagination: { page: 1, total_pages: 0, has_more: false } });
		await expect(search('find_contact', { email: 'nobody@example.com' })).resolves.toEqual([]);
	});

	it('asks for a phone number or an email before searching', async () => {
		const scope = allo().post('/v2/api/crm/people/search').reply(200, { data: [] });
		await rejectsInput(
			search('find_contact', {}),
			scope,
			'Phone Number',
			'and Email are both empty',
		);
	});
});

describe('Find Call', () => {
	it('finds the calls of one Allo number with a contact', async () => {
		allo()
			.get('/v1/api/calls')
			.query({ allo_number: ALLO_NUMBER, contact_number: '+14155551234', page: 0, size: 1 })
			.reply(200, {
				data: {
					results: [
						{
							id: 'cll_1',
							from_number: '+14155551234',
							to_number: ALLO_NUMBER,
							type: 'INBOUND',
							start_date: '2026-01-15T10:30:00',
						},
					],
					metadata: { total_pages: 1 },
				},
			});
		const found = await search('find_calls', {
			alloNumber: ALLO_NUMBER,
			contactNumber: '+14155551234',
		});
		expect(found).toEqual([
			expect.objectContaining({
				id: 'cll_1',
				allo_number: ALLO_NUMBER,
				start_date: '2026-01-15T10:30:00.000Z',
			}),
		]);
	});

	it('searches every Allo number when none is chosen', async () => {
		allo()
			.get('/v1/api/numbers')
			.reply(200, { data: [{ number: ALLO_NUMBER }, { number: '+14155550101' }] });
		for (const [number, id, date] of [
			[ALLO_NUMBER, 'cll_a', '2026-01-14T10:00:00'],
			['+14155550101', 'cll_b', '2026-01-15T10:00:00'],
		]) {
			allo()
				.get('/v1/api/calls')
				.query({ allo_number: number, page: 0, size: 1 })
				.reply(200, {
					data: {
						results: [{ id, to_number: number, type: 'INBOUND', start_date: date }],
						metadata: { total_pages: 1 },
					},
				});
		}
		// Zapier uses the first result only: the newest call of all numbers.
		const found = await search('find_calls', {});
		expect(found.map((call) => call.id)).toEqual(['cll_b']);
	});
});

const call = {
	id: 'cll-1',
	type: 'CALL',
	direction: 'INBOUND',
	allo_number: ALLO_NUMBER,
	contact_number: '+14155551234',
	date: '2026-01-15T10:30:00',
	summary: 'Asked about delivery.',
	recording_url: `https://api.withallo.com/v1/assets/recordings/cll-1.mp3`,
	tags: ['support'],
};

describe('Create or Update Contact', () => {
	it('updates the contact Allo has with this number, saying so', async () => {
		allo()
			.post('/v2/api/crm/people/search', {
				filters: { phone_number: '+14155551234' },
				page: 1,
				size: 1,
			})
			.reply(200, { data: [contact], pagination: { page: 1, total_pages: 1, has_more: false } });
		allo().get('/v1/api/contact/cnt_abc123').reply(200, { data: contact });
		allo()
			.put('/v1/api/contacts/cnt_abc123', (body) => body.job_title === 'CTO')
			.reply(200, { data: { ...contact, job_title: 'CTO' } });
		const output = await create('create_or_update_contact', {
			phoneNumber: '+1 415 555 1234',
			jobTitle: 'CTO',
		});
		expect(output).toMatchObject({ id: 'cnt_abc123', created: false, job_title: 'CTO' });
	});
});

describe('Add Tags to Call', () => {
	it('adds the chosen tags and says which call got them', async () => {
		const added = allo()
			.post('/v2/api/conversations/items/cll-1/tags', { tags: ['support', 'vip'] })
			.reply(200);
		await expect(
			create('add_tags_to_call', { callId: 'cll-1', tags: ['support', 'vip'] }),
		).resolves.toEqual({ success: true, id: 'cll-1', tags: ['support', 'vip'] });
		expect(added.isDone()).toBe(true);
		expect(inputKeys('add_tags_to_call')).toEqual(['callId', 'tags']);
	});

	it('asks for a tag before sending anything', async () => {
		const scope = allo().post('/v2/api/conversations/items/cll-1/tags').reply(200);
		await rejectsInput(
			create('add_tags_to_call', { callId: 'cll-1' }),
			scope,
			'Tags',
			'is required',
		);
	});
});

describe('Remove Tag From Call', () => {
	it('removes the tag', async () => {
		const removed = allo().delete('/v2/api/conversations/items/cll-1/tags/support').reply(200);
		await expect(
			create('remove_tag_from_call', { callId: 'cll-1', tag: 'support' }),
		).resolves.toEqual({
			success: true,
			id: 'cll-1',
			tag: 'support',
		});
		expect(removed.isDone()).toBe(true);
	});
});

describe('Update Call Summary', () => {
	it('replaces the summary and returns its new version', async () => {
		allo()
			.patch('/v2/api/conversations/items/cll-1/summary', { content: '## Follow-up booked' })
			.reply(200, { data: { id: 'cll-1', content: '## Follow-up booked', version: 3 } });
		await expect(
			create('update_call_summary', { callId: 'cll-1', content: '## Follow-up booked' }),
		).resolves.toEqual({ id: 'cll-1', content: '## Follow-up booked', version: 3 });
	});
});

describe('Create Person', () => {
	it('creates a person with a company and an address', async () => {
		allo()
			.post('/v2/api/crm/people', {
				numbers: ['+14155551234'],
				name: 'Jane',
				address: '1 Market St',
				company_id: 'com-1',
			})
			.reply(200, { data: { id: 'cnt-1', name: 'Jane', company: { id: 'com-1', name: 'Acme' } } });
		await expect(
			create('create_person', {
				numbers: '+14155551234',
				firstName: 'Jane',
				address: '1 Market St',
				companyId: 'com-1',
			}),
		).resolves.toMatchObject({ id: 'cnt-1', company: { id: 'com-1' } });
	});
});

describe('Create Company', () => {
	it('creates a company', async () => {
		allo()
			.post('/v2/api/crm/companies', { name: 'Acme', industry: 'Software' })
			.reply(201, { data: { id: 'com-1', name: 'Acme', industry: 'Software' } });
		await expect(create('create_company', { name: 'Acme', industry: 'Software' })).resolves.toEqual(
			{
				id: 'com-1',
				name: 'Acme',
				industry: 'Software',
			},
		);
	});
});

describe('Create Deal', () => {
	it('creates a deal, its currency in capitals', async () => {
		allo()
			.post('/v2/api/crm/deals', { name: 'Renewal', amount: 1200, currency: 'EUR', status: 'OPEN' })
			.reply(201, { data: { id: 'dea-1', name: 'Renewal', amount: 1200, currency: 'EUR' } });
		await expect(
			create('create_deal', { name: 'Renewal', amount: '1200', currency: 'eur', status: 'OPEN' }),
		).resolves.toMatchObject({ id: 'dea-1', currency: 'EUR' });
	});

	it('refuses a currency that is not a code before sending anything', async () => {
		const scope = allo().post('/v2/api/crm/deals').reply(201, {});
		await rejectsInput(
			create('create_deal', { name: 'Renewal', currency: 'euros' }),
			scope,
			'Currency',
			'"euros" is not a currency code',
		);
	});
});

describe('Get Call', () => {
	it('finds the call with its transcript, and its recording as a file', async () => {
		allo()
			.get('/v2/api/conversations/items/cll-1')
			.query({ extend: 'transcript' })
			.reply(200, { data: { ...call, transcript: [{ source: 'USER', text: 'Hello' }] } });
		const [found] = await search('get_call', { itemId: 'cll-1', includeTranscript: true });
		expect(found).toMatchObject({
			id: 'cll-1',
			summary: 'Asked about delivery.',
			transcript: [{ source: 'USER', text: 'Hello' }],
		});
		// A dehydrated file: Zapier fetches it through the app only when a later step uses it.
		expect(found.recording_file).toMatch(/^hydrate\|\|\|.*recording.*cll-1.*\|\|\|hydrate$/);
	});

	it('stashes the recording, fetched with the API key, when a step uses it', async () => {
		allo().get('/v2/api/conversations/items/cll-1').reply(200, { data: call });
		allo()
			.get('/v1/assets/recordings/cll-1.mp3')
			.reply(200, Buffer.from('ID3-audio'), { 'content-type': 'audio/mpeg' });
		const stashed: unknown[][] = [];
		const url = await appTester(
			async (z, bundle) => {
				Object.assign(z, {
					stashFile: async (...args: unknown[]) => {
						stashed.push(args);
						return 'https://zapier.example/stash/recording.mp3';
					},
				});
				return App.hydrators!.recording(z, bundle);
			},
			{ authData, inputData: { callId: 'cll-1' } },
		);
		expect(url).toBe('https://zapier.example/stash/recording.mp3');
		expect(stashed).toHaveLength(1);
		const [content, length, fileName, mimeType] = stashed[0];
		expect(Buffer.from(content as Buffer).toString()).toBe('ID3-audio');
		expect([length, fileName, mimeType]).toEqual([9, 'allo-call-cll-1.mp3', 'audio/mpeg']);
	});

	it('finds a text without a recording file', async () => {
		allo()
			.get('/v2/api/conversations/items/msg-1')
			.reply(200, { data: { id: 'msg-1', type: 'SMS', content: 'Hi' } });
		const [found] = await search('get_call', { itemId: 'msg-1' });
		expect(found).toEqual({ id: 'msg-1', type: 'SMS', content: 'Hi' });
	});
});

describe('Get Contact', () => {
	it('finds the contact by ID', async () => {
		allo().get('/v1/api/contact/cnt_abc123').query(true).reply(200, { data: contact });
		const [found] = await search('get_contact', { contactId: 'cnt_abc123' });
		expect(found).toMatchObject({ id: 'cnt_abc123', full_name: 'Jane Doe' });
	});
});

describe('Find Call or Text', () => {
	it('asks for the latest call or text with a contact, the one result Zapier uses', async () => {
		allo()
			.post('/v2/api/conversations/items/search', {
				type: 'ALL',
				contact_number: '+14155551234',
				page: 1,
				size: 1,
			})
			.reply(200, {
				data: [{ id: 'msg-1', type: 'SMS', content: 'Hi', date: '2026-01-14T09:00:00' }],
				pagination: { page: 1, total_pages: 1, has_more: true },
			});
		const found = await search('find_calls_and_texts', { contactNumber: '+1 (415) 555-1234' });
		expect(found.map((item) => item.id)).toEqual(['msg-1']);
		expect(found[0]).toMatchObject({ date: '2026-01-14T09:00:00.000Z' });
	});
});

describe('Find Person', () => {
	it('finds people by free text', async () => {
		allo()
			.post('/v2/api/crm/people/search', { search: 'acme', page: 1, size: 1 })
			.reply(200, { data: [{ id: 'cnt-1' }], pagination: { page: 1, total_pages: 1 } });
		await expect(search('find_person', { search: 'acme' })).resolves.toEqual([{ id: 'cnt-1' }]);
	});
});

describe('Find Company', () => {
	it('finds companies by name', async () => {
		allo()
			.post('/v2/api/crm/companies/search', { filters: { name: 'acme' }, page: 1, size: 1 })
			.reply(200, {
				data: [{ id: 'com-1', name: 'Acme' }],
				pagination: { page: 1, total_pages: 1 },
			});
		await expect(search('find_company', { name: 'acme' })).resolves.toEqual([
			{ id: 'com-1', name: 'Acme' },
		]);
	});
});

describe('Find Deal', () => {
	it('finds deals by stage', async () => {
		allo()
			.post('/v2/api/crm/deals/search', { filters: { stage: 'WON' }, page: 1, size: 1 })
			.reply(200, {
				data: [{ id: 'dea-1', status: 'WON' }],
				pagination: { page: 1, total_pages: 1 },
			});
		await expect(search('find_deal', { stage: 'WON' })).resolves.toEqual([
			{ id: 'dea-1', status: 'WON' },
		]);
	});
});

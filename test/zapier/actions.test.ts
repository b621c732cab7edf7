import nock from 'nock';
import { allo, App, authData, errorBody, failure, run, type Rec } from './helpers';

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
	it('finds contacts by exact phone number', async () => {
		allo()
			.post('/v2/api/crm/people/search', {
				filters: { phone_number: '+14155551234' },
				page: 1,
				size: 10,
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
				size: 10,
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
			.query({ allo_number: ALLO_NUMBER, contact_number: '+14155551234', page: 0, size: 10 })
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
				.query({ allo_number: number, page: 0, size: 10 })
				.reply(200, {
					data: {
						results: [{ id, to_number: number, type: 'INBOUND', start_date: date }],
						metadata: { total_pages: 1 },
					},
				});
		}
		const found = await search('find_calls', {});
		expect(found.map((call) => call.id)).toEqual(['cll_b', 'cll_a']);
	});
});

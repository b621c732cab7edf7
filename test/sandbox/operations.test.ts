import {
	AlloFile,
	getAccount,
	isAlloError,
	operations,
	phoneNumberOptions,
	contactChoices,
	runOperation,
	type AlloClient,
	type JsonRecord,
} from '../../shared';
import * as op from '../../shared/operations';
import type { Sandbox } from '../../sandbox';
import { clientFor, startSandbox } from '../support/sandbox';

const MAIN_LINE = '+14155550100';
const FRANCE_LINE = '+33187654321';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ALL_KEY = 'ak_test_all_scopes';
const NO_CRM_KEY = 'ak_test_without_crm';

let sandbox: Sandbox;
let client: AlloClient;
const exercised = new Set<string>();

async function run(
	operation: (typeof operations)[number],
	input: Record<string, unknown>,
	page?: { returnAll: boolean; limit?: number },
	on = client,
) {
	exercised.add(`${operation.resource}.${operation.operation}`);
	return runOperation(operation, on, input, page);
}

async function failure(promise: Promise<unknown>) {
	const outcome = await promise.then(
		() => undefined,
		(error: unknown) => error,
	);
	if (!isAlloError(outcome)) throw new Error(`expected an AlloError, got ${String(outcome)}`);
	return outcome;
}

beforeAll(async () => {
	sandbox = await startSandbox({
		apiKeys: [
			{ key: ALL_KEY },
			{ key: NO_CRM_KEY, scopes: ['CONTACTS_READ', 'CONTACTS_READ_WRITE', 'CONVERSATIONS_READ'] },
		],
	});
	client = clientFor(sandbox, ALL_KEY).client;
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.control.reset());

describe('the core against the Allo sandbox, operation by operation', () => {
	it('tests the connection with the team name and scopes', async () => {
		const account = await getAccount(client);
		expect(account).toEqual({
			api_key_id: 'api-sandbox-1',
			team_id: 'team-sandbox',
			team_name: 'Sandbox Team',
			scopes: expect.arrayContaining(['CONTACTS_READ', 'SMS_SEND', 'CRM_READ']),
			read_per_second: 20,
			write_per_second: 5,
		});
	});

	it('fills the phone number and contact dropdowns', async () => {
		const options = await phoneNumberOptions(client);
		expect(options).toContainEqual({
			value: MAIN_LINE,
			label: 'Main Line (+14155550100, US)',
			description: undefined,
		});
		expect(options).toContainEqual({
			value: FRANCE_LINE,
			label: 'France Office (+33187654321, FR)',
			description: 'Shared with the team',
		});

		const first = await contactChoices(client, 0);
		expect(first.results).toHaveLength(50);
		expect(first.nextPage).toBeUndefined();
		const jane = await contactChoices(client, 0, 'jane doe');
		expect(jane.results.map((r) => r.label)).toContain('Jane Doe');
	});

	it('phone numbers: get many', async () => {
		const numbers = await run(op.getManyPhoneNumbers, {});
		expect(numbers).toEqual([
			{ number: MAIN_LINE, name: 'Main Line', country: 'US', is_shared_number: false },
			{ number: '+14155550101', name: 'Support', country: 'US', is_shared_number: true },
			{ number: FRANCE_LINE, name: 'France Office', country: 'FR', is_shared_number: true },
		]);
	});

	it('calls: get many of one number, newest first, with summaries, transcripts and recordings', async () => {
		const calls = await run(
			op.getManyCalls,
			{ alloNumber: MAIN_LINE },
			{ returnAll: false, limit: 5 },
		);
		expect(calls).toHaveLength(5);
		for (const call of calls) {
			expect(call.allo_number).toBe(MAIN_LINE);
			expect(call.start_date).toMatch(ISO_UTC);
			expect(call.summary).toEqual(expect.any(String));
		}
		const dates = calls.map((c) => c.start_date as string);
		expect([...dates].sort().reverse()).toEqual(dates);
		const answered = calls.find((c) => c.result === 'ANSWERED') as JsonRecord;
		expect(answered.recording_url).toBe(`${sandbox.url}/v1/assets/recordings/${answered.id}.mp3`);
		expect(answered.transcript_text).toMatch(/^USER: /);
	});

	it('calls: get many of every number, return all, and by contact and date', async () => {
		const all = await run(op.getManyCalls, { alloNumber: 'all' }, { returnAll: true });
		expect(all).toHaveLength(40);
		expect(new Set(all.map((c) => c.allo_number))).toEqual(
			new Set([MAIN_LINE, '+14155550101', FRANCE_LINE]),
		);

		const contactNumber = all[0].contact_number as string;
		const withContact = await run(
			op.getManyCalls,
			{ alloNumber: all[0].allo_number, contactNumber },
			{ returnAll: true },
		);
		expect(withContact.length).toBeGreaterThan(0);
		expect(withContact.every((c) => c.contact_number === contactNumber)).toBe(true);

		const since = all[9].start_date as string;
		const recent = await run(op.getManyCalls, { alloNumber: 'all', since }, { returnAll: true });
		expect(recent.map((c) => c.id)).toEqual(all.slice(0, 10).map((c) => c.id));
	});

	it('calls: get one with its transcript, and download its recording', async () => {
		const [listed] = await run(
			op.getManyCalls,
			{ alloNumber: MAIN_LINE },
			{ returnAll: false, limit: 1 },
		);
		const [call] = await run(op.getCall, { callId: listed.id });
		expect(call).toMatchObject({
			id: listed.id,
			direction: listed.direction,
			allo_number: MAIN_LINE,
			contact_number: listed.contact_number,
			summary: listed.summary,
			recording_url: listed.recording_url,
		});
		expect((call.transcript as unknown[]).length).toBeGreaterThan(0);

		const [recording] = await run(op.downloadRecording, { callId: listed.id });
		const file = recording.file as AlloFile;
		expect(file).toBeInstanceOf(AlloFile);
		expect(recording).toMatchObject({
			mime_type: 'audio/mpeg',
			file_name: `allo-call-${listed.id}.mp3`,
			file_size: file.data.length,
		});
		expect([...file.data.slice(0, 2)]).toEqual([0xff, 0xfb]);
	});

	it('calls: a voicemail has no recording, an unknown call is not found', async () => {
		const calls = await run(op.getManyCalls, { alloNumber: 'all' }, { returnAll: true });
		const voicemail = calls.find((c) => c.result === 'VOICEMAIL') as JsonRecord;
		const noRecording = await failure(run(op.downloadRecording, { callId: voicemail.id }));
		expect(noRecording).toMatchObject({ code: 'RECORDING_NOT_FOUND', kind: 'notFound' });

		const unknown = await failure(run(op.getCall, { callId: 'cll-doesnotexist' }));
		expect(unknown).toMatchObject({ kind: 'notFound', httpStatus: 404 });
	});

	it('contacts: create, get with engagement and activity, update adding and replacing', async () => {
		const [created] = await run(op.createContact, {
			numbers: '+1 415 555 1234',
			firstName: 'Ada',
			lastName: 'Lovelace',
			emails: 'ada@example.com',
			jobTitle: 'Analyst',
			website: 'https://example.com',
		});
		expect(created).toMatchObject({
			id: expect.stringMatching(/^cnt_/),
			full_name: 'Ada Lovelace',
			numbers: ['+14155551234'],
			job_title: 'Analyst',
			created_at: expect.stringMatching(ISO_UTC),
		});

		const [fetched] = await run(op.getContact, { contactId: created.id });
		expect(fetched).toMatchObject({
			id: created.id,
			emails: ['ada@example.com'],
			website: 'https://example.com',
		});

		const [added] = await run(op.updateContact, {
			contactId: created.id,
			emails: 'ada@work.example',
			numbers: '+14155559876',
		});
		expect(added).toMatchObject({ numbers: ['+14155551234', '+14155559876'] });
		const [afterAdd] = await run(op.getContact, { contactId: created.id });
		expect(afterAdd.emails).toEqual(['ada@example.com', 'ada@work.example']);

		const [replaced] = await run(op.updateContact, {
			contactId: created.id,
			emails: 'countess@example.com',
			emailsMode: 'replace',
			lastName: 'King',
		});
		expect(replaced.full_name).toBe('Ada King');
		const [afterReplace] = await run(op.getContact, { contactId: created.id });
		expect(afterReplace.emails).toEqual(['countess@example.com']);

		const missing = await failure(run(op.getContact, { contactId: 'cnt_missing' }));
		expect(missing).toMatchObject({ code: 'CONTACT_NOT_FOUND', kind: 'notFound', httpStatus: 400 });
	});

	it('contacts: a seeded contact has engagement and recent activity', async () => {
		const [jane] = await run(op.findContact, { phoneNumber: '+16282000000' });
		const [contact] = await run(op.getContact, { contactId: jane.id });
		expect(contact).toMatchObject({
			full_name: 'Jane Doe',
			company_name: 'Acme Corp',
			engagement: 'ENGAGED',
		});
		expect((contact.activity as JsonRecord[]).length).toBeGreaterThan(0);
		expect((contact.activity as JsonRecord[])[0]).toMatchObject({
			type: expect.stringMatching(/^(IN|OUT)BOUND_(CALL|SMS)$/),
			made_at: expect.stringMatching(ISO_UTC),
		});
	});

	it('contacts: get many with a limit and return all', async () => {
		const some = await run(op.getManyContacts, {}, { returnAll: false, limit: 30 });
		expect(some).toHaveLength(30);
		const all = await run(op.getManyContacts, {}, { returnAll: true });
		expect(all).toHaveLength(50);
		expect(new Set(all.map((c) => c.id)).size).toBe(50);
		expect(all.slice(0, 30)).toEqual(some);
	});

	it('contacts: find by phone or email, and by phone without the CRM scope', async () => {
		const byPhone = await run(op.findContact, { phoneNumber: '+1 628 200 0000' });
		expect(byPhone).toHaveLength(1);
		expect(byPhone[0]).toMatchObject({ full_name: 'Jane Doe', numbers: ['+16282000000'] });

		const byEmail = await run(op.findContact, { email: 'jane.doe0@example.com' });
		expect(byEmail.map((c) => c.id)).toEqual([byPhone[0].id]);
		expect(await run(op.findContact, { phoneNumber: '+14155550199' })).toEqual([]);

		const limited = clientFor(sandbox, NO_CRM_KEY).client;
		const fallback = await run(op.findContact, { phoneNumber: '+16282000000' }, undefined, limited);
		expect(fallback.map((c) => c.id)).toEqual([byPhone[0].id]);
		const byEmailWithoutCrm = await failure(
			run(op.findContact, { email: 'jane.doe0@example.com' }, undefined, limited),
		);
		expect(byEmailWithoutCrm).toMatchObject({ kind: 'permission', field: 'email' });
	});

	it('contacts: create or update by phone number', async () => {
		const [updated] = await run(op.upsertContact, {
			phoneNumber: '+16282000000',
			jobTitle: 'VP Sales',
			emails: 'jane@new.example',
		});
		expect(updated).toMatchObject({ created: false, full_name: 'Jane Doe', job_title: 'VP Sales' });
		const [fetched] = await run(op.getContact, { contactId: updated.id });
		expect(fetched.emails).toEqual(['jane.doe0@example.com', 'jane@new.example']);

		const [created] = await run(op.upsertContact, {
			phoneNumber: '+14155557777',
			firstName: 'New',
		});
		expect(created).toMatchObject({ created: true, full_name: 'New', numbers: ['+14155557777'] });
		const [again] = await run(op.upsertContact, {
			phoneNumber: '+14155557777',
			lastName: 'Person',
		});
		expect(again).toMatchObject({ created: false, id: created.id, full_name: 'New Person' });
	});

	it('conversation: calls and texts with one contact, newest first, filtered by number', async () => {
		const [jane] = await run(op.findContact, { phoneNumber: '+16282000000' });
		const items = await run(op.getManyConversation, { contactId: jane.id }, { returnAll: true });
		expect(items.length).toBeGreaterThan(1);
		expect(new Set(items.map((i) => i.type))).toEqual(new Set(['CALL', 'SMS']));
		const dates = items.map((i) => i.date as string);
		expect([...dates].sort().reverse()).toEqual(dates);
		for (const item of items) {
			const record = (item.call ?? item.message) as JsonRecord;
			expect(record.contact_number).toBe('+16282000000');
		}
		const mainOnly = await run(
			op.getManyConversation,
			{ contactId: jane.id, alloNumber: MAIN_LINE },
			{ returnAll: true },
		);
		expect(mainOnly.length).toBeLessThan(items.length);
		expect(
			mainOnly.every((i) => ((i.call ?? i.message) as JsonRecord).allo_number === MAIN_LINE),
		).toBe(true);
	});

	it('SMS: send from an Allo number and from the French sender ID', async () => {
		const [sent] = await run(op.sendSms, {
			from: MAIN_LINE,
			to: '+1 (628) 200-0000',
			message: 'Your order shipped',
		});
		expect(sent).toMatchObject({
			direction: 'OUTBOUND',
			from_number: MAIN_LINE,
			to_number: '+16282000000',
			allo_number: MAIN_LINE,
			content: 'Your order shipped',
			sent_at: expect.stringMatching(ISO_UTC),
		});
		const [french] = await run(op.sendSms, {
			sender: 'senderId',
			senderId: 'AlloShop',
			to: '+33 6 12 34 56 78',
			message: 'Bonjour',
		});
		expect(french).toMatchObject({
			sender_id: 'AlloShop',
			to_number: '+33612345678',
			allo_number: null,
			content: 'Bonjour',
		});
		expect(sandbox.control.sentSms().map((m) => m.content)).toEqual([
			'Your order shipped',
			'Bonjour',
		]);
	});

	it('SMS: Allo’s rules hold even when a request skips the core’s checks', async () => {
		const send = (body: Record<string, unknown>) => failure(client.call('sendSms', { body }));
		expect(await send({ from: MAIN_LINE, to: '+33612345678', message: 'hi' })).toMatchObject({
			code: 'TO_NUMBER_COUNTRY_MISMATCH',
			kind: 'invalidInput',
		});
		expect(
			await send({ from: MAIN_LINE, to: '+16282000000', message: 'x'.repeat(1001) }),
		).toMatchObject({ code: 'INVALID_LENGTH', kind: 'invalidInput' });
		expect(await send({ from: '+14155550999', to: '+16282000000', message: 'hi' })).toMatchObject({
			code: 'FROM_NUMBER_NOT_FOUND',
		});
		expect(await send({ from: FRANCE_LINE, to: '+33612345678', message: 'hi' })).toMatchObject({
			code: 'PROVIDER_NOT_SUPPORTED',
		});
		expect(await send({ from: MAIN_LINE, to: '555-1234', message: 'hi' })).toMatchObject({
			code: 'INVALID_TO_NUMBER',
		});
		const french = (body: Record<string, unknown>) =>
			failure(client.call('sendSmsFrance', { body }));
		expect(
			await french({ sender_id: 'AlloPromo', to: '+33612345678', message: 'hi' }),
		).toMatchObject({ code: 'SENDER_ID_NOT_ACTIVE' });
		expect(
			await french({ sender_id: 'Unknown1', to: '+33612345678', message: 'hi' }),
		).toMatchObject({ code: 'INVALID_SENDER_ID' });
		expect(
			await french({ sender_id: 'AlloShop', to: '+14155551234', message: 'hi' }),
		).toMatchObject({ code: 'INVALID_TO_NUMBER' });
		expect(sandbox.control.sentSms()).toEqual([]);
	});

	it('webhooks: create, list and delete, v2 and v1', async () => {
		const [v2] = await run(op.createWebhook, {
			api: 'v2',
			url: 'https://example.com/hooks/allo',
			topics: ['call.completed', 'sms.received'],
			description: 'CRM sync',
		});
		expect(v2).toEqual({
			id: expect.stringMatching(/^ep_/),
			api_version: 'v2',
			url: 'https://example.com/hooks/allo',
			topics: ['call.completed', 'sms.received'],
			enabled: true,
			description: 'CRM sync',
			allo_number: null,
			created_at: expect.stringMatching(ISO_UTC),
		});
		expect(JSON.stringify(v2)).not.toContain('whsec_');
		const [v1] = await run(op.createWebhook, {
			api: 'v1',
			url: 'https://example.com/hooks/v1',
			topicsV1: ['CALL_RECEIVED', 'SMS_SENT'],
			alloNumber: MAIN_LINE,
		});
		expect(v1).toMatchObject({
			id: expect.stringMatching(/^web-/),
			api_version: 'v1',
			allo_number: MAIN_LINE,
			topics: ['CALL_RECEIVED', 'SMS_SENT'],
		});

		expect((await run(op.getManyWebhooks, { api: 'v2' })).map((w) => w.id)).toEqual([v2.id]);
		expect((await run(op.getManyWebhooks, { api: 'v1' })).map((w) => w.id)).toEqual([v1.id]);

		expect(await run(op.deleteWebhook, { api: 'v2', webhookId: v2.id })).toEqual([
			{ deleted: true },
		]);
		expect(await run(op.deleteWebhook, { api: 'v1', webhookId: v1.id })).toEqual([
			{ deleted: true },
		]);
		// Already gone counts as deleted.
		expect(await run(op.deleteWebhook, { api: 'v2', webhookId: v2.id })).toEqual([
			{ deleted: true },
		]);
		expect(sandbox.control.webhooks()).toEqual({ v1: [], v2: [] });
	});

	it('account, users, tags and the detailed numbers list', async () => {
		expect(await run(op.getAccountInfo, {})).toEqual([
			expect.objectContaining({
				team_name: 'Sandbox Team',
				read_per_second: 20,
				write_per_second: 5,
			}),
		]);
		const users = await run(op.getManyUsers, {});
		expect(users.map((u) => u.email)).toEqual(['ada@sandbox.example', 'sam@sandbox.example']);
		expect(await run(op.getManyUsers, { role: 'ADMIN' })).toHaveLength(1);
		expect(await run(op.getUser, { userId: users[1].id })).toEqual([users[1]]);
		expect(await failure(run(op.getUser, { userId: 'usr-nobody' }))).toMatchObject({
			httpStatus: 404,
		});
		expect((await run(op.getManyTags, {})).map((t) => t.name)).toEqual([
			'support',
			'sales',
			'billing',
			'voicemail',
		]);
		const numbers = await run(op.getManyPhoneNumberDetails, {});
		expect(numbers).toContainEqual(
			expect.objectContaining({
				number: MAIN_LINE,
				type: 'NUMBER',
				capabilities: ['VOICE', 'SMS'],
			}),
		);
		expect(numbers).toContainEqual(expect.objectContaining({ number: null, type: 'SENDER_ID' }));
	});

	it('calls and texts: search across numbers, get, get by id, tags and the summary', async () => {
		const calls = await run(op.searchConversationItems, { type: 'CALL' }, { returnAll: true });
		expect(calls).toHaveLength(40);
		expect(calls.every((c) => c.type === 'CALL')).toBe(true);
		const dates = calls.map((c) => c.date as string);
		expect([...dates].sort().reverse()).toEqual(dates);

		const refunds = await run(op.searchConversationItems, { search: 'refund', type: 'CALL' });
		expect(refunds.length).toBeGreaterThan(0);
		expect(refunds.every((c) => String(c.summary).includes('refund'))).toBe(true);

		const day = dates[0].slice(0, 10);
		const sameDay = await run(
			op.searchConversationItems,
			{ from: day, to: day },
			{ returnAll: true },
		);
		expect(sameDay.length).toBeGreaterThan(0);
		expect(sameDay.every((c) => String(c.date).startsWith(day))).toBe(true);

		const [first] = calls;
		const [item] = await run(op.getConversationItem, { itemId: first.id, includeTranscript: true });
		expect(item).toMatchObject({ id: first.id, type: 'CALL' });
		const batch = await run(op.getConversationItemsById, {
			itemIds: `${calls[0].id}, ${calls[1].id}, cll-unknown`,
		});
		expect(batch.map((c) => c.id)).toEqual([calls[0].id, calls[1].id]);

		expect(await run(op.addTags, { callId: first.id, tags: ['billing'] })).toEqual([
			{ success: true, id: first.id, tags: ['billing'] },
		]);
		expect((await run(op.getConversationItem, { itemId: first.id }))[0].tags).toContain('billing');
		const unknownTag = await failure(run(op.addTags, { callId: first.id, tags: ['nope'] }));
		expect(unknownTag).toMatchObject({ code: 'TAG_NOT_FOUND', httpStatus: 400 });
		await run(op.removeTag, { callId: first.id, tag: 'billing' });
		expect((await run(op.getConversationItem, { itemId: first.id }))[0].tags).not.toContain(
			'billing',
		);

		const [summary] = await run(op.updateCallSummary, { callId: first.id, content: '## Fixed' });
		expect(summary).toMatchObject({ id: first.id, content: '## Fixed', version: 1 });
		expect((await run(op.getConversationItem, { itemId: first.id }))[0].summary).toBe('## Fixed');
		const text = (await run(op.searchConversationItems, { type: 'SMS' }))[0];
		expect(
			await failure(run(op.updateCallSummary, { callId: text.id, content: 'x' })),
		).toMatchObject({ code: 'INVALID_ITEM_ID' });
	});

	it('conversations of a number, newest first, and their status', async () => {
		const conversations = await run(
			op.getManyConversationsByNumber,
			{ alloNumber: MAIN_LINE },
			{ returnAll: true },
		);
		expect(conversations.length).toBeGreaterThan(1);
		const numbers = conversations.map((c) => c.contact_number);
		expect(new Set(numbers).size).toBe(numbers.length);
		const [latest] = conversations;
		expect(
			await run(op.setConversationStatus, { contactNumber: latest.contact_number, action: 'READ' }),
		).toEqual([{ success: true, contact_number: latest.contact_number, action: 'READ' }]);
		const unread = await run(
			op.getManyConversationsByNumber,
			{ alloNumber: MAIN_LINE, unread: true },
			{ returnAll: true },
		);
		expect(unread.map((c) => c.contact_number)).not.toContain(latest.contact_number);
		expect(unread).toHaveLength(conversations.length - 1);
	});

	it('CRM: people, companies and deals', async () => {
		const [company] = await run(op.createCompany, { name: 'Initrode', industry: 'Software' });
		expect(company).toMatchObject({ id: expect.stringMatching(/^com-/), person_count: 0 });
		const [person] = await run(op.createPerson, {
			numbers: '+1 628 555 0199',
			firstName: 'Peter',
			companyId: company.id,
			address: '1 Main St',
		});
		expect(person).toMatchObject({
			numbers: ['+16285550199'],
			company: { id: company.id, name: 'Initrode' },
			address: '1 Main St',
		});
		// A person is a contact: the v1 contact operations take the same ID.
		expect((await run(op.getContact, { contactId: person.id }))[0]).toMatchObject({
			id: person.id,
		});
		expect(await failure(run(op.createPerson, { numbers: '+16285550199' }))).toMatchObject({
			code: 'DUPLICATE_PHONE_NUMBER',
			httpStatus: 409,
		});
		expect(await run(op.getPerson, { personId: person.id })).toEqual([person]);
		const [moved] = await run(op.updatePerson, { personId: person.id, jobTitle: 'CTO' });
		expect(moved).toMatchObject({ job_title: 'CTO', name: 'Peter' });
		expect(
			(await run(op.searchPeople, { company: 'initrode' }, { returnAll: true })).map((p) => p.id),
		).toEqual([person.id]);

		expect((await run(op.getCompany, { companyId: company.id }))[0]).toMatchObject({
			person_count: 1,
		});
		expect(
			(
				await run(op.updateCompany, { companyId: company.id, website: 'https://initrode.example' })
			)[0],
		).toMatchObject({ website: 'https://initrode.example' });
		expect(
			(await run(op.searchCompanies, { name: 'initrode' }, { returnAll: true })).map((c) => c.id),
		).toEqual([company.id]);

		const [deal] = await run(op.createDeal, {
			name: 'Initrode pilot',
			amount: 5000,
			currency: 'eur',
			companyId: company.id,
		});
		expect(deal).toMatchObject({ status: 'OPEN', currency: 'EUR', company: { id: company.id } });
		expect(await run(op.getDeal, { dealId: deal.id })).toEqual([deal]);
		expect((await run(op.updateDeal, { dealId: deal.id, status: 'WON' }))[0]).toMatchObject({
			status: 'WON',
		});
		expect(
			(await run(op.searchDeals, { stage: 'WON' }, { returnAll: true })).map((d) => d.id),
		).toEqual([deal.id]);
		expect(await run(op.deleteDeal, { dealId: deal.id })).toEqual([
			{ success: true, deal_id: deal.id },
		]);
		expect(await failure(run(op.getDeal, { dealId: deal.id }))).toMatchObject({ httpStatus: 404 });
	});

	it('power dialer: add, list, configure, remove and reset a queue', async () => {
		const added = await run(op.addPowerDialerNumbers, {
			numbers: '+14155551111, +14155552222, +14155553333',
			name: 'Lead',
		});
		expect(added.map((n) => [n.number_to, n.position, n.added])).toEqual([
			['+14155551111', 0, true],
			['+14155552222', 1, true],
			['+14155553333', 2, true],
		]);
		const page = await run(op.getPowerDialerNumbers, {}, { returnAll: false, limit: 2 });
		expect(page.map((n) => n.number_to)).toEqual(['+14155551111', '+14155552222']);
		const [configured] = await run(op.configurePowerDialer, {
			name: 'Leads',
			voicemailHandling: 'NO_SKIP',
		});
		expect(configured).toMatchObject({ name: 'Leads', voicemail_handling: 'NO_SKIP' });
		expect(configured.numbers).toHaveLength(3);
		expect(
			await run(op.clearPowerDialerNumbers, { which: 'number', number: '+14155552222' }),
		).toEqual([{ removed: 1 }]);
		expect(
			(await run(op.getPowerDialerNumbers, {}, { returnAll: true })).map((n) => n.number_to),
		).toEqual(['+14155551111', '+14155553333']);
		expect(await run(op.clearPowerDialerNumbers, { which: 'unassigned' })).toEqual([
			{ removed: 2 },
		]);
		const users = await run(op.getManyUsers, {});
		const [fresh] = await run(op.resetPowerDialer, { name: 'Fresh', userId: users[1].id });
		expect(fresh).toMatchObject({ name: 'Fresh', assignee_id: users[1].id, numbers: [] });
		expect(
			await run(op.getPowerDialerNumbers, { userId: users[1].id }, { returnAll: true }),
		).toEqual([]);
	});

	it('analytics: team overview and outbound metrics of a window', async () => {
		const calls = await run(op.searchConversationItems, { type: 'CALL' }, { returnAll: true });
		const days = calls.map((c) => String(c.date).slice(0, 10)).sort();
		const window = { from: days[0], to: days[days.length - 1] };
		const [overview] = await run(op.getTeamOverview, window);
		expect(overview).toMatchObject({
			date: window,
			summary: { total_calls: { value: calls.length } },
		});
		const [outbound] = await run(op.getOutboundMetrics, { ...window, granularity: 'DAY' });
		const dials = calls.filter((c) => c.direction === 'OUTBOUND').length;
		expect(outbound).toMatchObject({ funnel: { dials: { count: { value: dials } } } });
	});

	it('summary templates: create, read, replace, set as a number default, delete', async () => {
		const [created] = await run(op.createSummaryTemplate, {
			name: 'Support call',
			sections: 'Issue: What went wrong\nResolution: How it was fixed',
		});
		expect(created.sections).toEqual([
			{ title: 'Issue', instructions: 'What went wrong', order: 0 },
			{ title: 'Resolution', instructions: 'How it was fixed', order: 1 },
		]);
		expect((await run(op.getManySummaryTemplates, {})).map((t) => t.id)).toContain(created.id);
		expect(await run(op.getSummaryTemplate, { templateId: created.id })).toEqual([created]);
		const [replaced] = await run(op.updateSummaryTemplate, {
			templateId: created.id,
			name: 'Support',
			sections: 'Issue: What went wrong',
		});
		expect(replaced).toMatchObject({ name: 'Support', sections: [expect.any(Object)] });
		expect(
			await run(op.setNumberDefaultTemplate, { alloNumber: MAIN_LINE, templateId: created.id }),
		).toEqual([{ number: MAIN_LINE, default_summary_template_id: created.id }]);
		expect(await run(op.setNumberDefaultTemplate, { alloNumber: MAIN_LINE })).toEqual([
			{ number: MAIN_LINE, default_summary_template_id: null },
		]);
		await run(op.deleteSummaryTemplate, { templateId: created.id });
		expect((await run(op.getManySummaryTemplates, {})).map((t) => t.id)).not.toContain(created.id);
	});

	it('webhooks: get, update and the event types', async () => {
		const [created] = await run(op.createWebhook, {
			api: 'v2',
			url: 'https://example.com/hook',
			topics: ['call.completed'],
		});
		const [fetched] = await run(op.getWebhook, { webhookId: created.id });
		expect(fetched).toMatchObject({ id: created.id, enabled: true });
		expect(JSON.stringify(fetched)).not.toContain('whsec_');
		const [paused] = await run(op.updateWebhook, {
			webhookId: created.id,
			enabled: false,
			topics: ['tag.added', 'tag.removed'],
		});
		expect(paused).toMatchObject({ enabled: false, topics: ['tag.added', 'tag.removed'] });
		const types = await run(op.getWebhookEventTypes, {});
		expect(types.map((t) => t.name)).toEqual(
			expect.arrayContaining(['call.completed', 'tag.added']),
		);
		expect(types).toHaveLength(11);
	});

	it('covered every operation of the core', () => {
		expect([...exercised].sort()).toEqual(
			operations.map((o) => `${o.resource}.${o.operation}`).sort(),
		);
	});
});

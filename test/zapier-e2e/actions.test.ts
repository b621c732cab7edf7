import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../support/sandbox';
import { App, appTester, failure, run, type Rec } from '../zapier/helpers';
import { connection } from './harness';

const MAIN_LINE = '+14155550100';
const JANE = '+16282000000';
const FRENCH_MOBILE = '+33612345678';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

let sandbox: Sandbox;
let authData: Record<string, string>;

beforeAll(async () => {
	// Zapier spaces a Zap's steps by each action's throttle; run back to back here, the CRM steps'
	// six POSTs would meet Allo's 5 writes a second. throttle.test.ts proves the 429 under Allo's limits.
	sandbox = await startSandbox({ rateLimits: { writesPerSecond: 20 } });
	authData = connection(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.control.reset());

/** The texts the sandbox sent, without the id and date it gave them. */
const sent = () =>
	sandbox.control.sentSms().map((text) => ({
		from_number: text.from_number,
		sender_id: text.sender_id,
		to_number: text.to_number,
		type: text.type,
		content: text.content,
	}));
const endpointsCalled = () => sandbox.control.requests().map((request) => request.endpoint);

describe('Send SMS through Zapier, into the sandbox', () => {
	it('sends from an Allo number and returns the text as sent', async () => {
		const output = await run('creates.send_sms.operation.perform', {
			authData,
			inputData: { from: MAIN_LINE, to: '+1 (628) 200-0000', message: 'Your order shipped' },
		});
		expect(output).toMatchObject({
			direction: 'OUTBOUND',
			from_number: MAIN_LINE,
			to_number: JANE,
			allo_number: MAIN_LINE,
			contact_number: JANE,
			content: 'Your order shipped',
			sent_at: expect.stringMatching(ISO_UTC),
		});
		expect(sent()).toEqual([
			{
				from_number: MAIN_LINE,
				sender_id: null,
				to_number: JANE,
				type: 'OUTBOUND',
				content: 'Your order shipped',
			},
		]);
	});

	it('sends in France from the sender ID, never from a number', async () => {
		const output = await run('creates.send_sms_france.operation.perform', {
			authData,
			inputData: { senderId: 'AlloShop', to: '+33 6 12 34 56 78', message: 'Bonjour' },
		});
		expect(output).toMatchObject({
			direction: 'OUTBOUND',
			sender_id: 'AlloShop',
			// The sender ID is not an Allo number; Allo's answer has no id or status.
			allo_number: null,
			to_number: FRENCH_MOBILE,
			content: 'Bonjour',
		});
		expect(output).not.toHaveProperty('id');
		expect(output).not.toHaveProperty('status');
		expect(sent()).toEqual([
			{
				from_number: null,
				sender_id: 'AlloShop',
				to_number: FRENCH_MOBILE,
				type: 'OUTBOUND',
				content: 'Bonjour',
			},
		]);
	});

	it('sends nothing when the sandbox refuses the sender ID', async () => {
		const error = await failure(
			run('creates.send_sms_france.operation.perform', {
				authData,
				inputData: { senderId: 'AlloPromo', to: FRENCH_MOBILE, message: 'Bonjour' },
			}),
		);
		expect(error.name).toBe('AppError');
		expect(JSON.parse(error.message)).toMatchObject({ code: 'SENDER_ID_NOT_ACTIVE' });
		expect(sent()).toEqual([]);
	});
});

describe('Find or Create Contact through Zapier, against the sandbox', () => {
	const { search, create } = App.searchOrCreates!.find_contact;
	const NEW_NUMBER = '+14155559876';

	/** What Zapier does for a search-or-create step: the search first, the create only on no match. */
	async function findOrCreate(phoneNumber: string, firstName: string) {
		const [found] = await run<Rec[]>(`searches.${search}.operation.perform`, {
			authData,
			inputData: { phoneNumber },
		});
		if (found) return { contact: found, created: false };
		const contact = await run(`creates.${create}.operation.perform`, {
			authData,
			inputData: { numbers: [phoneNumber], firstName },
		});
		return { contact, created: true };
	}

	it('creates the contact on the first run and finds the same one on the second', async () => {
		const first = await findOrCreate(NEW_NUMBER, 'Nora');
		expect(first.created).toBe(true);
		expect(first.contact).toMatchObject({
			id: expect.any(String),
			name: 'Nora',
			numbers: [NEW_NUMBER],
		});

		const second = await findOrCreate(NEW_NUMBER, 'Nora');
		expect(second.created).toBe(false);
		expect(second.contact).toMatchObject({
			id: first.contact.id,
			name: 'Nora',
			numbers: [NEW_NUMBER],
		});
		expect(endpointsCalled().filter((name) => name === 'createContact')).toHaveLength(1);
	});
});

describe('Calls through Zapier, against the sandbox', () => {
	it('tags a call, finds it with its summary and tags, and stashes its recording', async () => {
		const { id } = sandbox.control.simulateCall({ from: JANE, to: MAIN_LINE, tags: [] });
		await run('creates.add_tags_to_call.operation.perform', {
			authData,
			inputData: { callId: id, tags: ['billing', 'sales'] },
		});
		await run('creates.remove_tag_from_call.operation.perform', {
			authData,
			inputData: { callId: id, tag: 'sales' },
		});
		await run('creates.update_call_summary.operation.perform', {
			authData,
			inputData: { callId: id, content: '## Refund issued' },
		});
		const [call] = await run<Rec[]>('searches.get_call.operation.perform', {
			authData,
			inputData: { itemId: id, includeTranscript: true },
		});
		expect(call).toMatchObject({
			id,
			tags: ['billing'],
			summary: '## Refund issued',
			transcript: expect.any(Array),
			recording_file: expect.stringMatching(/^hydrate\|\|\|/),
		});

		const stashed: unknown[][] = [];
		await appTester(
			async (z, bundle) => {
				Object.assign(z, {
					stashFile: async (...args: unknown[]) => {
						stashed.push(args);
						return 'https://zapier.example/stash/recording.mp3';
					},
				});
				return App.hydrators!.recording(z, bundle);
			},
			{ authData, inputData: { callId: id } },
		);
		const [content, length, fileName, mimeType] = stashed[0];
		expect(Buffer.isBuffer(content)).toBe(true);
		expect([length, fileName, mimeType]).toEqual([
			(content as Buffer).length,
			`allo-call-${id}.mp3`,
			'audio/mpeg',
		]);
		expect((content as Buffer).length).toBeGreaterThan(100);

		const found = await run<Rec[]>('searches.find_calls_and_texts.operation.perform', {
			authData,
			inputData: { contactNumber: JANE },
		});
		expect(found[0]).toMatchObject({ id, contact_number: JANE });
		expect(found.every((item) => item.contact_number === JANE)).toBe(true);
	});
});

describe('The CRM through Zapier, against the sandbox', () => {
	it('creates a company, a person and a deal at it, and finds them', async () => {
		const company = await run('creates.create_company.operation.perform', {
			authData,
			inputData: { name: 'Vandelay Industries', industry: 'Software' },
		});
		const person = await run('creates.create_person.operation.perform', {
			authData,
			inputData: { numbers: '+16285550100', firstName: 'Peter', companyId: company.id },
		});
		expect(person).toMatchObject({ company: { id: company.id, name: 'Vandelay Industries' } });
		const deal = await run('creates.create_deal.operation.perform', {
			authData,
			inputData: { name: 'Vandelay pilot', amount: '900', currency: 'usd', companyId: company.id },
		});
		expect(deal).toMatchObject({ currency: 'USD', status: 'OPEN', company: { id: company.id } });

		const search = (key: string, inputData: Rec) =>
			run<Rec[]>(`searches.${key}.operation.perform`, { authData, inputData });
		expect((await search('find_company', { name: 'vandelay' })).map((c) => c.id)).toEqual([
			company.id,
		]);
		expect((await search('find_person', { company: 'vandelay' })).map((p) => p.id)).toEqual([
			person.id,
		]);
		expect((await search('find_deal', { search: 'pilot' })).map((d) => d.id)).toEqual([deal.id]);
		const [contact] = await search('get_contact', { contactId: person.id });
		expect(contact).toMatchObject({ id: person.id, name: 'Peter' });
	});

	it('creates or updates a contact by phone number', async () => {
		const created = await run('creates.create_or_update_contact.operation.perform', {
			authData,
			inputData: { phoneNumber: '+16285550111', firstName: 'Nina' },
		});
		expect(created).toMatchObject({ created: true, name: 'Nina' });
		const updated = await run('creates.create_or_update_contact.operation.perform', {
			authData,
			inputData: { phoneNumber: '+16285550111', jobTitle: 'CTO' },
		});
		expect(updated).toMatchObject({ created: false, id: created.id, job_title: 'CTO' });
	});
});

describe('what a new user sees in the outputs, against the sandbox', () => {
	const NEW_NUMBER = '+14155559877';

	it('Create Contact and Update Contact output the emails the contact has', async () => {
		const created = await run<Rec>('creates.create_contact.operation.perform', {
			authData,
			inputData: { numbers: [NEW_NUMBER], firstName: 'Ines', emails: ['ines@example.com'] },
		});
		expect(created.emails).toEqual(['ines@example.com']);

		const added = await run<Rec>('creates.update_contact.operation.perform', {
			authData,
			inputData: { contactId: created.id, emails: ['ines@work.example'], emailsMode: 'add' },
		});
		expect(added.emails).toEqual(['ines@example.com', 'ines@work.example']);

		// An update that leaves the emails alone still outputs them, read back from Allo.
		const renamed = await run<Rec>('creates.update_contact.operation.perform', {
			authData,
			inputData: { contactId: created.id, lastName: 'Moreau' },
		});
		expect(renamed).toMatchObject({
			full_name: 'Ines Moreau',
			emails: ['ines@example.com', 'ines@work.example'],
		});
	});

	it('the New Contact and Updated Contact samples carry the contacts’ emails', async () => {
		for (const key of ['new_contact', 'updated_contact']) {
			const listed = await run<Rec[]>(`triggers.${key}.operation.performList`, {
				authData,
				inputData: {},
			});
			expect(listed.length).toBeGreaterThan(0);
			for (const contact of listed) {
				expect(contact.emails).toEqual([expect.stringMatching(/@example\.com$/)]);
			}
		}
	});

	it('the SMS trigger samples are the workspace’s latest texts, each with its id', async () => {
		// Texts from numbers that are no contact yet: a scan of recent contacts never sees them.
		const ids = ['+14155550301', '+14155550302', '+14155550303'].map(
			(from, i) =>
				sandbox.control.simulateInboundSms({ from, to: MAIN_LINE, content: `Question ${i}` }).id,
		);
		const inbound = await run<Rec[]>('triggers.new_inbound_sms.operation.performList', {
			authData,
			inputData: {},
		});
		// The newest three (simulated within the same instant, so in any order among themselves).
		expect(
			inbound
				.slice(0, 3)
				.map((text) => text.id)
				.sort(),
		).toEqual([...ids].sort());
		expect(inbound).toHaveLength(25);
		for (const text of inbound) {
			expect(text).toMatchObject({ id: expect.stringMatching(/^msg-/), direction: 'INBOUND' });
		}
		const outbound = await run<Rec[]>('triggers.new_outbound_sms.operation.performList', {
			authData,
			inputData: {},
		});
		expect(outbound.length).toBeGreaterThan(0);
		for (const text of outbound) {
			expect(text).toMatchObject({ id: expect.stringMatching(/^msg-/), direction: 'OUTBOUND' });
		}
	});

	it('Find Contact matches the phone number or the email, so Find or Create makes no duplicate', async () => {
		const [jane] = await run<Rec[]>('searches.find_contact.operation.perform', {
			authData,
			inputData: { phoneNumber: JANE },
		});
		const email = (jane.emails as string[])[0];
		const byEmailOnly = await run<Rec[]>('searches.find_contact.operation.perform', {
			authData,
			// A new phone number, the known email: the contact is still found.
			inputData: { phoneNumber: '+14155550999', email },
		});
		expect(byEmailOnly.map((contact) => contact.id)).toEqual([jane.id]);
	});

	it('a text of 1000 emoji is 1000 characters, as Allo counts, and is sent', async () => {
		const message = '📦'.repeat(1000);
		const output = await run<Rec>('creates.send_sms.operation.perform', {
			authData,
			inputData: { from: MAIN_LINE, to: JANE, message },
		});
		expect(output.content).toBe(message);
		const error = await failure(
			run('creates.send_sms.operation.perform', {
				authData,
				inputData: { from: MAIN_LINE, to: JANE, message: `${message}📦` },
			}),
		);
		expect(JSON.parse(error.message)).toMatchObject({
			code: 'INVALID_INPUT',
			message: expect.stringContaining('Message is 1001 characters long'),
		});
	});

	it('Send SMS in France shows a French recipient and a sender ID; Send SMS speaks of no sender ID', () => {
		const fields = (key: string) =>
			App.creates[key].operation.inputFields as unknown as Array<Record<string, string>>;
		const to = (key: string) => fields(key).find((field) => field.key === 'to')!;
		expect(to('send_sms_france').placeholder).toBe('+33612345678');
		expect(to('send_sms').helpText).not.toMatch(/sender ID/i);
		expect(App.creates.send_sms_france.operation.sample).toMatchObject({
			sender_id: 'MyShop',
			allo_number: null,
			to_number: expect.stringMatching(/^\+33/),
		});
	});
});

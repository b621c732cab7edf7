// Every operation of the Allo node in one workflow, run by a real n8n (`n8n execute`) against the
// sandbox; each node's output and the sandbox's state afterwards are checked.
const { randomUUID } = require('node:crypto');
const { createSandbox } = require('../../sandbox');
const h = require('./harness');
const { STEPS, ADA, GRACE, JANE, MAIN_LINE, HOOK_URL, PETER } = require('./everyOperation');

jest.setTimeout(240_000);

const CREDENTIAL = { id: 'alloE2eActions', name: 'Allo sandbox' };

function workflow() {
	const names = ['Start', ...STEPS.map(([name]) => name)];
	const nodes = [
		h.manualTrigger(),
		...STEPS.map(([name, parameters], index) => ({
			id: randomUUID(),
			name,
			type: 'n8n-nodes-allo.allo',
			typeVersion: 1,
			position: [220 * (index + 1), 0],
			executeOnce: true,
			parameters,
			credentials: { alloApi: CREDENTIAL },
		})),
	];
	const connections = Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);
	return {
		id: 'alloE2eEveryOperation',
		name: 'Allo: every operation',
		active: false,
		settings: {},
		nodes,
		connections,
	};
}

let sandbox;
let folder;
let run;
const out = (node) => h.nodeOutput(run, node);

beforeAll(async () => {
	sandbox = await createSandbox({ seed: { contacts: 150, calls: 12, messages: 30 } });
	folder = h.createUserFolder();
	const ports = { http: await h.freePort(), broker: await h.freePort() };
	run = await h.executeWorkflow(folder.userFolder, ports, {
		credentials: [h.sandboxCredential(CREDENTIAL, sandbox)],
		workflow: workflow(),
	});
});

afterAll(async () => {
	await sandbox?.close();
	folder?.remove();
});

test('the workflow finishes without an error', () => {
	expect(run.data.resultData.error).toBeUndefined();
	expect(Object.keys(run.data.resultData.runData)).toHaveLength(STEPS.length + 1);
});

test('Phone Number: Get Many lists the workspace numbers', () => {
	expect(out('Phone Numbers').map((n) => n.number)).toEqual([
		'+14155550100',
		'+14155550101',
		'+33187654321',
	]);
});

test('Call: Get Many, Get and Download Recording', () => {
	const calls = out('Calls');
	expect(calls.length).toBeGreaterThan(1);
	expect(calls.length).toBeLessThanOrEqual(12);
	expect(out('Call')).toEqual([
		expect.objectContaining({ id: calls[0].id, from_number: calls[0].from_number }),
	]);
	const recording = run.data.resultData.runData.Recording[0].data.main[0][0].binary.recording;
	expect(recording).toMatchObject({ mimeType: 'audio/mpeg' });
	expect(recording.fileName).toMatch(/\.mp3$/);
});

test('Contact: Create, Update and Get', () => {
	const [created] = out('Contact Create');
	// Allo's create answer leaves emails out; Get shows both the created and the added one.
	expect(created).toMatchObject({ full_name: 'Ada Lovelace', numbers: [ADA] });
	expect(out('Contact Update')).toEqual([
		expect.objectContaining({ id: created.id, job_title: 'Engineer' }),
	]);
	expect(out('Contact Get')).toEqual([
		expect.objectContaining({
			id: created.id,
			job_title: 'Engineer',
			emails: ['ada@example.com', 'ada@work.example.com'],
		}),
	]);
});

test('Contact: Get Many reads past the first page up to the limit', () => {
	const contacts = out('Contacts');
	expect(contacts).toHaveLength(120);
	expect(new Set(contacts.map((c) => c.id)).size).toBe(120);
});

test('Contact: Find and Create or Update', () => {
	const [created] = out('Contact Create');
	expect(out('Contact Find')).toEqual([expect.objectContaining({ id: created.id })]);
	expect(out('Upsert Existing')).toEqual([
		expect.objectContaining({ id: created.id, created: false, website: 'https://ada.example.com' }),
	]);
	expect(out('Upsert New')).toEqual([
		expect.objectContaining({ created: true, numbers: [GRACE], full_name: 'Grace' }),
	]);
});

test('Conversation: Get Many returns the texts with a contact', () => {
	const messages = out('Conversation');
	expect(messages.length).toBeGreaterThan(0);
	expect(messages.length).toBeLessThanOrEqual(10);
	expect(messages.every((entry) => ['SMS', 'CALL'].includes(entry.type))).toBe(true);
	expect(messages.find((entry) => entry.type === 'SMS').message).toMatchObject({
		contact_number: JANE,
	});
});

test('SMS: Send texts the contact and Allo records it', () => {
	const [sent] = out('SMS');
	const message = "Thanks Ada, we'll call you back.";
	expect(sent).toMatchObject({ content: message });
	expect(sandbox.control.sentSms()).toEqual([
		expect.objectContaining({ to_number: ADA, content: message }),
	]);
});

test('Webhook: Create, Get Many and Delete', () => {
	const [created] = out('Webhook Create');
	expect(created).toMatchObject({ url: HOOK_URL, topics: ['contact.created'] });
	expect(out('Webhooks').map((w) => w.id)).toContain(created.id);
	expect(out('Webhook Delete')).toEqual([expect.objectContaining({ deleted: true })]);
	expect(sandbox.control.webhooks().v2).toEqual([]);
});

test('Webhook: Get, Update and Get Event Types, without the signing secret', () => {
	const [created] = out('Webhook Create');
	expect(out('Webhook Get')).toEqual([expect.objectContaining({ id: created.id, enabled: true })]);
	expect(out('Webhook Update')).toEqual([
		expect.objectContaining({ id: created.id, enabled: false, topics: ['tag.added'] }),
	]);
	expect(JSON.stringify([out('Webhook Get'), out('Webhook Update')])).not.toContain('whsec_');
	expect(out('Event Types').map((t) => t.name)).toContain('summary.updated');
});

test('Account, User and Tag: who the key is, the team and its tags', () => {
	expect(out('Account')).toEqual([
		expect.objectContaining({
			team_name: 'Sandbox Team',
			read_per_second: 20,
			write_per_second: 5,
		}),
	]);
	expect(out('Users')).toEqual([
		expect.objectContaining({ email: 'sam@sandbox.example', role: 'MEMBER' }),
	]);
	expect(out('User')).toEqual(out('Users'));
	expect(out('Tags').map((t) => t.name)).toEqual(['support', 'sales', 'billing', 'voicemail']);
	expect(out('Numbers Detailed')).toContainEqual(
		expect.objectContaining({ number: MAIN_LINE, type: 'NUMBER' }),
	);
});

test('Tag: Add to Call and Remove from Call; Call: Update Summary', () => {
	const [call] = out('Calls');
	expect(out('Tag Add')).toEqual([{ success: true, id: call.id, tags: ['billing', 'sales'] }]);
	expect(out('Tag Remove')).toEqual([{ success: true, id: call.id, tag: 'sales' }]);
	expect(out('Summary Update')).toEqual([
		expect.objectContaining({
			id: call.id,
			content: '## Summary\nCalled back, all sorted.',
			version: 1,
		}),
	]);
	// Item Get ran after both: the call keeps billing, not sales, and has the new summary.
	const [item] = out('Item Get');
	expect(item.tags).toContain('billing');
	expect(item.tags).not.toContain('sales');
	expect(item.summary).toBe('## Summary\nCalled back, all sorted.');
	expect(item.transcript).toEqual(expect.any(Array));
});

test('Call or Text: Search, Get and Get Many by ID', () => {
	const found = out('Item Search');
	expect(found.length).toBeGreaterThan(0);
	expect(found.every((c) => c.type === 'CALL' && /refund/.test(c.summary))).toBe(true);
	const calls = out('Calls');
	expect(out('Items By ID').map((c) => c.id)).toEqual(calls.slice(0, 3).map((c) => c.id));
});

test('Conversation: Get Many by Allo Number and Set Status', () => {
	const conversations = out('Conversations');
	expect(conversations.length).toBeGreaterThan(0);
	expect(conversations.length).toBeLessThanOrEqual(5);
	expect(out('Conversation Read')).toEqual([
		{ success: true, contact_number: conversations[0].contact_number, action: 'READ' },
	]);
});

test('Company, Person and Deal: create, get, update, search (and delete a deal)', () => {
	const [company] = out('Company Create');
	expect(company).toMatchObject({ name: 'Analytical Engines', industry: 'Computing' });
	expect(out('Company Get')).toEqual([expect.objectContaining({ id: company.id })]);
	expect(out('Company Update')).toEqual([
		expect.objectContaining({ id: company.id, website: 'https://engines.example' }),
	]);
	expect(out('Company Search').map((c) => c.id)).toEqual([company.id]);

	const [person] = out('Person Create');
	expect(person).toMatchObject({
		numbers: [PETER],
		address: '1 Main St',
		company: { id: company.id, name: 'Analytical Engines' },
	});
	expect(out('Person Get')).toEqual([expect.objectContaining({ id: person.id })]);
	expect(out('Person Update')).toEqual([
		expect.objectContaining({ id: person.id, job_title: 'CTO' }),
	]);
	expect(out('Person Search').map((p) => p.id)).toEqual([person.id]);

	const [deal] = out('Deal Create');
	expect(deal).toMatchObject({ currency: 'EUR', amount: 5000, company: { id: company.id } });
	expect(out('Deal Get')).toEqual([expect.objectContaining({ id: deal.id })]);
	expect(out('Deal Update')).toEqual([expect.objectContaining({ id: deal.id, status: 'WON' })]);
	expect(out('Deal Search').map((d) => d.id)).toContain(deal.id);
	expect(out('Deal Delete')).toEqual([{ success: true, deal_id: deal.id }]);
});

test('Power Dialer: add, list, configure, remove and reset', () => {
	expect(out('Dialer Add').map((n) => [n.number_to, n.added])).toEqual([
		[ADA, true],
		[GRACE, true],
		[PETER, true],
	]);
	expect(out('Dialer Numbers').map((n) => n.number_to)).toEqual([ADA, GRACE, PETER]);
	expect(out('Dialer Configure')).toEqual([
		expect.objectContaining({ name: 'Follow-ups', voicemail_handling: 'NO_SKIP' }),
	]);
	expect(out('Dialer Remove')).toEqual([{ removed: 1 }]);
	expect(out('Dialer Reset')).toEqual([expect.objectContaining({ name: 'Fresh', numbers: [] })]);
});

test('Analytics: team overview and outbound metrics of the last 30 days', () => {
	const [overview] = out('Overview');
	expect(overview.summary.total_calls.value).toBe(12);
	const [outbound] = out('Outbound');
	expect(outbound.funnel.dials.count.value).toBe(6);
});

test('Summary Template: create, get many, get, update, set as default, delete', () => {
	const [template] = out('Template Create');
	expect(template.sections.map((s) => s.title)).toEqual(['Issue', 'Resolution']);
	expect(out('Templates').map((t) => t.id)).toContain(template.id);
	expect(out('Template Get')).toEqual([expect.objectContaining({ id: template.id })]);
	expect(out('Template Update')).toEqual([expect.objectContaining({ name: 'Support' })]);
	expect(out('Template Default')).toEqual([
		{ number: MAIN_LINE, default_summary_template_id: template.id },
	]);
	expect(out('Template Delete')).toEqual([{ success: true, template_id: template.id }]);
});

// Every operation of the Allo node in one workflow, run by a real n8n (`n8n execute`) against the
// sandbox; each node's output and the sandbox's state afterwards are checked.
const { randomUUID } = require('node:crypto');
const { createSandbox } = require('../../sandbox');
const h = require('./harness');

jest.setTimeout(240_000);

const CREDENTIAL = { id: 'alloE2eActions', name: 'Allo sandbox' };
const ADA = '+16282009999';
const GRACE = '+16282008888';
const JANE = '+16282000000';
const MAIN_LINE = '+14155550100';
const HOOK_URL = 'https://hooks.example.com/allo';

const id = (node) => `={{ $('${node}').first().json.id }}`;
const byId = (node) => ({ __rl: true, mode: 'id', value: id(node) });

// Each step runs once, whatever the previous step output; later steps read earlier ones by name.
const STEPS = [
	['Phone Numbers', { resource: 'phoneNumber', operation: 'getMany' }],
	[
		'Calls',
		{ resource: 'call', operation: 'getMany', alloNumber: 'all', limit: 20, simplify: false },
	],
	['Call', { resource: 'call', operation: 'get', callId: id('Calls'), simplify: false }],
	[
		'Recording',
		{
			resource: 'call',
			operation: 'downloadRecording',
			callId: "={{ $('Calls').all().find((item) => item.json.recording_url).json.id }}",
			binaryPropertyName: 'recording',
		},
	],
	[
		'Contact Create',
		{
			resource: 'contact',
			operation: 'create',
			numbers: ADA,
			additionalFields: { firstName: 'Ada', lastName: 'Lovelace', emails: 'ada@example.com' },
		},
	],
	[
		'Contact Update',
		{
			resource: 'contact',
			operation: 'update',
			contactId: byId('Contact Create'),
			updateFields: { jobTitle: 'Engineer', emails: 'ada@work.example.com' },
		},
	],
	[
		'Contact Get',
		{ resource: 'contact', operation: 'get', contactId: byId('Contact Create'), simplify: false },
	],
	['Contacts', { resource: 'contact', operation: 'getMany', limit: 120 }],
	['Contact Find', { resource: 'contact', operation: 'find', phoneNumber: ADA }],
	[
		'Upsert Existing',
		{
			resource: 'contact',
			operation: 'upsert',
			phoneNumber: ADA,
			additionalFields: { website: 'https://ada.example.com' },
			simplify: false,
		},
	],
	[
		'Upsert New',
		{
			resource: 'contact',
			operation: 'upsert',
			phoneNumber: GRACE,
			additionalFields: { firstName: 'Grace' },
		},
	],
	['Find Jane', { resource: 'contact', operation: 'find', phoneNumber: JANE }],
	[
		'Conversation',
		{ resource: 'conversation', operation: 'getMany', contactId: byId('Find Jane'), limit: 10 },
	],
	[
		'SMS',
		{
			resource: 'sms',
			operation: 'send',
			sender: 'alloNumber',
			from: MAIN_LINE,
			to: ADA,
			message: "=Thanks {{ $('Contact Get').first().json.name }}, we'll call you back.",
		},
	],
	[
		'Webhook Create',
		{
			resource: 'webhook',
			operation: 'create',
			api: 'v2',
			url: HOOK_URL,
			topics: ['contact.created'],
		},
	],
	['Webhooks', { resource: 'webhook', operation: 'getMany', api: 'v2' }],
	[
		'Webhook Delete',
		{ resource: 'webhook', operation: 'delete', api: 'v2', webhookId: id('Webhook Create') },
	],
];

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

// Many items through the Allo node in a real n8n (`n8n execute`), against the sandbox with network
// latency: items run several at once, yet the output follows the input, each item paired with
// its input, and with Continue On Fail a bad item fails alone, in its place.
const { randomUUID } = require('node:crypto');
const { createSandbox } = require('../../sandbox');
const h = require('./harness');

jest.setTimeout(240_000);

const CONTACTS = 30;
const MAIN_LINE = '+14155550100';
const CREDENTIAL = { id: 'alloE2eItems', name: 'Allo sandbox' };

const alloNode = (name, x, parameters, extra = {}) => ({
	id: randomUUID(),
	name,
	type: 'n8n-nodes-allo.allo',
	typeVersion: 1,
	position: [x, 0],
	parameters,
	credentials: { alloApi: CREDENTIAL },
	...extra,
});

const chain = (names) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);

let sandbox;
let run;

beforeAll(async () => {
	sandbox = await createSandbox({
		seed: { contacts: CONTACTS, calls: 0, messages: 0 },
		latencyMs: 100,
	});
	run = await h.executeOnSandbox(sandbox, CREDENTIAL, {
		id: 'alloE2eItems',
		name: 'Allo: many items',
		active: false,
		settings: {},
		nodes: [
			h.manualTrigger(),
			alloNode('Contacts', 220, { resource: 'contact', operation: 'getMany', limit: CONTACTS }),
			alloNode('Contact Get', 440, {
				resource: 'contact',
				operation: 'get',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				simplify: false,
			}),
			// Half the contacts have French numbers, which a US number cannot text.
			alloNode(
				'SMS',
				660,
				{
					resource: 'sms',
					operation: 'send',
					sender: 'alloNumber',
					from: MAIN_LINE,
					to: '={{ $json.numbers[0] }}',
					message: '=Hello {{ $json.id }}',
				},
				{ onError: 'continueRegularOutput' },
			),
		],
		connections: chain(['Start', 'Contacts', 'Contact Get', 'SMS']),
	});
});

afterAll(() => sandbox?.close());

const items = (node) => run.data.resultData.runData[node][0].data.main[0];

test('the workflow finishes without an error', () => {
	expect(run.data.resultData.error).toBeUndefined();
});

test('Contact Get returns one item per input item, in input order, paired with it', () => {
	const contacts = h.nodeOutput(run, 'Contacts');
	expect(contacts).toHaveLength(CONTACTS);
	expect(items('Contact Get').map((item) => [item.json.id, item.pairedItem])).toEqual(
		contacts.map((contact, i) => [contact.id, { item: i }]),
	);
});

test('SMS: every US contact is texted once, and each French one fails alone, in its place', () => {
	const contacts = h.nodeOutput(run, 'Contact Get');
	const output = items('SMS');
	expect(output.map((item) => item.pairedItem)).toEqual(contacts.map((_, i) => ({ item: i })));
	for (const [i, contact] of contacts.entries()) {
		const us = contact.numbers[0].startsWith('+1');
		expect([i, us ? output[i].json.content : typeof output[i].json.error]).toEqual([
			i,
			us ? `Hello ${contact.id}` : 'string',
		]);
	}
	const usNumbers = contacts.map((c) => c.numbers[0]).filter((n) => n.startsWith('+1'));
	expect(usNumbers.length).toBeGreaterThan(0);
	expect(
		sandbox.control
			.sentSms()
			.map((text) => text.to_number)
			.sort(),
	).toEqual([...usNumbers].sort());
});

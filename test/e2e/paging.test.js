// Return All over 101 pages of contacts in a real n8n, under Allo's burst limit (20 reads a
// second) and with network latency: every contact arrives once and no 429 reaches the workflow.
const { randomUUID } = require('node:crypto');
const { createSandbox } = require('../../sandbox');
const h = require('./harness');

jest.setTimeout(240_000);

const CONTACTS = 10_050;
const PAGE_SIZE = 100;
const CREDENTIAL = { id: 'alloE2ePaging', name: 'Allo sandbox' };

let sandbox;
let run;

beforeAll(async () => {
	sandbox = await createSandbox({
		seed: { contacts: CONTACTS, calls: 0, messages: 0 },
		latencyMs: 40,
		rateLimits: { readsPerSecond: 20, writesPerSecond: 5 },
		dailyQuota: 100_000,
	});
	run = await h.executeOnSandbox(sandbox, CREDENTIAL, {
		id: 'alloE2eReturnAll',
		name: 'Allo: every contact',
		active: false,
		settings: {},
		nodes: [
			h.manualTrigger(),
			{
				id: randomUUID(),
				name: 'Contacts',
				type: 'n8n-nodes-allo.allo',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'contact', operation: 'getMany', returnAll: true },
				credentials: { alloApi: CREDENTIAL },
			},
		],
		connections: { Start: { main: [[{ node: 'Contacts', type: 'main', index: 0 }]] } },
	});
});

afterAll(() => sandbox?.close());

test('Return All yields every contact exactly once', () => {
	expect(run.data.resultData.error).toBeUndefined();
	const contacts = h.nodeOutput(run, 'Contacts');
	expect(contacts).toHaveLength(CONTACTS);
	expect(new Set(contacts.map((c) => c.id)).size).toBe(CONTACTS);
});

test('it reads all 101 pages; a 429 is never an error of the run', () => {
	const reads = sandbox.control.requests().filter((r) => r.endpoint === 'searchContacts');
	const pages = reads.filter((r) => r.status === 200);
	const refused = reads.filter((r) => r.status === 429);
	expect(pages).toHaveLength(Math.ceil(CONTACTS / PAGE_SIZE));
	expect(reads.every((r) => r.status === 200 || r.status === 429)).toBe(true);
	const { executionTime } = run.data.resultData.runData.Contacts[0];
	process.stdout.write(
		`Return All: ${pages.length} pages, ${refused.length} refused with 429 and retried, ${executionTime} ms in the node\n`,
	);
});

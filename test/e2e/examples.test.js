// npm start's example workflows, published in a real n8n against the sandbox: a call from a new
// number gets one text (the welcome), never two at once; a known caller gets a follow-up that
// greets them by name.
const { createSandbox } = require('../../sandbox');
const { exampleWorkflows } = require('../../scripts/examples.js');
const h = require('./harness');

jest.setTimeout(240_000);

const MAIN_LINE = '+14155550100';
const NEW_CALLER = '+16285550123';

let sandbox;
let folder;
let n8n;
let api;

/** The texts the sandbox sent to one number, once every workflow run has finished. */
async function textsTo(number, count) {
	return await h.waitFor(`${count} text(s) to ${number}`, async () => {
		await sandbox.control.idle();
		const { data } = await api('GET', '/api/v1/executions?includeData=false');
		if (data.some((execution) => !execution.finished && !execution.stoppedAt)) return null;
		const texts = sandbox.control.sentSms().filter((text) => text.to_number === number);
		return texts.length >= count ? texts : null;
	});
}

beforeAll(async () => {
	sandbox = await createSandbox({ seed: { contacts: 20, calls: 0, messages: 0 } });
	folder = h.createUserFolder();
	n8n = await h.startN8n(folder.userFolder, {
		http: await h.freePort(),
		broker: await h.freePort(),
	});
	api = await h.ownerSession(n8n.url);
	const credential = await api(
		'POST',
		'/api/v1/credentials',
		h.sandboxCredential({ name: 'Allo sandbox' }, sandbox),
	);
	for (const workflow of Object.values(exampleWorkflows(credential, MAIN_LINE))) {
		const created = await api('POST', '/api/v1/workflows', workflow);
		await api('POST', `/api/v1/workflows/${created.id}/publish`);
	}
	await h.waitFor('both triggers registered', () => sandbox.control.webhooks().v2.length === 2);
});

afterAll(async () => {
	await n8n?.stop();
	folder?.remove();
	await sandbox?.close();
});

test('a call from a new number gets the welcome text only', async () => {
	sandbox.control.simulateCall({ from: NEW_CALLER, to: MAIN_LINE });
	const [welcome] = await textsTo(NEW_CALLER, 1);
	expect(welcome).toMatchObject({
		from_number: MAIN_LINE,
		content: expect.stringMatching(/^Welcome/),
	});
	// Both workflows have run; nothing else went to the caller.
	await h.sleep(2000);
	expect(await textsTo(NEW_CALLER, 1)).toHaveLength(1);
});

test('a known caller gets a follow-up greeting them by full name', async () => {
	const response = await fetch(`${sandbox.url}/v1/api/contacts?page=0&size=100`, {
		headers: { Authorization: `Api-Key ${sandbox.apiKeys[0].key}` },
	});
	const contacts = (await response.json()).data.results;
	const known = contacts.find(
		(contact) => contact.numbers[0].startsWith('+1') && contact.last_name,
	);
	sandbox.control.simulateCall({ from: known.numbers[0], to: MAIN_LINE });
	const texts = await textsTo(known.numbers[0], 1);
	expect(texts.map((text) => text.content)).toEqual([
		`Hi ${known.name} ${known.last_name}, thanks for your call! Reply here if we can help with anything else.`,
	]);
});

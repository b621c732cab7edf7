// The Allo nodes in n8n's editor, in a real browser (Debian's chromium driven by puppeteer-core):
// a node opened for the first time lists the sandbox's numbers, the contact picker finds a contact
// from page 5 by name, and an Allo Trigger added from the node creator keeps its events when its
// API is switched. A failing step leaves a screenshot in .cache/ (a CI artifact).
const { execFileSync } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const puppeteer = require('puppeteer-core');
const { createSandbox } = require('../../sandbox');
const h = require('./harness');

jest.setTimeout(300_000);

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '.cache');
/** The contact renamed on page 5 of Allo's list (pages of 100): a name no other contact has. */
const PAGE_5_CONTACT = { name: 'Zelda', last_name: 'Quintero' };

let sandbox;
let folder;
let n8n;
let browser;
let page;
let profile;
let workflow;

/**
 * Chromium from the machine (Debian's package, or the Chrome of a CI runner); puppeteer-core
 * downloads no browser.
 */
const chromiumPath = () =>
	process.env.CHROMIUM_PATH ||
	execFileSync('sh', ['-c', 'command -v chromium || command -v google-chrome']).toString().trim();

/** Calls the sandbox as Allo's API, with its first key. */
async function allo(method, route, body) {
	const response = await fetch(`${sandbox.url}${route}`, {
		method,
		headers: {
			Authorization: `Api-Key ${sandbox.apiKeys[0].key}`,
			...(body ? { 'content-type': 'application/json' } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	if (!response.ok) throw new Error(`${method} ${route}: ${response.status}`);
	return (await response.json()).data;
}

/** Runs one step of the test; on failure the page is kept as a screenshot, named after the step. */
async function step(name, fn) {
	try {
		return await fn();
	} catch (error) {
		mkdirSync(SCREENSHOTS, { recursive: true });
		const file = path.join(SCREENSHOTS, `editor-${name.replace(/\W+/g, '-')}.png`);
		await page?.screenshot({ path: file, fullPage: true }).catch(() => undefined);
		error.message = `${name}: ${error.message} (screenshot: ${file})`;
		throw error;
	}
}

/** The owner's n8n-auth cookie, as the sign-in page would set it. */
async function signInCookie() {
	const response = await fetch(`${n8n.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: h.OWNER.email, password: h.OWNER.password }),
	});
	if (!response.ok) throw new Error(`sign-in: ${response.status}`);
	const pair = response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.find((cookie) => cookie.startsWith('n8n-auth='));
	return pair.slice('n8n-auth='.length);
}

const alloNode = (name, position, parameters) => ({
	id: randomUUID(),
	name,
	type: 'n8n-nodes-allo.allo',
	typeVersion: 1,
	position,
	parameters,
});

/** Opens a node's settings the way a click on the canvas does, by the editor's node route. */
async function openNode(node) {
	// The editor keeps a push connection open: wait for the node's parameters, not for network idle.
	await page.goto(`${n8n.url}/workflow/${workflow.id}/${node.id}`, {
		waitUntil: 'domcontentloaded',
	});
}

/** Opens a picker's list and returns the names it shows, once it has loaded. */
async function openPicker(parameter, search) {
	const input = `[data-test-id="resource-locator-${parameter}"] [data-test-id="rlc-input"]`;
	await page.waitForSelector(input, { visible: true, timeout: 60_000 });
	await page.click(input);
	// The list is a popover outside the parameter; one is open at a time.
	const searchBox = '[data-test-id="rlc-search"] input, input[data-test-id="rlc-search"]';
	await page.waitForSelector(searchBox, { visible: true });
	if (search) await page.type(searchBox, search);
	await page.waitForFunction(
		(wanted) => {
			const names = [...document.querySelectorAll('[data-test-id="rlc-item"]')].map(
				(item) => item.textContent,
			);
			return names.length > 0 && (!wanted || names.every((name) => name.includes(wanted)));
		},
		{ timeout: 30_000 },
		search,
	);
	return page.$$eval('[data-test-id="rlc-item"]', (items) =>
		items.map((item) => item.textContent.trim()),
	);
}

/** Clicks the innermost element whose whole text is `text` (a menu entry, a dropdown option). */
async function clickText(text) {
	await page.waitForFunction(
		(wanted) =>
			[...document.querySelectorAll('*')].some(
				(element) => element.children.length === 0 && element.textContent.trim() === wanted,
			),
		{ timeout: 30_000 },
		text,
	);
	await page.evaluate((wanted) => {
		const matches = [...document.querySelectorAll('*')].filter(
			(element) => element.children.length === 0 && element.textContent.trim() === wanted,
		);
		matches[matches.length - 1].click();
	}, text);
}

/** A new workflow's first step, picked as a user does: "Add first step", search, the event. */
async function addTriggerFromNodeCreator(event) {
	await page.goto(`${n8n.url}/workflow/new`, { waitUntil: 'domcontentloaded' });
	await page.waitForSelector('[data-test-id="canvas-add-button"]', {
		visible: true,
		timeout: 60_000,
	});
	await page.click('[data-test-id="canvas-add-button"]');
	await page.waitForSelector('[data-test-id="node-creator-search-bar"]', { visible: true });
	await page.type('[data-test-id="node-creator-search-bar"]', 'Allo');
	await clickText('Allo');
	await clickText(event);
	await page.waitForSelector('[data-test-id="parameter-input-api"]', { visible: true });
}

/** The events the trigger's Events parameter shows (under either API). */
const shownEvents = () =>
	page.$eval('[data-test-id^="parameter-input-events"]', (input) =>
		[...input.querySelectorAll('.el-tag, .el-select__tags-text')]
			.map((tag) => tag.textContent.trim())
			.filter((name, i, all) => name && all.indexOf(name) === i),
	);

/** Picks a value of an options parameter from its dropdown. */
async function choose(parameter, option) {
	await page.click(`[data-test-id="parameter-input-${parameter}"]`);
	await clickText(option);
}

beforeAll(async () => {
	sandbox = await createSandbox({ seed: { contacts: 500, calls: 5, messages: 5 } });
	const page5 = await allo('GET', '/v1/api/contacts?page=4&size=100');
	await allo('PUT', `/v1/api/contacts/${page5.results[50].id}`, PAGE_5_CONTACT);
	const page1 = await allo('GET', '/v1/api/contacts?page=0&size=100');
	expect(page1.results.map((contact) => contact.last_name)).not.toContain(PAGE_5_CONTACT.last_name);

	folder = h.createUserFolder();
	n8n = await h.startN8n(folder.userFolder, {
		http: await h.freePort(),
		broker: await h.freePort(),
	});
	const api = await h.ownerSession(n8n.url);
	await api('POST', '/api/v1/credentials', h.sandboxCredential({ name: 'Allo sandbox' }, sandbox));
	// Nodes as a user adds them: no credential yet; n8n assigns the only Allo credential on opening.
	workflow = await api('POST', '/api/v1/workflows', {
		name: 'Allo in the editor',
		settings: {},
		connections: {},
		nodes: [
			alloNode('Send SMS', [0, 0], { resource: 'sms', operation: 'send' }),
			alloNode('Get Contact', [240, 0], { resource: 'contact', operation: 'get' }),
		],
	});

	profile = mkdtempSync(path.join(tmpdir(), 'allo-chromium-'));
	browser = await puppeteer.launch({
		executablePath: chromiumPath(),
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			`--user-data-dir=${profile}`,
		],
	});
	page = await browser.newPage();
	// Opening a node gives it the only credential, so the editor asks before the next node's route.
	page.on('dialog', (dialog) => dialog.accept());
	await page.setViewport({ width: 1440, height: 900 });
	await page.setCookie({ name: 'n8n-auth', value: await signInCookie(), url: n8n.url });
});

afterAll(async () => {
	await browser?.close();
	if (profile) rmSync(profile, { recursive: true, force: true });
	await n8n?.stop();
	folder?.remove();
	await sandbox?.close();
});

test("a new node's From list shows the sandbox's numbers, with no error", async () => {
	const numbers = await allo('GET', '/v1/api/numbers');
	const names = await step('from-list', async () => {
		await openNode(workflow.nodes[0]);
		return openPicker('from');
	});
	expect(names).toEqual(
		numbers.map((number) => `${number.name} (${number.number}, ${number.country})`),
	);
	const text = await page.evaluate(() => document.body.innerText);
	expect(text).not.toContain('Error fetching options');
});

test('the contact picker finds a contact from page 5 by name', async () => {
	const names = await step('contact-search', async () => {
		await openNode(workflow.nodes[1]);
		return openPicker('contactId', PAGE_5_CONTACT.last_name);
	});
	expect(names).toEqual([
		expect.stringMatching(
			new RegExp(`^${PAGE_5_CONTACT.name} ${PAGE_5_CONTACT.last_name} \\(\\+\\d+`),
		),
	]);
});

test('a trigger added from the node creator keeps its events when its API is switched, and its number list loads', async () => {
	await step('trigger-added', () => addTriggerFromNodeCreator('On call completed'));
	expect(await shownEvents()).toEqual(['Call Completed']);
	await step('switch-to-v1', async () => {
		await choose('api', 'Legacy: Per-Number Webhooks (v1)');
		await page.waitForSelector('[data-test-id="resource-locator-alloNumber"]', { visible: true });
	});
	expect(await shownEvents()).toEqual(['Call Completed']);
	const numbers = await allo('GET', '/v1/api/numbers');
	const names = await step('number-list', () => openPicker('alloNumber'));
	expect(names).toEqual(
		numbers.map((number) => `${number.name} (${number.number}, ${number.country})`),
	);
	expect(await page.evaluate(() => document.body.innerText)).not.toContain(
		'Error fetching options',
	);
	await page.keyboard.press('Escape');
	await step('switch-back-to-v2', () => choose('api', 'Current: Signed Webhooks (v2)'));
	expect(await shownEvents()).toEqual(['Call Completed']);
});

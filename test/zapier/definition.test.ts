import { version } from 'zapier-platform-core';
import * as core from 'zapier-platform-core';
import {
	ZAPIER_CREATES,
	ZAPIER_DROPDOWNS,
	ZAPIER_CALL_OUTCOMES,
	ZAPIER_HOOKS,
	ZAPIER_SEARCHES,
} from '../../zapier/src/surface';
import { endpoints } from '../../shared';
import { App } from './helpers';
import { readRepoFile } from './repoFiles';

interface Field {
	key: string;
	label: string;
	type?: string;
	required?: boolean;
	list?: boolean;
	helpText?: string;
	dynamic?: string;
	search?: string;
	choices?: unknown;
}
interface Operation {
	type?: string;
	inputFields?: Field[];
	outputFields: Field[];
	sample: Record<string, unknown>;
	throttle?: unknown;
	[method: string]: unknown;
}
interface Action {
	key: string;
	noun: string;
	display: { label: string; description: string; hidden?: boolean };
	operation: Operation;
}
interface SearchOrCreate {
	key: string;
	display: { label: string; description: string };
	search: string;
	create: string;
}
interface Definition {
	platformVersion: string;
	flags: unknown;
	authentication: { fields: Field[]; connectionLabel: string };
	triggers: Record<string, Action>;
	creates: Record<string, Action>;
	searches: Record<string, Action>;
	searchOrCreates: Record<string, SearchOrCreate>;
}
type Handler = (event: Record<string, unknown>) => Promise<{ results: unknown }>;
const { createAppHandler } = core as unknown as { createAppHandler: (app: object) => Handler };

/** The app as Zapier's CLI serialises and validates it, offline. */
const command = async (name: string) =>
	(await createAppHandler(App)({ command: name, calledFromCli: true })).results;

const MINOR_WORDS = new Set([
	'a',
	'an',
	'the',
	'and',
	'or',
	'in',
	'of',
	'at',
	'by',
	'on',
	'to',
	'for',
]);
const isTitleCase = (label: string) =>
	label.split(' ').every((word, index, words) => {
		if (index > 0 && index < words.length - 1 && MINOR_WORDS.has(word)) return true;
		return /^[^a-z]/.test(word);
	});

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const LOOKS_LIKE_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Zapier's flattened view of a sample: `parent__child`, and `list[]child` from the first item. */
function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, child] of Object.entries(value)) {
		const path = `${prefix}${key}`;
		if (Array.isArray(child) && child.length && typeof child[0] === 'object' && child[0] !== null) {
			for (const [inner, innerValue] of Object.entries(child[0] as Record<string, unknown>))
				out[`${path}[]${inner}`] = innerValue;
		} else if (child && typeof child === 'object' && !Array.isArray(child)) {
			Object.assign(out, flatten(child as Record<string, unknown>, `${path}__`));
		} else out[path] = child;
	}
	return out;
}

/** Every string in a structure, with the path that leads to it. */
function strings(value: unknown, path = ''): Array<[string, string]> {
	if (typeof value === 'string') return [[path, value]];
	if (Array.isArray(value))
		return value.flatMap((item, index) => strings(item, `${path}[${index}]`));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) =>
			strings(item, path ? `${path}.${key}` : key),
		);
	}
	return [];
}

describe('Zapier app definition', () => {
	let definition: Definition;
	let actions: Array<{ type: 'triggers' | 'creates' | 'searches'; key: string; action: Action }>;
	let inputFields: Array<{ where: string; field: Field }>;

	beforeAll(async () => {
		definition = (await command('definition')) as Definition;
		actions = (['triggers', 'creates', 'searches'] as const).flatMap((type) =>
			Object.entries(definition[type]).map(([key, action]) => ({ type, key, action })),
		);
		inputFields = actions.flatMap(({ key, action }) =>
			(action.operation.inputFields ?? []).map((field) => ({ where: key, field })),
		);
	});

	const visible = () => actions.filter(({ action }) => !action.display.hidden);
	const hooks = () =>
		actions.filter(({ type, action }) => type === 'triggers' && action.operation.type === 'hook');

	it('wording a new user reads: no app name in descriptions, one label per output field', () => {
		for (const { key, action } of visible()) {
			expect([key, action.display.description]).not.toEqual([
				key,
				expect.stringMatching(/in Allo\.$/),
			]);
			const labels = (
				(action.operation as { outputFields?: Array<{ label?: string }> }).outputFields ?? []
			).map((field) => field.label);
			expect([key, labels.length]).toEqual([key, new Set(labels).size]);
		}
		expect(definition.searches.find_calls.display.label).toBe('Find Call');
	});

	it('Emails Mode sits right after Emails', () => {
		const keys = (definition.creates.update_contact.operation.inputFields ?? []).map(
			(field) => field.key,
		);
		expect(keys.indexOf('emailsMode')).toBe(keys.indexOf('emails') + 1);
	});

	it('the API key help lists the scopes each step needs', () => {
		const [apiKey] = definition.authentication.fields as Array<{ helpText: string }>;
		for (const scope of [
			'CONVERSATIONS_READ',
			'CONTACTS_READ',
			'CONTACTS_READ_WRITE',
			'SMS_SEND',
			'WEBHOOKS_READ_WRITE',
			'CRM_READ',
		])
			expect(apiKey.helpText).toContain(scope);
	});

	it('passes Zapier schema validation', async () => {
		expect(await command('validate')).toEqual([]);
	});

	it('offers what the surface lists, and nothing else', () => {
		const hidden = Object.values(ZAPIER_DROPDOWNS).map((dropdown) => dropdown.key);
		const hookKeys = [...Object.values(ZAPIER_HOOKS), ...ZAPIER_CALL_OUTCOMES].map(
			(hook) => hook.key,
		);
		expect(Object.keys(definition.triggers).sort()).toEqual([...hookKeys, ...hidden].sort());
		expect(Object.keys(definition.creates).sort()).toEqual(
			ZAPIER_CREATES.map((create) => create.key).sort(),
		);
		expect(Object.keys(definition.searches).sort()).toEqual(
			ZAPIER_SEARCHES.map((search) => search.key).sort(),
		);
		expect(Object.keys(definition.searchOrCreates).sort()).toEqual(
			ZAPIER_SEARCHES.filter((search) => search.orCreate)
				.map((search) => search.key)
				.sort(),
		);
		for (const { key } of hooks()) expect(hookKeys).toContain(key);
		for (const { action } of actions.filter(({ key }) => hidden.includes(key)))
			expect(action.display.hidden).toBe(true);
	});

	it('the README names every visible step', () => {
		const readme = readRepoFile('README.md');
		const section = readme
			.slice(readme.indexOf('## Use it in Zapier'), readme.indexOf('## What'))
			.replace(/\s+/g, ' ');
		const labels = [
			...visible().map(({ action }) => action.display.label),
			...Object.values(definition.searchOrCreates).map((soc) => soc.display.label),
		];
		for (const label of labels) expect([label, section.includes(label)]).toEqual([label, true]);
	});

	it('every step has its own tests', () => {
		const source = (file: string) => readRepoFile(`test/zapier/${file}`);
		const actionTests = source('actions.test.ts');
		for (const step of [...ZAPIER_CREATES, ...ZAPIER_SEARCHES])
			expect([step.key, actionTests.includes(`describe('${step.label}'`)]).toEqual([
				step.key,
				true,
			]);
		const hookTests = source('hooks.test.ts');
		for (const { key } of [...Object.values(ZAPIER_HOOKS), ...ZAPIER_CALL_OUTCOMES])
			expect([key, hookTests.includes(`key: '${key}'`)]).toEqual([key, true]);
		const dropdownTests = source('dropdowns.test.ts');
		for (const { key } of Object.values(ZAPIER_DROPDOWNS))
			expect([key, dropdownTests.includes(`triggers.${key}.`)]).toEqual([key, true]);
	});

	it('lets Allo 429s reach the app, and throttles every action to Allo rate for its kind', () => {
		expect(definition.flags).toEqual({ throwForThrottlingEarly: false });
		expect(definition.platformVersion).toBe(version);
		const writes = { window: 1, limit: 5, scope: ['auth'] };
		const reads = { window: 1, limit: 20, scope: ['auth'] };
		for (const step of [...ZAPIER_CREATES, ...ZAPIER_SEARCHES]) {
			const action = definition.creates[step.key] ?? definition.searches[step.key];
			// Allo counts GETs as reads; its POST searches (CRM) and every other method as writes.
			const readsOnly = step.operation.endpoints.every((name) => endpoints[name].method === 'GET');
			expect([step.key, action.operation.throttle]).toEqual([step.key, readsOnly ? reads : writes]);
		}
		expect(definition.creates.send_sms.operation.throttle).toEqual(writes);
		expect(definition.searches.find_contact.operation.throttle).toEqual(writes);
		expect(definition.searches.find_calls.operation.throttle).toEqual(reads);
	});

	it('D001: no API key fields inside actions', () => {
		for (const { where, field } of inputFields) {
			expect(`${where}.${field.key} ${field.label}`).not.toMatch(/api.?key|token|secret|password/i);
			expect(field.type).not.toBe('password');
		}
	});

	it('D002/D003: the API key help links to where keys are made; the connection is labelled by team', () => {
		const [apiKey] = definition.authentication.fields;
		expect(apiKey).toMatchObject({ key: 'apiKey', type: 'password', required: true });
		expect(apiKey.helpText).toContain('](https://web.withallo.com/settings/api)');
		expect(definition.authentication.connectionLabel).toBe('{{team_name}}');
	});

	it('D004: fields naming a record by ID offer a dropdown', () => {
		// A sender ID is the name texts come from, not the ID of a record.
		const idFields = inputFields.filter(
			({ field }) => /(id|_id|Id)$/.test(field.key) && field.key !== 'senderId',
		);
		expect(idFields.length).toBeGreaterThan(0);
		for (const { field } of idFields) expect(field.dynamic ?? field.choices).toBeDefined();
	});

	it('D005/D013/D014: dropdowns and search connectors point to existing triggers and searches', () => {
		for (const { field } of inputFields.filter(({ field }) => field.dynamic)) {
			const [trigger, id, label] = (field.dynamic as string).split('.');
			expect(definition.triggers[trigger]).toBeDefined();
			expect([id, label]).toEqual(['id', 'name']);
		}
		for (const { field } of inputFields.filter(({ field }) => field.search)) {
			const [search, id] = (field.search as string).split('.');
			expect(definition.searches[search]).toBeDefined();
			expect(id).toBe('id');
			expect(field.dynamic).toBeDefined();
		}
	});

	it('D006/D016/D017: every hook trigger subscribes, unsubscribes and has a polling fallback', () => {
		expect(hooks()).toHaveLength(Object.keys(ZAPIER_HOOKS).length + ZAPIER_CALL_OUTCOMES.length);
		for (const { action } of hooks()) {
			for (const method of ['perform', 'performList', 'performSubscribe', 'performUnsubscribe']) {
				expect(action.operation[method]).toMatch(/^\$func\$/);
			}
		}
	});

	it('D007/D008: URLs are HTTPS and links in help texts are Markdown links', () => {
		for (const [path, text] of strings(definition)) {
			expect(`${path}: ${text}`).not.toMatch(/http:\/\//);
			if (!/helpText|description$/.test(path)) continue;
			for (const [, url] of text.matchAll(/\]\(([^)]*)\)/g)) expect(url).toMatch(/^https:\/\/\S+$/);
			const bare = text.replace(/\]\([^)]*\)/g, '').replace(/`[^`]*`/g, '');
			expect(`${path}: ${bare}`).not.toMatch(/https?:\/\//);
		}
	});

	it('D009: searches have search fields', () => {
		for (const { action } of actions.filter(({ type }) => type === 'searches')) {
			expect(action.operation.inputFields?.length).toBeGreaterThan(0);
		}
	});

	it('D012: visible steps have a static sample; D010: trigger samples have an id', () => {
		for (const { key, action } of visible()) {
			expect([key, action.operation.sample]).toEqual([key, expect.any(Object)]);
		}
		for (const [key, trigger] of Object.entries(definition.triggers)) {
			if (trigger.display.hidden) continue;
			expect([key, trigger.operation.sample?.id]).toEqual([key, expect.any(String)]);
		}
	});

	it('Send SMS samples are what Allo answers: no id or status, and France from a sender ID', () => {
		const us = definition.creates.send_sms.operation.sample;
		const france = definition.creates.send_sms_france.operation.sample;
		for (const sample of [us, france]) {
			expect(sample).not.toHaveProperty('id');
			expect(sample).not.toHaveProperty('status');
		}
		expect(us).toMatchObject({ allo_number: expect.stringMatching(/^\+1/), sender_id: null });
		expect(france).toMatchObject({
			allo_number: null,
			sender_id: 'MyShop',
			contact_number: expect.stringMatching(/^\+33/),
		});
	});

	it('D011: help texts say more than the label', () => {
		const bare = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
		for (const { field } of inputFields.filter(({ field }) => field.helpText)) {
			expect(bare(field.helpText as string)).not.toBe(bare(field.label));
		}
	});

	it('D015: find-or-create uses an existing search and create, under the search key', () => {
		for (const [key, soc] of Object.entries(definition.searchOrCreates)) {
			expect(soc.key).toBe(key);
			expect(soc.search).toBe(key);
			expect(definition.searches[soc.search]).toBeDefined();
			expect(definition.creates[soc.create]).toBeDefined();
		}
	});

	it('D018: labels are in Title Case', () => {
		const labels = [
			...visible().map(({ action }) => action.display.label),
			...inputFields.map(({ field }) => field.label),
			...visible().flatMap(({ action }) =>
				action.operation.outputFields.map((field) => field.label),
			),
			...Object.values(definition.searchOrCreates).map((soc) => soc.display.label),
		];
		for (const label of labels) expect([label, isTitleCase(label)]).toEqual([label, true]);
	});

	it('D021 and review wording: triggers "Triggers when …", creates use a plural verb, searches "Finds"', () => {
		for (const { type, action } of actions) {
			const { description } = action.display;
			expect(description).toMatch(/\.$/);
			expect(description).not.toMatch(/zapier/i);
			if (type === 'triggers') expect(description).toMatch(/^Triggers when .+\.$/);
			if (type === 'creates')
				expect(description).toMatch(/^(Creates|Updates|Sends|Adds|Removes|Replaces) /);
			if (type === 'searches') expect(description).toMatch(/^Finds /);
		}
	});

	it('D022: creates have static input fields', () => {
		for (const { action } of actions.filter(({ type }) => type === 'creates')) {
			expect(action.operation.inputFields?.length).toBeGreaterThan(0);
			for (const field of action.operation.inputFields ?? []) expect(typeof field).toBe('object');
		}
	});

	it('D023: sample dates are ISO-8601 with a zone', () => {
		let dates = 0;
		for (const { action } of visible()) {
			for (const [path, text] of strings(action.operation.sample)) {
				if (!LOOKS_LIKE_DATE.test(text)) continue;
				dates++;
				expect({ path, text }).toEqual({ path, text: expect.stringMatching(ISO_WITH_ZONE) });
			}
		}
		expect(dates).toBeGreaterThan(0);
	});

	it('D024: samples respect the output fields: every key present, every type matching', () => {
		const matches: Record<string, (value: unknown) => boolean> = {
			string: (value) => typeof value === 'string',
			number: (value) => typeof value === 'number',
			boolean: (value) => typeof value === 'boolean',
			datetime: (value) => typeof value === 'string' && ISO_WITH_ZONE.test(value),
			// A file's sample is the address it comes from.
			file: (value) => typeof value === 'string' && value.startsWith('https://'),
		};
		for (const { key, action } of visible()) {
			const sample = flatten(action.operation.sample);
			const { outputFields } = action.operation;
			expect(outputFields.length).toBeGreaterThan(0);
			for (const field of outputFields) {
				expect([key, field.key, field.key in sample]).toEqual([key, field.key, true]);
				const value = sample[field.key];
				if (!field.type || value === null || value === undefined) continue;
				const checked = field.list ? (Array.isArray(value) ? value : [value]) : [value];
				for (const item of checked)
					expect([key, field.key, matches[field.type](item)]).toEqual([key, field.key, true]);
			}
			// Every top-level value a Zap can map is described.
			const described = new Set(outputFields.map((field) => field.key.split(/__|\[\]/)[0]));
			for (const [sampleKey, value] of Object.entries(action.operation.sample)) {
				const empty = value && typeof value === 'object' && Object.keys(value).length === 0;
				if (!empty)
					expect([key, sampleKey, described.has(sampleKey)]).toEqual([key, sampleKey, true]);
			}
		}
	});

	it('keys are descriptive snake_case and nouns singular', () => {
		for (const { key, action } of actions) {
			expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
			expect(action.noun).not.toMatch(/s$/);
		}
	});
});

import type { EndpointName } from '../../shared/catalog/endpoints';
import { MAX_PAGE_SIZE, paginate } from '../../shared/http/pagination';
import { getManyContacts } from '../../shared/operations/contact/getMany';
import { runOperation } from '../../shared/operations/run';
import { allo, alloClient } from '../support/allo';

const ALLO_NUMBER = '+14155550100';
const calls = (page: number, count: number, size = MAX_PAGE_SIZE) =>
	Array.from({ length: count }, (_, i) => ({ id: `cll_${page * size + i}`, type: 'INBOUND' }));
const ids = (records: unknown[]) => records.map((record) => (record as { id: string }).id);
const range = (prefix: string, from: number, to: number) =>
	Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);

/** v1 calls: `data.results` with a flat `metadata.total_pages`. */
const callsPage = (page: number, count: number, totalPages: number, size = MAX_PAGE_SIZE) => ({
	data: {
		results: calls(page, count, size),
		metadata: { total_pages: totalPages, current_page: page },
	},
});

/** v1 contacts: `metadata.pagination.total_pages`. */
const contactsPage = (page: number, count: number, totalPages: number) => ({
	data: {
		results: Array.from({ length: count }, (_, i) => ({
			id: `cnt_${page * 100 + i}`,
			numbers: [],
		})),
		metadata: { pagination: { total_pages: totalPages, current_page: page } },
	},
});

/**
 * A client whose key read another list of `endpoint` before: a new list then asks for its first
 * page alone (the first read of an endpoint asks ahead; see "pages asked for before the first answer").
 */
function clientThatRead(endpoint: EndpointName) {
	const made = alloClient();
	made.client.pagesAhead(endpoint, 'another list');
	return made;
}

describe('paginate with a limit requests only the pages it needs', () => {
	test('a limit of 30 asks for one page of 30', async () => {
		const scope = allo()
			.get('/v1/api/calls')
			.query({ allo_number: ALLO_NUMBER, page: '0', size: '30' })
			.reply(200, callsPage(0, 30, 10, 30));
		const { client, transport } = alloClient();
		const records = await paginate(
			client,
			'searchCalls',
			{ query: { allo_number: ALLO_NUMBER } },
			{ returnAll: false, limit: 30 },
		);
		expect(ids(records)).toEqual(range('cll_', 0, 30));
		expect(scope.isDone()).toBe(true);
		expect(transport.requests).toHaveLength(1);
	});

	test('a limit of 150 asks for pages 0 and 1 of 100, out of 5, and stops', async () => {
		const scope = allo()
			.get('/v1/api/calls')
			.query({ allo_number: ALLO_NUMBER, page: '0', size: '100' })
			.reply(200, callsPage(0, 100, 5))
			.get('/v1/api/calls')
			.query({ allo_number: ALLO_NUMBER, page: '1', size: '100' })
			.reply(200, callsPage(1, 100, 5));
		const { client, transport } = alloClient();
		const records = await paginate(
			client,
			'searchCalls',
			{ query: { allo_number: ALLO_NUMBER } },
			{ returnAll: false, limit: 150 },
		);
		expect(ids(records)).toEqual(range('cll_', 0, 150));
		expect(scope.isDone()).toBe(true);
		expect(transport.requests.map((request) => request.query?.page)).toEqual([0, 1]);
	});

	test('a limit above what exists stops at the last page', async () => {
		const scope = allo()
			.get('/v1/api/contacts')
			.query({ page: '0', size: '100' })
			.reply(200, contactsPage(0, 100, 2))
			.get('/v1/api/contacts')
			.query({ page: '1', size: '100' })
			.reply(200, contactsPage(1, 20, 2));
		const { client, transport } = clientThatRead('searchContacts');
		const records = await paginate(client, 'searchContacts', {}, { returnAll: false, limit: 500 });
		expect(records).toHaveLength(120);
		expect(scope.isDone()).toBe(true);
		expect(transport.requests).toHaveLength(2);
	});

	test('an empty first page ends the listing', async () => {
		allo()
			.get('/v1/api/contacts')
			.query(true)
			.reply(200, contactsPage(0, 0, 0));
		const { client, transport } = clientThatRead('searchContacts');
		await expect(paginate(client, 'searchContacts', {}, { returnAll: true })).resolves.toEqual([]);
		expect(transport.requests).toHaveLength(1);
	});

	test('a limit of 0 sends nothing', async () => {
		const { client, transport } = alloClient();
		await expect(
			paginate(client, 'searchContacts', {}, { returnAll: false, limit: 0 }),
		).resolves.toEqual([]);
		expect(transport.requests).toHaveLength(0);
	});
});

describe('paginate returns all pages of both v1 metadata shapes', () => {
	test('calls: metadata.total_pages', async () => {
		const scope = allo();
		for (let page = 0; page < 3; page++) {
			scope
				.get('/v1/api/calls')
				.query({ allo_number: ALLO_NUMBER, page: String(page), size: '100' })
				.reply(200, callsPage(page, page === 2 ? 42 : 100, 3));
		}
		const { client, transport } = clientThatRead('searchCalls');
		const records = await paginate(
			client,
			'searchCalls',
			{ query: { allo_number: ALLO_NUMBER } },
			{ returnAll: true },
		);
		expect(ids(records)).toEqual(range('cll_', 0, 242));
		expect(scope.isDone()).toBe(true);
		expect(transport.requests).toHaveLength(3);
	});

	test('contacts: metadata.pagination.total_pages, through Get Many Contacts', async () => {
		const scope = allo();
		for (let page = 0; page < 4; page++) {
			scope
				.get('/v1/api/contacts')
				.query({ page: String(page), size: '100' })
				.reply(200, contactsPage(page, page === 3 ? 7 : 100, 4));
		}
		const { client, transport } = clientThatRead('searchContacts');
		const contacts = await runOperation(getManyContacts, client, {}, { returnAll: true });
		expect(ids(contacts)).toEqual(range('cnt_', 0, 307));
		expect(scope.isDone()).toBe(true);
		expect(transport.requests).toHaveLength(4);
	});

	test('every page request asks for at most 100 records', async () => {
		const scope = allo();
		for (let page = 0; page < 3; page++) {
			scope
				.get('/v1/api/contacts')
				.query({ page: String(page), size: '100' })
				.reply(200, contactsPage(page, 100, 3));
		}
		const { client, transport } = alloClient();
		await paginate(client, 'searchContacts', {}, { returnAll: false, limit: 1000 });
		expect(transport.requests.every((request) => Number(request.query?.size) <= 100)).toBe(true);
		expect(scope.isDone()).toBe(true);
	});
});

describe('paginate over v2 CRM people search', () => {
	const filters = { phone_number: '+14155551234' };
	const people = (page: number, count: number) =>
		Array.from({ length: count }, (_, i) => ({ id: `per-${(page - 1) * 100 + i}` }));

	test('pages go in the body, 1-indexed, until has_more is false', async () => {
		const scope = allo();
		for (const [page, count, hasMore] of [
			[1, 100, true],
			[2, 100, true],
			[3, 5, false],
		] as const) {
			scope.post('/v2/api/crm/people/search', { filters, page, size: 100 }).reply(200, {
				data: people(page, count),
				pagination: { page, size: 100, has_more: hasMore },
			});
		}
		const { client, transport } = clientThatRead('searchPeople');
		const records = await paginate(
			client,
			'searchPeople',
			{ body: { filters } },
			{ returnAll: true },
		);
		expect(ids(records)).toEqual(range('per-', 0, 205));
		expect(scope.isDone()).toBe(true);
		expect(transport.requests.map((request) => (request.body as { page: number }).page)).toEqual([
			1, 2, 3,
		]);
		expect(transport.requests.every((request) => request.query === undefined)).toBe(true);
	});

	test('a limit stops following has_more', async () => {
		const scope = allo()
			.post('/v2/api/crm/people/search', { filters, page: 1, size: 100 })
			.reply(200, { data: people(1, 100), pagination: { page: 1, has_more: true } })
			.post('/v2/api/crm/people/search', { filters, page: 2, size: 100 })
			.reply(200, { data: people(2, 100), pagination: { page: 2, has_more: true } });
		const { client, transport } = alloClient();
		const records = await paginate(
			client,
			'searchPeople',
			{ body: { filters } },
			{ returnAll: false, limit: 120 },
		);
		expect(ids(records)).toEqual(range('per-', 0, 120));
		expect(scope.isDone()).toBe(true);
		expect(transport.requests).toHaveLength(2);
	});

	test('with total_pages, the remaining pages are fetched too', async () => {
		const scope = allo();
		for (let page = 1; page <= 3; page++) {
			scope.post('/v2/api/crm/people/search', { filters, page, size: 100 }).reply(200, {
				data: people(page, page === 3 ? 1 : 100),
				pagination: { page, total_pages: 3, has_more: page < 3 },
			});
		}
		const { client } = alloClient();
		const records = await paginate(
			client,
			'searchPeople',
			{ body: { filters } },
			{ returnAll: true },
		);
		expect(ids(records)).toEqual(range('per-', 0, 201));
		expect(scope.isDone()).toBe(true);
	});
});

describe('return all keeps many pages in flight and keeps order', () => {
	test('later pages answering first do not reorder records', async () => {
		const totalPages = 30;
		const scope = allo();
		scope
			.get('/v1/api/calls')
			.query({ allo_number: ALLO_NUMBER, page: '0', size: '100' })
			.reply(200, callsPage(0, 100, totalPages));
		for (let page = 1; page < totalPages; page++) {
			scope
				.get('/v1/api/calls')
				.query({ allo_number: ALLO_NUMBER, page: String(page), size: '100' })
				// Earlier pages answer later.
				.delay((totalPages - page) * 5)
				.reply(200, callsPage(page, 100, totalPages));
		}
		const { client, transport } = alloClient();
		const send = transport.request.bind(transport);
		let inFlight = 0;
		let mostInFlight = 0;
		const finished: number[] = [];
		transport.request = async (request) => {
			inFlight++;
			mostInFlight = Math.max(mostInFlight, inFlight);
			const response = await send(request);
			inFlight--;
			finished.push(Number(request.query?.page));
			return response;
		};
		const records = await paginate(
			client,
			'searchCalls',
			{ query: { allo_number: ALLO_NUMBER } },
			{ returnAll: true },
		);
		expect(ids(records)).toEqual(range('cll_', 0, 3000));
		expect(scope.isDone()).toBe(true);
		// The first page alone, then the other 19 reads of the first second at once, and never
		// more than the rate and the latency need.
		expect(mostInFlight).toBeGreaterThanOrEqual(19);
		expect(mostInFlight).toBeLessThanOrEqual(client.inFlight('read'));
		expect(finished).not.toEqual([...finished].sort((a, b) => a - b));
	});
});

describe('pages asked for before the first answer', () => {
	/** Serves v1 calls of `pagesNow` pages; pages past the end are refused, as a stale count may ask for them. */
	const serveCalls = (pagesNow: number, times: number, askedUpTo = pagesNow) => {
		const scope = allo();
		for (let page = 0; page < askedUpTo; page++) {
			const interceptor = scope
				.get('/v1/api/calls')
				.query({ allo_number: ALLO_NUMBER, page: String(page), size: '100' })
				.times(times);
			if (page < pagesNow) interceptor.reply(200, callsPage(page, 100, pagesNow));
			else interceptor.reply(400, { code: 'INVALID_PAGE', message: 'Page out of range' });
		}
		return scope;
	};
	const sorted = (pages: number[]) => [...pages].sort((a, b) => a - b);
	/** Pages requested before the first answer came back, per read. */
	const countAhead = (transport: ReturnType<typeof alloClient>['transport']) => {
		const send = transport.request.bind(transport);
		const reads: number[][] = [];
		let current: number[] = [];
		let answered = false;
		transport.request = async (request) => {
			if (!answered) current.push(Number(request.query?.page));
			const response = await send(request);
			answered = true;
			return response;
		};
		return {
			reads,
			next() {
				current = [];
				answered = false;
				reads.push(current);
			},
		};
	};
	const readCalls = (client: ReturnType<typeof alloClient>['client'], limit?: number) =>
		paginate(
			client,
			'searchCalls',
			{ query: { allo_number: ALLO_NUMBER } },
			limit === undefined ? { returnAll: true } : { returnAll: false, limit },
		);

	test('the first read of an endpoint asks for one second of pages at once, and keeps order', async () => {
		const scope = serveCalls(30, 1);
		const { client, transport } = alloClient();
		const ahead = countAhead(transport);
		ahead.next();
		expect(ids(await readCalls(client))).toEqual(range('cll_', 0, 3000));
		expect(scope.isDone()).toBe(true);
		expect(sorted(ahead.reads[0])).toEqual(range('', 0, 20).map(Number));
		expect(transport.requests).toHaveLength(30);
	});

	test('a list read before asks for the pages it had; a new list of the endpoint, its first page alone', async () => {
		const { client, transport } = alloClient();
		serveCalls(5, 1, 20);
		await readCalls(client);
		const ahead = countAhead(transport);
		serveCalls(5, 1);
		ahead.next();
		expect(ids(await readCalls(client))).toEqual(range('cll_', 0, 500));
		const otherNumber = '+14155550199';
		const scope = allo();
		for (let page = 0; page < 5; page++)
			scope
				.get('/v1/api/calls')
				.query({ allo_number: otherNumber, page: String(page), size: '100' })
				.reply(200, callsPage(page, 100, 5));
		ahead.next();
		const otherList = await paginate(
			client,
			'searchCalls',
			{ query: { allo_number: otherNumber } },
			{ returnAll: true },
		);
		expect(ids(otherList)).toEqual(range('cll_', 0, 500));
		expect(scope.isDone()).toBe(true);
		expect(sorted(ahead.reads[0])).toEqual([0, 1, 2, 3, 4]);
		expect(sorted(ahead.reads[1])).toEqual([0]);
		expect(transport.requests).toHaveLength(20 + 5 + 5);
	});

	test('a one-page list read first: the pages asked past its end are ignored, and asked once', async () => {
		const { client, transport } = alloClient();
		const scope = serveCalls(1, 1, 20);
		expect(ids(await readCalls(client))).toEqual(range('cll_', 0, 100));
		expect(scope.isDone()).toBe(true);
		expect(transport.requests).toHaveLength(20);
		serveCalls(1, 1);
		expect(ids(await readCalls(client))).toEqual(range('cll_', 0, 100));
		expect(transport.requests).toHaveLength(21);
	});

	test('reads that start while the first read of the endpoint is under way ask for their first page alone', async () => {
		const scope = serveCalls(3, 1, 20);
		const otherNumber = '+14155550199';
		scope
			.get('/v1/api/calls')
			.query({ allo_number: otherNumber, page: '0', size: '100' })
			.reply(200, { data: { results: [], metadata: { total_pages: 0, current_page: 0 } } });
		const { client, transport } = alloClient();
		const [first, second] = await Promise.all([
			readCalls(client),
			paginate(client, 'searchCalls', { query: { allo_number: otherNumber } }, { returnAll: true }),
		]);
		expect(ids(first)).toEqual(range('cll_', 0, 300));
		expect(second).toEqual([]);
		expect(scope.isDone()).toBe(true);
		expect(transport.requests).toHaveLength(21);
	});

	test('executions sharing a key share what they learnt of a list; another key does not', async () => {
		const scope = serveCalls(5, 1, 20);
		serveCalls(5, 1);
		const [sameKey, otherKey] = ['ak_list_reader', 'ak_other_list_reader'];
		const first = alloClient({ apiKey: sameKey, sharePacing: true });
		await readCalls(first.client);
		const second = alloClient({ apiKey: sameKey, sharePacing: true });
		const ahead = countAhead(second.transport);
		ahead.next();
		expect(ids(await readCalls(second.client))).toEqual(range('cll_', 0, 500));
		expect(sorted(ahead.reads[0])).toEqual([0, 1, 2, 3, 4]);
		expect(scope.isDone()).toBe(true);
		const other = alloClient({ apiKey: otherKey, sharePacing: true });
		const otherAhead = countAhead(other.transport);
		otherAhead.next();
		serveCalls(5, 1, 20);
		await readCalls(other.client);
		expect(sorted(otherAhead.reads[0])).toEqual(range('', 0, 20).map(Number));
	});

	test('a list that shrank: the pages it no longer has are ignored, refused or not', async () => {
		const { client, transport } = alloClient();
		serveCalls(5, 1, 20);
		await readCalls(client);
		const scope = serveCalls(2, 1, 5);
		const ahead = countAhead(transport);
		ahead.next();
		expect(ids(await readCalls(client))).toEqual(range('cll_', 0, 200));
		expect(sorted(ahead.reads[0])).toEqual([0, 1, 2, 3, 4]);
		expect(scope.isDone()).toBe(true);
	});

	test('a limit bounds the pages asked for at once', async () => {
		const { client, transport } = alloClient();
		serveCalls(30, 1);
		await readCalls(client);
		const scope = serveCalls(3, 1);
		const ahead = countAhead(transport);
		ahead.next();
		expect(ids(await readCalls(client, 250))).toEqual(range('cll_', 0, 250));
		expect(sorted(ahead.reads[0])).toEqual([0, 1, 2]);
		expect(scope.isDone()).toBe(true);
	});

	test('a page the list still has that fails fails the read', async () => {
		const { client } = alloClient({ serverRetries: 0 });
		serveCalls(3, 1, 20);
		await readCalls(client);
		const scope = allo();
		scope
			.get('/v1/api/calls')
			.query({ allo_number: ALLO_NUMBER, page: '0', size: '100' })
			.reply(200, callsPage(0, 100, 3))
			.get('/v1/api/calls')
			.query({ allo_number: ALLO_NUMBER, page: '1', size: '100' })
			.reply(200, callsPage(1, 100, 3))
			.get('/v1/api/calls')
			.query({ allo_number: ALLO_NUMBER, page: '2', size: '100' })
			.reply(500, { code: 'INTERNAL_ERROR', message: 'Internal error' });
		await expect(readCalls(client)).rejects.toMatchObject({ kind: 'server' });
		expect(scope.isDone()).toBe(true);
	});
});

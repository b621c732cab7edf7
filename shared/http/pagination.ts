import { endpoints, type Endpoint, type EndpointName } from '../catalog/endpoints';
import type { AlloClient, RequestParts } from './client';
import { requestKind, unwrap } from './client';
import { asArray, asNumber, asRecord } from '../json';

export interface PageSelection {
	/** Fetch every page. */
	returnAll: boolean;
	/** Otherwise, the most records to return. */
	limit?: number;
}

export const MAX_PAGE_SIZE = 100;
/** Records returned when no limit is given: n8n's default Limit. */
export const DEFAULT_LIMIT = 50;

/** The most records a selection asks for. */
export const limitOf = (selection: PageSelection): number =>
	selection.returnAll ? Infinity : Math.max(0, selection.limit ?? DEFAULT_LIMIT);

export interface Page<T = unknown> {
	items: T[];
	totalPages?: number;
	hasMore?: boolean;
}

/** v1: `data.results` with `metadata.total_pages` (calls) or `metadata.pagination.total_pages`. */
export function readV1Page(body: unknown): Page {
	const data = asRecord(unwrap(body));
	const metadata = asRecord(data.metadata);
	const items = asArray(data.results);
	return {
		items,
		totalPages:
			asNumber(asRecord(metadata.pagination).total_pages) ??
			asNumber(metadata.total_pages) ??
			undefined,
	};
}

/** v2: `data` is the array, `pagination` sits beside it. */
export function readV2Page(body: unknown): Page {
	const envelope = asRecord(body);
	const pagination = asRecord(envelope.pagination);
	const data = unwrap(body);
	return {
		items: Array.isArray(data) ? data : [],
		totalPages: asNumber(pagination.total_pages) ?? undefined,
		hasMore: typeof pagination.has_more === 'boolean' ? pagination.has_more : undefined,
	};
}

/**
 * Fetches records from a paged endpoint, keeping Allo's order. The page count arrives with the
 * first page; waiting for it before asking for the rest costs a round trip on every second of
 * pages (Allo takes one second's worth at once, then the next second's). So the first window asks
 * at once for as many pages as the limit needs and `PageCounts` expects (never more than Allo
 * takes at once: pages a list turns out not to have are ignored); the rest follow with as many
 * requests in flight as the rate limit and the measured latency need (the client's pacer keeps
 * them within the limit). `map` turns each record as its page arrives, so the work overlaps the
 * wait for the other pages.
 */
export async function paginate<T = unknown>(
	client: AlloClient,
	name: EndpointName,
	parts: RequestParts,
	selection: PageSelection,
	map: (record: unknown) => T = (record) => record as T,
): Promise<T[]> {
	const endpoint: Endpoint = endpoints[name];
	if (!endpoint.paging) throw new TypeError(`${name} is not a paged endpoint`);
	const limit = limitOf(selection);
	if (limit === 0) return [];
	const size = Math.min(MAX_PAGE_SIZE, limit);
	const firstPage = endpoint.paging === 'v1' ? 0 : 1;
	const readPage = endpoint.paging === 'v1' ? readV1Page : readV2Page;
	const kind = requestKind(endpoint);
	const pagesForLimit = Math.ceil(limit / size);
	const list = JSON.stringify([name, parts, size]);

	const fetchPage = async (number: number): Promise<Page<T>> => {
		const paging = { page: number, size };
		const request: RequestParts =
			endpoint.pagingIn === 'body'
				? { ...parts, body: { ...asRecord(parts.body), ...paging } }
				: { ...parts, query: { ...parts.query, ...paging } };
		const page = readPage(await client.callEnvelope(name, request));
		return { ...page, items: page.items.map(map) };
	};
	const ahead = Math.min(pagesForLimit, client.pagesAhead(name, list), client.burst(kind));
	const window = await Promise.allSettled(
		Array.from({ length: ahead }, (_, i) => fetchPage(firstPage + i)),
	);
	if (window[0].status === 'rejected') throw window[0].reason;
	const first = window[0].value;
	if (first.totalPages !== undefined) client.rememberPageCount(list, first.totalPages);
	// A page asked for ahead that the list no longer has may fail: only pages it has count.
	const pagesKnown = first.totalPages ?? Infinity;

	const records: T[] = [];
	let hasMore = true;
	for (const [i, settled] of window.entries()) {
		if (!hasMore || i >= pagesKnown) break;
		if (settled.status === 'rejected') throw settled.reason;
		const page = settled.value;
		records.push(...page.items);
		hasMore =
			page.items.length > 0 &&
			(page.hasMore ?? page.items.length === size) &&
			records.length < limit;
	}
	if (!hasMore) return records.slice(0, limit);

	if (first.totalPages !== undefined) {
		const pagesWanted = Math.min(first.totalPages, pagesForLimit);
		const rest = await mapConcurrent(
			Array.from({ length: Math.max(0, pagesWanted - ahead) }, (_, i) => firstPage + ahead + i),
			client.inFlight(kind),
			fetchPage,
		);
		for (const page of rest) records.push(...page.items);
		return records.slice(0, limit);
	}

	// No page count (v2 without total_pages): follow has_more one page at a time.
	let page = firstPage + ahead - 1;
	while (hasMore && records.length < limit) {
		const next = await fetchPage(++page);
		records.push(...next.items);
		hasMore = next.items.length > 0 && (next.hasMore ?? next.items.length === size);
	}
	return records.slice(0, limit);
}

/** Like Promise.all over `items`, with at most `concurrency` calls in flight; keeps order. */
export async function mapConcurrent<T, R>(
	items: T[],
	concurrency: number,
	fn: (item: T) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	return results;
}

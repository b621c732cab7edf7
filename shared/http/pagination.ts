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
 * Fetches records from a paged endpoint. With a limit it requests only the pages the limit needs;
 * with "return all" it reads the page count from the first page, then fetches the rest with as
 * many requests in flight as Allo's rate limit and the measured latency need (the client's pacer
 * keeps them within the limit), keeping Allo's order. `map` turns each record as its page
 * arrives, so the work overlaps the wait for the other pages.
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

	const fetchPage = async (number: number): Promise<Page<T>> => {
		const paging = { page: number, size };
		const request: RequestParts =
			endpoint.pagingIn === 'body'
				? { ...parts, body: { ...asRecord(parts.body), ...paging } }
				: { ...parts, query: { ...parts.query, ...paging } };
		const page = readPage(await client.callEnvelope(name, request));
		return { ...page, items: page.items.map(map) };
	};

	const first = await fetchPage(firstPage);
	const records = [...first.items];
	if (records.length >= limit || first.items.length === 0) return records.slice(0, limit);

	if (first.totalPages !== undefined) {
		const pagesWanted = Math.min(first.totalPages, Math.ceil(limit / size));
		const remaining = Array.from(
			{ length: Math.max(0, pagesWanted - 1) },
			(_, i) => firstPage + 1 + i,
		);
		const inFlight = client.inFlight(requestKind(endpoint));
		const pages = await mapConcurrent(remaining, inFlight, fetchPage);
		for (const page of pages) records.push(...page.items);
		return records.slice(0, limit);
	}

	// No page count (v2 without total_pages): follow has_more one page at a time.
	let page = firstPage;
	let hasMore = first.hasMore ?? first.items.length === size;
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

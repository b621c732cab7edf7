import { createHash } from 'crypto';
import { RATE_LIMITS, RequestPacer } from './rateLimit';

/** A map of at most `capacity` entries that drops the least recently used first. */
class RecentlyUsed<V> {
	private readonly entries = new Map<string, V>();

	constructor(private readonly capacity: number) {}

	get(key: string): V | undefined {
		const value = this.entries.get(key);
		if (value !== undefined) this.set(key, value);
		return value;
	}

	set(key: string, value: V): void {
		this.entries.delete(key);
		this.entries.set(key, value);
		for (const oldest of this.entries.keys()) {
			if (this.entries.size <= this.capacity) break;
			this.entries.delete(oldest);
		}
	}
}

/** Lists remembered per key. */
export const MAX_REMEMBERED_LISTS = 200;

/**
 * Pages a read asks for before the first answer, which brings the page count. A list this key
 * read before: as many as it had then. The first list this key reads from an endpoint: as many
 * as Allo takes at once, so a long list's first read needs no extra round trip, and at most one
 * second of reads is wasted per endpoint for as long as the process runs. Any other new list
 * (a filter by a moving date is one every run): its first page alone, wasting nothing.
 */
export class PageCounts {
	private readonly lists = new RecentlyUsed<number>(MAX_REMEMBERED_LISTS);
	private readonly endpointsRead = new Set<string>();

	pagesAhead(endpoint: string, list: string): number {
		const known = this.lists.get(list);
		if (known !== undefined) return Math.max(1, known);
		if (this.endpointsRead.has(endpoint)) return 1;
		// Claimed before the answer: reads starting meanwhile ask for their first page alone.
		this.endpointsRead.add(endpoint);
		return Infinity;
	}

	remember(list: string, pages: number): void {
		this.lists.set(list, pages);
	}
}

/** Allo limits reads and writes apart, per API key. */
export interface Pacers {
	read: RequestPacer;
	write: RequestPacer;
	/** Page counts of the lists this key read (see `paginate`). */
	pageCounts: PageCounts;
}

export const newPacers = (): Pacers => ({
	read: new RequestPacer(RATE_LIMITS.readsPerSecond),
	write: new RequestPacer(RATE_LIMITS.writesPerSecond),
	pageCounts: new PageCounts(),
});

/** API keys remembered at once. */
export const MAX_SHARED_KEYS = 100;

/** Pacers by a hash of base URL and key: the key itself is never kept. */
const shared = new RecentlyUsed<Pacers>(MAX_SHARED_KEYS);

/**
 * The pacers of one API key, shared by every client in this process that uses it, so workflows
 * running at the same time stay within Allo's limits together.
 */
export function sharedPacers(baseUrl: string, apiKey: string): Pacers {
	const id = createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex');
	const pacers = shared.get(id) ?? newPacers();
	shared.set(id, pacers);
	return pacers;
}

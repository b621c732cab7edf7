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
 * How many pages each list (an endpoint with its filters) had when this key last read it, so
 * reading it again can ask for its first pages at once instead of waiting for the first answer.
 */
export class PageCounts extends RecentlyUsed<number> {
	constructor() {
		super(MAX_REMEMBERED_LISTS);
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

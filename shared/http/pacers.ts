import { createHash } from 'crypto';
import { RATE_LIMITS, RequestPacer } from './rateLimit';

/** Allo limits reads and writes apart, per API key. */
export interface Pacers {
	read: RequestPacer;
	write: RequestPacer;
}

export const newPacers = (): Pacers => ({
	read: new RequestPacer(RATE_LIMITS.readsPerSecond),
	write: new RequestPacer(RATE_LIMITS.writesPerSecond),
});

/** API keys remembered at once; the least recently used is dropped first. */
export const MAX_SHARED_KEYS = 100;

/** Pacers by a hash of base URL and key: the key itself is never kept. Oldest first. */
const shared = new Map<string, Pacers>();

/**
 * The pacers of one API key, shared by every client in this process that uses it, so workflows
 * running at the same time stay within Allo's limits together.
 */
export function sharedPacers(baseUrl: string, apiKey: string): Pacers {
	const id = createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex');
	const pacers = shared.get(id) ?? newPacers();
	shared.delete(id);
	shared.set(id, pacers);
	for (const oldest of shared.keys()) {
		if (shared.size <= MAX_SHARED_KEYS) break;
		shared.delete(oldest);
	}
	return pacers;
}

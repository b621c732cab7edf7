import type { HttpResponse } from '../transport';

/** Allo's documented limits per API key. */
export const RATE_LIMITS = { readsPerSecond: 20, writesPerSecond: 5 } as const;

const header = (response: HttpResponse, name: string) => response.headers[name.toLowerCase()];

/** Seconds to wait before retrying a burst 429, from Retry-After, X-RateLimit-Reset or the body. */
export function retryAfterSeconds(
	response: HttpResponse,
	bodyRetryAfter: number | undefined,
	nowMs: number,
): number | undefined {
	const retryAfter = header(response, 'retry-after');
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - nowMs) / 1000));
	}
	if (typeof bodyRetryAfter === 'number' && Number.isFinite(bodyRetryAfter))
		return Math.max(0, bodyRetryAfter);
	const reset = Number(header(response, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) return Math.max(0, Math.ceil(reset - nowMs / 1000));
	return undefined;
}

export interface QuotaInfo {
	limit?: string;
	type?: string;
	resetInSeconds?: number;
}

/** Parses Allo's `limit=1000;type=DAILY;reset_in=3600` quota detail. */
export function parseQuotaMessage(message: string | undefined): QuotaInfo {
	const info: QuotaInfo = {};
	for (const part of (message ?? '').split(';')) {
		const [key, value] = part.split('=').map((s) => s.trim());
		if (!value) continue;
		if (key === 'limit') info.limit = value;
		else if (key === 'type') info.type = value;
		else if (key === 'reset_in' && Number.isFinite(Number(value)))
			info.resetInSeconds = Number(value);
	}
	return info;
}

/** "in 1 hour (at 14:00 UTC)": a reset time a person can plan around. */
export function describeReset(seconds: number, nowMs: number): string {
	const at = new Date(nowMs + seconds * 1000);
	const clock = `${at.toISOString().slice(11, 16)} UTC`;
	const minutes = Math.ceil(seconds / 60);
	let span: string;
	if (minutes < 60) span = `${minutes} minute${minutes === 1 ? '' : 's'}`;
	else {
		const hours = Math.floor(minutes / 60);
		const rest = minutes % 60;
		span = `${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`;
	}
	return `in ${span} (at ${clock})`;
}

/**
 * Spaces requests so that no more than `perSecond` start in any one-second window. Each caller
 * reserves the next free start time, so concurrent page fetches queue fairly without polling.
 */
export class RequestPacer {
	private readonly starts: number[] = [];

	constructor(
		private readonly perSecond: number,
		private readonly now: () => number,
		private readonly sleep: (ms: number) => Promise<void>,
	) {}

	async slot(): Promise<void> {
		const now = this.now();
		const windowStart =
			this.starts.length >= this.perSecond
				? this.starts[this.starts.length - this.perSecond]
				: -Infinity;
		const start = Math.max(now, windowStart + 1000);
		this.starts.push(start);
		if (this.starts.length > this.perSecond)
			this.starts.splice(0, this.starts.length - this.perSecond);
		if (start > now) await this.sleep(start - now);
	}
}

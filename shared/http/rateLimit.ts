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

/** The timer a pacer waits on: the calling client's transport. */
export interface PacerClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/** Keeps requests in flight for this many seconds of latency at most; beyond that they queue. */
const MAX_LATENCY_COVERED_SECONDS = 4;
/** Before the first answer, assume a slow round trip (one second): enough in flight, never too many. */
const ASSUMED_LATENCY_MS = 1000;
/**
 * Requests that leave exactly a second after the one a window before them are refused whenever
 * they arrive a hair sooner after it than they left: the window always counts a little more.
 * Each refusal widens it by more (up to the most), and each answer narrows it back a little, so a
 * key that sees refusals leaves itself more slack.
 */
const MIN_SLACK_MS = 10;
const SLACK_PER_REFUSAL_MS = 20;
const MAX_SLACK_MS = 100;
const SLACK_RECOVERY_MS = 0.05;
/** After this long without an answer, a platform's connections to Allo may have closed. */
const COLD_AFTER_MS = 5000;

/** A request's start, as the pacer counts it. */
export interface PacedStart {
	/** When it left. */
	at: number;
	/** Sent before any answer had come back lately (see `RequestPacer.reachedAllo`). */
	cold: boolean;
	roundTripMs?: number;
}

/**
 * Spaces requests so that no more than `perSecond` start in any one-second window. Each caller
 * reserves the next free start time, so concurrent callers queue fairly without polling. Callers
 * may bring their own clock (executions sharing one API key share one pacer); round trips are
 * measured, so callers know how many requests to keep in flight.
 */
export class RequestPacer {
	/** The latest starts, in the order they were reserved. */
	private readonly starts: PacedStart[] = [];
	/** The latest round trips, to know the fastest. */
	private readonly roundTrips: number[] = [];
	private latencyMs?: number;
	private slackMs = MIN_SLACK_MS;
	private lastAnswerAt = -Infinity;

	constructor(readonly perSecond: number) {}

	async slot(clock: PacerClock): Promise<PacedStart> {
		const now = clock.now();
		const before =
			this.starts.length >= this.perSecond
				? this.starts[this.starts.length - this.perSecond]
				: undefined;
		const free = () => (before ? this.reachedAllo(before) + 1000 + this.slackMs : -Infinity);
		const start: PacedStart = {
			at: Math.max(now, free()),
			cold: now - this.lastAnswerAt > COLD_AFTER_MS,
		};
		this.starts.push(start);
		if (this.starts.length > this.perSecond)
			this.starts.splice(0, this.starts.length - this.perSecond);
		// The start a window before may turn out to have reached Allo later (its answer tells): wait for that too.
		let waited = now;
		for (let due = start.at; due > waited; due = free()) {
			await clock.sleep(due - waited);
			waited = due;
		}
		// A timer that fired late moves the start: later windows count from when it really left.
		start.at = Math.max(waited, clock.now());
		return start;
	}

	/**
	 * The latest a start may have reached Allo, as far as the answers tell. A request sent with no
	 * connection open (the first ones, or after a pause) may wait on the platform (connecting,
	 * loading the credential, one request after another) before it leaves, while the requests a
	 * second later leave at once: counted from when they were sent, those would arrive within the
	 * same second at Allo. So a cold start whose round trip took longer than the fastest counts as
	 * leaving that much later. Warm requests wait alike, so their starts stand.
	 */
	private reachedAllo(start: PacedStart): number {
		if (!start.cold || start.roundTripMs === undefined) return start.at;
		return start.at + Math.max(0, start.roundTripMs - Math.min(...this.roundTrips));
	}

	/** Records an answer to a start: its round trip (a moving average, so a slow answer does not swing it). */
	answered(start: PacedStart, answeredAt: number, refused: boolean): void {
		const roundTripMs = Math.max(0, answeredAt - start.at);
		start.roundTripMs = roundTripMs;
		this.lastAnswerAt = Math.max(this.lastAnswerAt, answeredAt);
		this.roundTrips.push(roundTripMs);
		if (this.roundTrips.length > this.perSecond) this.roundTrips.shift();
		this.latencyMs =
			this.latencyMs === undefined ? roundTripMs : 0.8 * this.latencyMs + 0.2 * roundTripMs;
		this.slackMs = refused
			? Math.min(MAX_SLACK_MS, this.slackMs + SLACK_PER_REFUSAL_MS)
			: Math.max(MIN_SLACK_MS, this.slackMs - SLACK_RECOVERY_MS);
	}

	/**
	 * Requests to keep in flight to start `perSecond` each second at the measured latency: one
	 * window's burst plus what a round trip holds, bounded.
	 */
	inFlight(): number {
		const latencySeconds = Math.min(
			(this.latencyMs ?? ASSUMED_LATENCY_MS) / 1000,
			MAX_LATENCY_COVERED_SECONDS,
		);
		return Math.ceil(this.perSecond * (1 + latencySeconds));
	}
}

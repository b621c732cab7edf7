import { createHash } from 'crypto';
import type { AlloEvent } from './event';

/** Allo retries a delivery for about 27 hours; ids are remembered a little longer. */
export const DELIVERY_HORIZON_SECONDS = 30 * 60 * 60;
/** Ids remembered per trigger; beyond this the oldest are forgotten first. */
export const DELIVERY_CAPACITY = 100_000;

/** Ends a claim: accepted records the delivery as handled; not accepted lets a later copy run it. */
export type SettleClaim = (accepted: boolean, nowMs?: number) => void;

/**
 * The deliveries one trigger has already handled, newest last, in bounded memory. A delivery is
 * claimed before its execution starts and recorded only once it was accepted, so a copy sent
 * again after a failed start still runs. Claiming checks and opens the claim in one synchronous
 * step, so two copies arriving at the same instant cannot both pass: JavaScript runs one of them
 * to its first await before the other starts.
 */
export class DeliveryLedger {
	/** Key → second it was recorded. */
	private readonly seen = new Map<string, number>();
	/** The same keys oldest first, as a ring: forgetting the oldest costs the same at any size. */
	private readonly order: string[] = [];
	private start = 0;
	/** Keys claimed and not settled yet: copies arriving meanwhile wait for the outcome. */
	private readonly open = new Map<string, Promise<void>>();

	constructor(
		readonly capacity = DELIVERY_CAPACITY,
		readonly horizonSeconds = DELIVERY_HORIZON_SECONDS,
	) {}

	get size(): number {
		return this.seen.size;
	}

	/**
	 * Claims `key` for one copy of a delivery: null when it was already handled within the horizon,
	 * else the function to call once the copy's outcome is known. A copy arriving while another
	 * holds the claim waits for that outcome.
	 */
	async claim(key: string, nowMs = Date.now()): Promise<SettleClaim | null> {
		for (let open = this.open.get(key); open; open = this.open.get(key)) await open;
		const at = this.seen.get(key);
		if (at !== undefined && Math.floor(nowMs / 1000) - at < this.horizonSeconds) return null;
		let release = () => {};
		this.open.set(key, new Promise<void>((resolve) => (release = resolve)));
		let settled = false;
		return (accepted, settledMs = Date.now()) => {
			if (settled) return;
			settled = true;
			if (accepted) this.firstSeen(key, settledMs);
			this.open.delete(key);
			release();
		};
	}

	/** Records `key`; false when it was already recorded within the horizon. */
	firstSeen(key: string, nowMs = Date.now()): boolean {
		const now = Math.floor(nowMs / 1000);
		while (this.seen.size > 0) {
			const oldest = this.order[this.start];
			const at = this.seen.get(oldest) as number;
			if (now - at < this.horizonSeconds && this.seen.size < this.capacity) break;
			this.seen.delete(oldest);
			this.start = (this.start + 1) % this.capacity;
		}
		if (this.seen.has(key)) return false;
		this.order[(this.start + this.seen.size) % this.capacity] = key;
		this.seen.set(key, now);
		return true;
	}
}

/** A fixed-size key (22 characters, 132 bits of SHA-256), whatever the sender put in the parts. */
const digest = (parts: readonly string[]) =>
	createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);

/**
 * What makes a delivery the same as an earlier one: the `webhook-id` of a signed v2 delivery, or
 * for unsigned v1 deliveries the topic, the record's id and the event's time. Null when a v1
 * payload carries neither id nor time, so nothing can tell its copies apart.
 */
export function deliveryKey(event: AlloEvent, deliveryId: string | null): string | null {
	if (deliveryId) return digest(['v2', deliveryId]);
	const recordId =
		event.call?.id ??
		event.message?.id ??
		event.contact?.id ??
		(typeof event.data.id === 'string' || typeof event.data.id === 'number'
			? String(event.data.id)
			: null);
	if (!recordId && !event.occurred_at) return null;
	return digest(['v1', event.topic, recordId ?? '', event.occurred_at ?? '']);
}

/** Levels of nesting kept in an event's `data`; deeper values are replaced by a marker. */
export const MAX_PAYLOAD_DEPTH = 32;
export const CUT_MARKER = `[cut: nested deeper than ${MAX_PAYLOAD_DEPTH} levels]`;

/** `value` with everything below `depth` levels of objects and arrays replaced by the marker. */
export function cutDepth(value: unknown, depth = MAX_PAYLOAD_DEPTH): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (depth <= 0) return CUT_MARKER;
	if (Array.isArray(value)) return value.map((entry) => cutDepth(entry, depth - 1));
	return Object.fromEntries(
		Object.entries(value as Record<string, unknown>).map(([key, entry]) => [
			key,
			cutDepth(entry, depth - 1),
		]),
	);
}

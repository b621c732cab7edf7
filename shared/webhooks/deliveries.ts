import { createHash } from 'crypto';
import type { AlloEvent } from './event';

/** Allo retries a delivery for about 27 hours; ids are remembered a little longer. */
export const DELIVERY_HORIZON_SECONDS = 30 * 60 * 60;
/** Ids remembered per trigger; beyond this the oldest are forgotten first. */
export const DELIVERY_CAPACITY = 100_000;

/**
 * The deliveries one trigger has already handled, newest last, in bounded memory. Checking and
 * recording are one synchronous step, so two copies arriving at the same instant cannot both
 * pass: JavaScript runs one of them to the end before the other starts.
 */
export class DeliveryLedger {
	/** Key → second it was recorded; a Map keeps insertion order, so the oldest come first. */
	private readonly seen = new Map<string, number>();

	constructor(
		readonly capacity = DELIVERY_CAPACITY,
		readonly horizonSeconds = DELIVERY_HORIZON_SECONDS,
	) {}

	get size(): number {
		return this.seen.size;
	}

	/** Records `key`; false when it was already recorded within the horizon. */
	firstSeen(key: string, nowMs = Date.now()): boolean {
		const now = Math.floor(nowMs / 1000);
		for (const [oldest, at] of this.seen) {
			if (now - at < this.horizonSeconds && this.seen.size < this.capacity) break;
			this.seen.delete(oldest);
		}
		if (this.seen.has(key)) return false;
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

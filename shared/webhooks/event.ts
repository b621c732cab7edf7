import { normaliseCall, type Call } from '../records/call';
import { normaliseContact, type Contact } from '../records/contact';
import { normaliseMessage, type Message } from '../records/message';
import { asRecord, asString, parseJsonOrText, pick, toIsoDate, type JsonRecord } from '../json';
import { eventForTopic, type V1Topic, type V2Topic } from './topics';

/**
 * The one event shape both platforms emit, whatever Allo sent (v1 `data` or older `body`
 * envelopes, snake_case or camelCase, or v2 envelopes).
 */
export interface AlloEvent {
	/** The delivery id (`webhook-id`), used to drop duplicate deliveries; null for v1. */
	event_id: string | null;
	/** The v2 topic name, e.g. `call.completed`; unknown topics pass through as sent. */
	topic: V2Topic | string;
	/** The v1 topic of the same event, e.g. `CALL_RECEIVED`. */
	v1_topic: V1Topic | null;
	/** @deprecated The former name of `v1_topic`, kept through 0.3.x and removed in 0.4.0. */
	seed_topic: V1Topic | null;
	/** Title Case name of the event, e.g. "Call Completed". */
	event: string;
	api_version: 'v1' | 'v2';
	/** When the event happened (ISO-8601, UTC). */
	occurred_at: string | null;
	/** The Allo number involved, for filtering. */
	allo_number: string | null;
	/** Set for call and summary events. */
	call: Call | null;
	/** Set for SMS events. */
	message: Message | null;
	/** The contact the event is about (contact events, or the caller's record on call events). */
	contact: Contact | null;
	/** Set for tag events. */
	tag: string | null;
	/** The payload exactly as Allo sent it. */
	data: JsonRecord;
}

function parse(body: unknown): JsonRecord {
	if (typeof body === 'string') return asRecord(parseJsonOrText(body));
	if (body instanceof Uint8Array) return parse(new TextDecoder().decode(body));
	return asRecord(body);
}

export function normaliseEvent(body: unknown, deliveryId?: string | null): AlloEvent {
	const envelope = parse(body);
	const topicName = asString(pick(envelope, 'topic', 'type', 'event')) ?? 'unknown';
	const declaration = eventForTopic(topicName);
	const apiVersion = topicName.includes('.') || envelope.version !== undefined ? 'v2' : 'v1';
	const data = asRecord(pick(envelope, 'data', 'body', 'payload'));
	const subject = declaration?.subject;
	// SMS payloads use `type` for SMS/MMS, calls for INBOUND/OUTBOUND: only a direction counts as one.
	const stated = [data.direction, data.type].some(
		(value) => value === 'INBOUND' || value === 'OUTBOUND',
	);
	const withDirection =
		declaration?.direction && !stated ? { ...data, direction: declaration.direction } : data;

	const call = subject === 'call' || subject === 'summary' ? normaliseCall(withDirection) : null;
	const message = subject === 'sms' ? normaliseMessage(withDirection) : null;
	const person = subject === 'contact' ? data : pick(data, 'person', 'contact');
	const contact = person ? normaliseContact(person) : null;

	return {
		event_id: deliveryId ?? asString(pick(envelope, 'id', 'event_id')),
		topic: declaration?.topic ?? topicName,
		v1_topic: declaration?.v1Topic ?? null,
		seed_topic: declaration?.v1Topic ?? null,
		event: declaration?.label ?? topicName,
		api_version: apiVersion,
		occurred_at:
			toIsoDate(envelope.timestamp) ??
			call?.start_date ??
			message?.sent_at ??
			contact?.updated_at ??
			null,
		allo_number:
			call?.allo_number ??
			message?.allo_number ??
			asString(pick(data, 'allo_number', 'alloNumber')),
		call,
		message,
		contact,
		tag: subject === 'tag' ? asString(pick(data, 'tag', 'tag_name', 'name')) : null,
		data,
	};
}

/** Whether an event concerns one of the given Allo numbers; no numbers means every event. */
export function eventMatchesNumbers(event: AlloEvent, alloNumbers: readonly string[]): boolean {
	return (
		alloNumbers.length === 0 ||
		(event.allo_number !== null && alloNumbers.includes(event.allo_number))
	);
}

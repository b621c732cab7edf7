import {
	normaliseCall,
	sampleCall,
	sampleContact,
	sampleMessage,
	type AlloEvent,
	type EventDeclaration,
	type JsonRecord,
} from '../../shared';

/** What a hook trigger emits: the call, text or contact itself, then the event's details. */
export function eventOutput(
	declaration: EventDeclaration,
	record: JsonRecord,
	eventId: string | null,
	occurredAt: string | null,
): JsonRecord {
	return {
		...record,
		event_id: eventId,
		topic: declaration.topic,
		event: declaration.label,
		occurred_at: occurredAt,
	};
}

/** The record an event is about, as the core normalised it. */
export function eventRecord(declaration: EventDeclaration, event: AlloEvent): JsonRecord | null {
	const records: Record<string, object | null> = {
		call: event.call,
		summary: event.call,
		// A tag event is about a call: its record is the call, with the tag beside it.
		tag: event.tag === null ? null : { ...normaliseCall(event.data), tag: event.tag },
		sms: event.message,
		contact: event.contact,
	};
	const record = records[declaration.subject];
	return record ? { ...record } : null;
}

/** When a listed record happened, the way normaliseEvent dates a delivery without a timestamp. */
export const recordDate = (record: JsonRecord): string | null =>
	((record.start_date ?? record.sent_at ?? record.updated_at ?? record.created_at) as
		| string
		| null) ?? null;

const SAMPLES: Record<string, object> = {
	call: sampleCall,
	summary: sampleCall,
	tag: { ...sampleCall, tag: 'support' },
	sms: sampleMessage,
	contact: sampleContact,
};

/** The core sample of the event's record, turned to the event's direction (inbound texts). */
export function sampleRecord(declaration: EventDeclaration): JsonRecord {
	const sample: JsonRecord = { ...SAMPLES[declaration.subject] };
	if (!declaration.direction || sample.direction === declaration.direction) return sample;
	return {
		...sample,
		direction: declaration.direction,
		from_number: sample.to_number,
		from_name: sample.to_name,
		to_number: sample.from_number,
		to_name: sample.from_name,
	};
}

/** Standard Webhooks id of the delivery in Allo's docs. */
const SAMPLE_DELIVERY_ID = 'msg_2NfDKEm9sF8xK3pQr1Zt';

export function eventSample(declaration: EventDeclaration): JsonRecord {
	const record = sampleRecord(declaration);
	return eventOutput(declaration, record, SAMPLE_DELIVERY_ID, recordDate(record));
}

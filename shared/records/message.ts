import { asRecord, asString, omit, pick, toIsoDate } from '../json';

export interface Message {
	id: string | null;
	direction: 'INBOUND' | 'OUTBOUND' | null;
	/** SMS, MMS or WHATSAPP where Allo says. */
	message_type: string | null;
	from_number: string | null;
	from_name: string | null;
	sender_id: string | null;
	to_number: string | null;
	to_name: string | null;
	/** The Allo number of the conversation: the sender of outbound texts, the recipient of inbound ones; null for texts from a sender ID. */
	allo_number: string | null;
	contact_number: string | null;
	content: string | null;
	sent_at: string | null;
	status: string | null;
}

/** One text-message shape for sent SMS, conversation messages, v2 items and SMS webhooks. */
export function normaliseMessage(raw: unknown): Message {
	const message = asRecord(raw);
	const directionValue = pick(message, 'direction', 'type');
	const direction =
		directionValue === 'INBOUND' || directionValue === 'OUTBOUND' ? directionValue : null;
	const typeValue = asString(pick(message, 'message_type', 'messageType'));
	const inbound = direction === 'INBOUND';
	const outbound = direction === 'OUTBOUND';
	// v2 items name the two sides instead of sender and recipient.
	const alloSide = asString(message.allo_number);
	const contactSide = asString(message.contact_number);
	const from =
		asString(pick(message, 'from_number', 'fromNumber', 'from')) ??
		(inbound ? contactSide : outbound ? alloSide : null);
	const to =
		asString(pick(message, 'to_number', 'toNumber', 'to')) ??
		(inbound ? alloSide : outbound ? contactSide : null);
	const senderId = asString(pick(message, 'sender_id', 'senderId'));
	return {
		id: asString(message.id),
		direction,
		message_type:
			typeValue ??
			(message.type === 'SMS' || message.type === 'MMS' ? (message.type as string) : 'SMS'),
		from_number: from,
		from_name: asString(pick(message, 'from_name', 'fromName')),
		sender_id: senderId,
		to_number: to,
		to_name: asString(pick(message, 'to_name', 'toName')),
		allo_number: alloSide ?? (inbound ? to : from),
		contact_number: contactSide ?? (inbound ? from : to),
		content: asString(pick(message, 'content', 'message', 'body', 'text')),
		sent_at: toIsoDate(pick(message, 'sent_at', 'sentAt', 'start_date', 'startDate', 'date')),
		status: asString(message.status),
	};
}

/** Allo's answer to a sent text carries no id and no status: they are left out rather than output as null. */
export type SentMessage = Omit<Message, 'id' | 'status'>;

export function normaliseSentMessage(raw: unknown): SentMessage {
	return omit(normaliseMessage({ direction: 'OUTBOUND', ...asRecord(raw) }), 'id', 'status');
}

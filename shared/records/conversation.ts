import { asRecord } from '../json';
import { normaliseCall } from './call';
import { normaliseMessage } from './message';

/** A conversation entry: a call or a text, told apart by `type`. */
export function normaliseConversationItem(raw: unknown) {
	const item = asRecord(raw);
	if (item.type === 'TEXT_MESSAGE' || (item.message && !item.call)) {
		const message = normaliseMessage(item.message);
		return { type: 'SMS', date: message.sent_at, call: null, message };
	}
	const call = normaliseCall(item.call);
	return { type: 'CALL', date: call.start_date, call, message: null };
}

import {
	ALL_NUMBERS,
	mapConcurrent,
	normaliseContact,
	recentMessages,
	runOperation,
	type AlloClient,
	type EventDeclaration,
	type JsonRecord,
} from '../../shared';
import { getManyCalls, getManyContacts } from '../../shared/operations';
import { recordDate } from './output';

/** Records a hook trigger shows when Zapier loads samples. */
export const RECENT_LIMIT = 25;
/**
 * Contacts shown as samples: each costs a read of its details (for its emails), and a Zap step
 * never waits, so the list and the details stay within Allo's 20 reads per second.
 */
export const RECENT_CONTACTS = 10;

const newestFirst = (key: (record: JsonRecord) => unknown) => (a: JsonRecord, b: JsonRecord) =>
	String(key(b) ?? '').localeCompare(String(key(a) ?? ''));
/**
 * The latest records an event is about, newest first, read with the core operations: the polling
 * side of a REST hook trigger.
 */
export async function recentRecords(
	client: AlloClient,
	declaration: EventDeclaration,
	alloNumber?: string,
): Promise<JsonRecord[]> {
	let records: JsonRecord[];
	if (['call', 'summary', 'tag'].includes(declaration.subject)) {
		const selection = { returnAll: false, limit: RECENT_LIMIT };
		const calls = await runOperation(
			getManyCalls,
			client,
			{ alloNumber: alloNumber ?? ALL_NUMBERS },
			selection,
		);
		// A tag event's record is a tagged call with the tag beside it.
		records =
			declaration.subject === 'tag'
				? calls.flatMap((call) => {
						const tag: unknown = Array.isArray(call.tags) ? call.tags[0] : undefined;
						return typeof tag === 'string' ? [{ ...call, tag }] : [];
					})
				: calls;
	} else if (declaration.subject === 'sms') {
		const messages = await recentMessages(client, {
			direction: declaration.direction,
			alloNumber,
			limit: RECENT_LIMIT,
		});
		records = messages.map((message) => ({ ...message }));
	} else {
		records = await runOperation(getManyContacts, client, {}, { returnAll: false, limit: 100 });
	}
	const date =
		declaration.topic === 'contact.created'
			? (record: JsonRecord) => record.created_at
			: recordDate;
	const sorted = records.sort(newestFirst(date));
	return declaration.subject === 'contact'
		? withContactEmails(client, sorted.slice(0, RECENT_CONTACTS))
		: sorted.slice(0, RECENT_LIMIT);
}

/** Allo's contact list carries no emails: each listed contact's are read from its details. */
function withContactEmails(client: AlloClient, contacts: JsonRecord[]): Promise<JsonRecord[]> {
	return mapConcurrent(contacts, client.inFlight('read'), async (contact) => {
		const details = await client.call('getContact', {
			path: { contact_id: contact.id as string },
		});
		return { ...contact, emails: normaliseContact(details).emails };
	});
}

import {
	ALL_NUMBERS,
	runOperation,
	type AlloClient,
	type EventDeclaration,
	type JsonRecord,
} from '../../../shared';
import { getManyCalls, getManyContacts, getManyConversation } from '../../../shared/operations';
import { recordDate } from './output';

/** Records a hook trigger shows when Zapier loads samples. */
export const RECENT_LIMIT = 25;
/** Texts have no list of their own: they are read from the conversations of the latest contacts. */
export const CONTACTS_SCANNED = 5;

const newestFirst = (key: (record: JsonRecord) => unknown) => (a: JsonRecord, b: JsonRecord) =>
	String(key(b) ?? '').localeCompare(String(key(a) ?? ''));

async function recentMessages(
	client: AlloClient,
	direction: string | undefined,
	alloNumber?: string,
) {
	const contacts = await runOperation(
		getManyContacts,
		client,
		{},
		{ returnAll: false, limit: 100 },
	);
	const latest = contacts
		.filter((contact) => contact.id)
		.sort(newestFirst((contact) => contact.last_activity_date))
		.slice(0, CONTACTS_SCANNED);
	const messages: JsonRecord[] = [];
	for (const contact of latest) {
		const items = await runOperation(
			getManyConversation,
			client,
			{ contactId: contact.id, alloNumber },
			{ returnAll: false, limit: RECENT_LIMIT },
		);
		for (const item of items) {
			const message = item.message as JsonRecord | null;
			if (message && (!direction || message.direction === direction)) messages.push(message);
		}
	}
	return messages;
}

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
		records = await recentMessages(client, declaration.direction, alloNumber);
	} else {
		records = await runOperation(getManyContacts, client, {}, { returnAll: false, limit: 100 });
	}
	const date =
		declaration.topic === 'contact.created'
			? (record: JsonRecord) => record.created_at
			: recordDate;
	return records.sort(newestFirst(date)).slice(0, RECENT_LIMIT);
}

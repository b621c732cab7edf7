import type { AlloClient } from '../http/client';
import { paginate } from '../http/pagination';
import { normaliseMessage, type Message } from '../records/message';

export interface MessageQuery {
	direction?: 'INBOUND' | 'OUTBOUND';
	alloNumber?: string;
	limit: number;
}

/** The workspace's latest texts, newest first, with their ids, from Allo's conversation search. */
export async function recentMessages(client: AlloClient, query: MessageQuery): Promise<Message[]> {
	const body = {
		type: 'SMS',
		sort: 'DATE_DESC',
		...(query.direction ? { direction: query.direction } : {}),
		...(query.alloNumber ? { allo_number: query.alloNumber } : {}),
	};
	const items = await paginate(
		client,
		'searchConversationItems',
		{ body },
		{ returnAll: false, limit: query.limit },
	);
	return items.map(normaliseMessage);
}

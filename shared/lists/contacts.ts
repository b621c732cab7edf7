import type { AlloClient } from '../http/client';
import { MAX_PAGE_SIZE, readV1Page } from '../http/pagination';
import { normaliseContact } from '../records/contact';
import { stripSeparators } from '../validation/phone';

export interface ContactChoice {
	value: string;
	label: string;
	description?: string;
}

export interface ContactPage {
	results: ContactChoice[];
	/** The next page to ask for, when there is one. */
	nextPage?: number;
}

/** One page of contacts for a searchable dropdown; the filter matches names and numbers. */
export async function contactChoices(
	client: AlloClient,
	page = 0,
	filter?: string,
): Promise<ContactPage> {
	const { items, totalPages = 0 } = readV1Page(
		await client.callEnvelope('searchContacts', { query: { page, size: MAX_PAGE_SIZE } }),
	);
	const needle = filter?.trim().toLowerCase();
	const results = items
		.map(normaliseContact)
		.filter((contact) => contact.id !== null)
		.filter(
			(contact) =>
				!needle ||
				(contact.full_name ?? '').toLowerCase().includes(needle) ||
				contact.numbers.some((number) => number.includes(stripSeparators(needle))),
		)
		.map((contact) => ({
			value: contact.id as string,
			label: contact.full_name ?? contact.numbers[0] ?? (contact.id as string),
			description:
				[contact.numbers[0], contact.company_name].filter(Boolean).join(' · ') || undefined,
		}));
	return { results, nextPage: page + 1 < totalPages ? page + 1 : undefined };
}

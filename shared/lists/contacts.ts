import type { AlloClient } from '../http/client';
import { isAlloError } from '../http/errors';
import { MAX_PAGE_SIZE, paginate, readV1Page, readV2Page } from '../http/pagination';
import { normaliseContact, type Contact } from '../records/contact';
import { settle } from '../settle';
import { stripSeparators } from '../validation/phone';

export interface ContactChoice {
	value: string;
	label: string;
	/** "number · company", so equal names can be told apart. */
	description?: string;
}

export interface ContactPage {
	results: ContactChoice[];
	/** The next page to ask for, when there is one. */
	nextPage?: number;
}

/**
 * A choice as one line, "Jane Doe (+14155551234 · Acme Corp)": pickers that show names only still
 * tell equal names apart.
 */
export const choiceName = (choice: ContactChoice) =>
	choice.description ? `${choice.label} (${choice.description})` : choice.label;

/** Contacts read when the key cannot search the CRM: the first 10 pages of 100, as Find does. */
export const PICKER_SCAN_LIMIT = 1000;

const toChoice = (contact: Contact): ContactChoice => ({
	value: contact.id as string,
	label: contact.full_name ?? contact.numbers[0] ?? (contact.id as string),
	description: [contact.numbers[0], contact.company_name].filter(Boolean).join(' · ') || undefined,
});

const choices = (raw: unknown[]) =>
	raw
		.map(normaliseContact)
		.filter((contact) => contact.id !== null)
		.map(toChoice);

/** One page of Allo's contact list, in Allo's order. */
async function listPage(client: AlloClient, page: number): Promise<ContactPage> {
	const { items, totalPages = 0 } = readV1Page(
		await client.callEnvelope('searchContacts', { query: { page, size: MAX_PAGE_SIZE } }),
	);
	return { results: choices(items), nextPage: page + 1 < totalPages ? page + 1 : undefined };
}

const matches = (needle: string) => {
	const digits = stripSeparators(needle);
	return (choice: ContactChoice) =>
		choice.label.toLowerCase().includes(needle) ||
		(choice.description ?? '').toLowerCase().includes(needle) ||
		(digits !== '' && (choice.description ?? '').includes(digits));
};

/**
 * Contacts matching a search over every contact: Allo's CRM search (names, emails, numbers,
 * companies) page by page; a key without CRM_READ reads the first contacts of the list instead.
 */
async function searchPage(client: AlloClient, page: number, filter: string): Promise<ContactPage> {
	const search = await settle(
		client.callEnvelope('searchPeople', {
			body: { search: filter, sort: 'NAME_ASC', page: page + 1, size: MAX_PAGE_SIZE },
		}),
	);
	if (search.ok) {
		const { items, hasMore } = readV2Page(search.value);
		return { results: choices(items), nextPage: hasMore ? page + 1 : undefined };
	}
	if (!isAlloError(search.error) || search.error.kind !== 'permission') throw search.error;
	const scanned = await paginate(
		client,
		'searchContacts',
		{},
		{ returnAll: false, limit: PICKER_SCAN_LIMIT },
	);
	return { results: choices(scanned).filter(matches(filter.toLowerCase())) };
}

/** One page of contacts for a searchable dropdown; a filter searches every contact. */
export async function contactChoices(
	client: AlloClient,
	page = 0,
	filter?: string,
): Promise<ContactPage> {
	const needle = filter?.trim();
	return needle ? searchPage(client, page, needle) : listPage(client, page);
}

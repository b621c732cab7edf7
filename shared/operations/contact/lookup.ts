import { API_KEYS_PAGE } from '../../http/auth';
import type { AlloClient } from '../../http/client';
import { AlloError, isAlloError } from '../../http/errors';
import { settle } from '../../settle';
import { paginate } from '../../http/pagination';
import { normaliseContact, type Contact } from '../../records/contact';

/** Contacts read when the key cannot search the CRM: 10 pages of 100. */
export const FALLBACK_SCAN_LIMIT = 1000;

export interface ContactQuery {
	phoneNumber?: string;
	email?: string;
}

/**
 * Finds contacts by phone number (exact) or email with Allo's CRM search. Keys without the
 * CRM_READ scope fall back to reading the first contacts of the v1 list, by phone number only.
 */
export async function findContacts(
	client: AlloClient,
	query: ContactQuery,
	limit: number,
): Promise<Contact[]> {
	const filters = {
		...(query.phoneNumber ? { phone_number: query.phoneNumber } : {}),
		...(query.email ? { email: query.email } : {}),
	};
	const search = await settle(
		paginate(client, 'searchPeople', { body: { filters } }, { returnAll: false, limit }),
	);
	if (search.ok) return search.value.map(normaliseContact);
	const { error } = search;
	if (!isAlloError(error) || error.kind !== 'permission') throw error;
	const { phoneNumber } = query;
	if (!phoneNumber) {
		throw new AlloError({
			code: error.code,
			kind: 'permission',
			httpStatus: error.httpStatus,
			field: 'email',
			message: 'Finding contacts by email needs the CRM_READ permission, which the API key lacks',
			fix: `Create an API key that includes the CRM_READ scope at ${API_KEYS_PAGE}, or find the contact by phone number.`,
			nextStep: 'replaceKey',
		});
	}
	const scanned = await paginate(
		client,
		'searchContacts',
		{},
		{ returnAll: false, limit: FALLBACK_SCAN_LIMIT },
	);
	return scanned
		.map(normaliseContact)
		.filter((contact) => contact.numbers.includes(phoneNumber))
		.slice(0, limit);
}

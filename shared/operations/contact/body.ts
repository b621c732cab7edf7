import type { AlloClient } from '../../http/client';
import { normaliseContact, type Contact } from '../../records/contact';

/** The contact fields of validated input that Allo's v1 API writes. */
export interface ContactDetails {
	firstName?: string;
	lastName?: string;
	jobTitle?: string;
	website?: string;
	emails?: string[];
	numbers?: string[];
}

/** The v1 contact body from validated input; fields not given are left out. */
export function contactBody(input: ContactDetails): Record<string, unknown> {
	const body: Record<string, unknown> = {
		name: input.firstName,
		last_name: input.lastName,
		job_title: input.jobTitle,
		website: input.website,
		emails: input.emails,
		numbers: input.numbers,
	};
	return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** "add" keeps what the contact has and appends new values, without duplicates. */
export const mergeList = (existing: string[], given: string[] | undefined, mode: unknown) =>
	given === undefined
		? undefined
		: mode === 'replace'
			? given
			: [...new Set([...existing, ...given])];

/**
 * Allo's create and update answers carry no emails: the output gets the ones the contact now has,
 * as sent, or read back when the request did not set them.
 */
export async function withEmails(
	client: AlloClient,
	answer: unknown,
	emails: string[] | undefined,
): Promise<Contact> {
	const contact = normaliseContact(answer);
	if (contact.emails.length > 0 || !contact.id) return contact;
	if (emails !== undefined) return { ...contact, emails };
	const current = await client.call('getContact', { path: { contact_id: contact.id } });
	return { ...contact, emails: normaliseContact(current).emails };
}

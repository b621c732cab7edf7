import { limitOf } from '../../http/pagination';
import { inputError } from '../../validation/inputError';
import { CONTACT_SIMPLE_KEYS } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { defineOperation } from '../define';
import { findContacts } from './lookup';

export const findContact = defineOperation({
	resource: 'contact',
	operation: 'find',
	name: 'Find',
	action: 'Find contacts',
	description:
		'Find contacts by phone number (exact match) or email; with both, contacts with either, phone number matches first. Returns nothing when none match.',
	endpoints: ['searchPeople', 'searchContacts'],
	paged: true,
	fields: [
		{
			key: 'phoneNumber',
			label: 'Phone Number',
			type: 'phone',
			example: '+14155551234',
			description: 'Find contacts with this phone number, in E.164 format',
		},
		{
			key: 'email',
			label: 'Email',
			type: 'email',
			example: 'jane@example.com',
			description: 'Find contacts with this email address',
		},
	],
	sample: { ...sampleContact },
	simplifiedKeys: CONTACT_SIMPLE_KEYS,
	async execute({ client, page }, input) {
		const { phoneNumber, email } = input;
		if (!phoneNumber && !email) {
			throw inputError(
				'phoneNumber',
				'Phone Number',
				'and Email are both empty',
				'Give a phone number or an email to search for.',
			);
		}
		const limit = limitOf(page);
		// Either one matches: contacts with the phone number first, then those with the email.
		const byPhone = phoneNumber ? await findContacts(client, { phoneNumber }, limit) : [];
		const byEmail = email ? await findContacts(client, { email }, limit) : [];
		const seen = new Set<string | null>();
		return [...byPhone, ...byEmail]
			.filter((contact) => !seen.has(contact.id) && seen.add(contact.id))
			.slice(0, limit)
			.map((contact) => ({ ...contact }));
	},
});

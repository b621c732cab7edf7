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
		'Find contacts by phone number (exact match) or email; returns nothing when none match',
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
		const contacts = await findContacts(client, { phoneNumber, email }, limitOf(page));
		return contacts.map((contact) => ({ ...contact }));
	},
});

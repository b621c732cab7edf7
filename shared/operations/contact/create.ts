import { CONTACT_SIMPLE_KEYS } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { contactDetailFields } from '../fields';
import { defineOperation } from '../types';
import { contactBody, withEmails } from './body';

export const phoneNumbersField = {
	key: 'numbers',
	label: 'Phone Numbers',
	type: 'phoneList',
	required: true,
	example: '+14155551234',
	description: 'One or more phone numbers in E.164 format, separated by commas',
} as const;

export const createContact = defineOperation({
	resource: 'contact',
	operation: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a contact in Allo with at least one phone number',
	endpoints: ['createContact'],
	fields: [phoneNumbersField, ...contactDetailFields('additionalFields')],
	simplifiedKeys: CONTACT_SIMPLE_KEYS,
	sample: { ...sampleContact },
	async execute({ client }, input) {
		const body = contactBody(input);
		const created = await client.call('createContact', { body });
		return [{ ...(await withEmails(client, created, (body.emails as string[]) ?? [])) }];
	},
});

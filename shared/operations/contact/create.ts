import { CONTACT_SIMPLE_KEYS, normaliseContact } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { contactDetailFields, contactNumbersField } from '../commonFields';
import { defineOperation } from '../define';
import { contactBody } from './body';

export const createContact = defineOperation({
	resource: 'contact',
	operation: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a contact in Allo with at least one phone number',
	endpoints: ['createContact'],
	fields: [contactNumbersField({ required: true }), ...contactDetailFields('additionalFields')],
	simplifiedKeys: CONTACT_SIMPLE_KEYS,
	sample: { ...sampleContact },
	async execute({ client }, input) {
		return [
			{ ...normaliseContact(await client.call('createContact', { body: contactBody(input) })) },
		];
	},
});

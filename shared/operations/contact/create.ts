import { CONTACT_SIMPLE_KEYS } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { contactDetailFields, contactNumbersField } from '../commonFields';
import { defineOperation } from '../define';
import { contactBody, withEmails } from './body';

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
		const body = contactBody(input);
		const created = await client.call('createContact', { body });
		return [{ ...(await withEmails(client, created, input.emails ?? [])) }];
	},
});

import { CONTACT_SIMPLE_KEYS, normaliseContact } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { contactDetailFields, listModeField } from '../commonFields';
import { defineOperation } from '../define';
import { contactBody, mergeList, withEmails } from './body';
import { findContacts } from './lookup';

export const upsertContact = defineOperation({
	resource: 'contact',
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a contact',
	description:
		'Update the contact with this phone number, or create it when none exists; the output says which happened',
	endpoints: ['searchPeople', 'searchContacts', 'getContact', 'createContact', 'updateContact'],
	fields: [
		{
			key: 'phoneNumber',
			label: 'Phone Number',
			type: 'phone',
			required: true,
			example: '+14155551234',
			description: 'The phone number that identifies the contact, in E.164 format',
		},
		...contactDetailFields('additionalFields', [
			{ ...listModeField('emailsMode', 'Emails'), group: 'additionalFields' },
		]),
	],
	sample: { ...sampleContact, created: false },
	simplifiedKeys: [...CONTACT_SIMPLE_KEYS, 'created'],
	async execute({ client }, input) {
		const { phoneNumber } = input;
		const [existing] = await findContacts(client, { phoneNumber }, 1);
		const body = contactBody(input);
		if (!existing?.id) {
			const created = await client.call('createContact', {
				body: { ...body, numbers: [phoneNumber] },
			});
			return [{ ...(await withEmails(client, created, input.emails ?? [])), created: true }];
		}
		let currentEmails = existing.emails;
		if (body.emails !== undefined && input.emailsMode !== 'replace') {
			// Search results may lack emails, and Allo replaces lists on update: read them first.
			const current = await client.call('getContact', { path: { contact_id: existing.id } });
			currentEmails = normaliseContact(current).emails;
		}
		const emails = mergeList(currentEmails, input.emails, input.emailsMode);
		const update = { ...body, ...(emails ? { emails } : {}) };
		if (Object.keys(update).length === 0) return [{ ...existing, created: false }];
		const updated = await client.call('updateContact', {
			path: { contact_id: existing.id },
			body: update,
		});
		return [{ ...(await withEmails(client, updated, emails ?? currentEmails)), created: false }];
	},
});

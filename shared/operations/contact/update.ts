import { AlloError } from '../../http/errors';
import { CONTACT_SIMPLE_KEYS, normaliseContact } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import {
	contactDetailFields,
	contactIdField,
	contactNumbersField,
	listModeField,
} from '../commonFields';
import { defineOperation } from '../define';
import { contactBody, mergeList, withEmails } from './body';

export const updateContact = defineOperation({
	resource: 'contact',
	operation: 'update',
	name: 'Update',
	action: 'Update a contact',
	description:
		'Change only the given fields of a contact; emails and phone numbers are added to the existing ones or replace them',
	endpoints: ['getContact', 'updateContact'],
	fields: [
		contactIdField(),
		...contactDetailFields('updateFields', [listModeField('emailsMode', 'Emails')]),
		contactNumbersField({ group: 'updateFields' }),
		listModeField('numbersMode', 'Phone Numbers'),
	],
	sample: { ...sampleContact },
	simplifiedKeys: CONTACT_SIMPLE_KEYS,
	async execute({ client }, input) {
		const { contactId } = input;
		const body = contactBody(input);
		if (Object.keys(body).length === 0) {
			// Named by its group: each platform shows the group its own way.
			throw new AlloError({
				code: 'INVALID_INPUT',
				kind: 'invalidInput',
				field: 'updateFields',
				message: 'No field to change was given',
				fix: 'Give at least one field to change.',
			});
		}
		const adds =
			(body.emails !== undefined && input.emailsMode !== 'replace') ||
			(body.numbers !== undefined && input.numbersMode !== 'replace');
		let knownEmails = input.emails;
		if (adds) {
			// Allo replaces lists on update: read the current ones to add to them.
			const current = normaliseContact(
				await client.call('getContact', { path: { contact_id: contactId } }),
			);
			const emails = mergeList(current.emails, input.emails, input.emailsMode);
			body.emails = emails;
			body.numbers = mergeList(current.numbers, input.numbers, input.numbersMode);
			knownEmails = emails ?? current.emails;
			if (body.emails === undefined) delete body.emails;
			if (body.numbers === undefined) delete body.numbers;
		}
		const updated = await client.call('updateContact', { path: { contact_id: contactId }, body });
		return [{ ...(await withEmails(client, updated, knownEmails)) }];
	},
});

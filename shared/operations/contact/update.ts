import { inputError } from '../../http/errors';
import { CONTACT_SIMPLE_KEYS, normaliseContact } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { contactDetailFields, contactIdField, listModeField } from '../fields';
import { defineOperation } from '../types';
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
		...contactDetailFields('updateFields', true),
		{
			key: 'numbers',
			label: 'Phone Numbers',
			type: 'phoneList',
			group: 'updateFields',
			example: '+14155551234',
			description: 'One or more phone numbers in E.164 format, separated by commas',
		},
		listModeField('numbersMode', 'Phone Numbers'),
	],
	sample: { ...sampleContact },
	simplifiedKeys: CONTACT_SIMPLE_KEYS,
	async execute({ client }, input) {
		const contactId = input.contactId as string;
		const body = contactBody(input);
		if (Object.keys(body).length === 0) {
			throw inputError(
				'updateFields',
				'Update Fields',
				'are empty',
				'Add at least one field to change.',
			);
		}
		const adds =
			(body.emails !== undefined && input.emailsMode !== 'replace') ||
			(body.numbers !== undefined && input.numbersMode !== 'replace');
		let knownEmails = body.emails as string[] | undefined;
		if (adds) {
			// Allo replaces lists on update: read the current ones to add to them.
			const current = normaliseContact(
				await client.call('getContact', { path: { contact_id: contactId } }),
			);
			body.emails = mergeList(
				current.emails,
				body.emails as string[] | undefined,
				input.emailsMode,
			);
			body.numbers = mergeList(
				current.numbers,
				body.numbers as string[] | undefined,
				input.numbersMode,
			);
			knownEmails = (body.emails as string[] | undefined) ?? current.emails;
			if (body.emails === undefined) delete body.emails;
			if (body.numbers === undefined) delete body.numbers;
		}
		const updated = await client.call('updateContact', { path: { contact_id: contactId }, body });
		return [{ ...(await withEmails(client, updated, knownEmails)) }];
	},
});

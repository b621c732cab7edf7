import { CONTACT_SIMPLE_KEYS, normaliseContact } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { contactIdField } from '../commonFields';
import { defineOperation } from '../define';
import { getById } from '../getById';

export const getContact = defineOperation({
	resource: 'contact',
	operation: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: 'Get one contact with its engagement level and recent calls and texts',
	endpoints: ['getContact'],
	fields: [contactIdField()],
	simplifiedKeys: CONTACT_SIMPLE_KEYS,
	sample: { ...sampleContact },
	execute: getById({
		endpoint: 'getContact',
		pathParameter: 'contact_id',
		idField: 'contactId',
		extend: 'engagement,activity',
		normalise: normaliseContact,
	}),
});

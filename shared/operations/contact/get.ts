import { CONTACT_SIMPLE_KEYS, normaliseContact } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { contactIdField } from '../fields';
import { defineOperation, getById } from '../types';

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
	execute: getById(
		'getContact',
		'contact_id',
		'contactId',
		'engagement,activity',
		normaliseContact,
	),
});

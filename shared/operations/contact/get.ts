import { omit } from '../../json';
import { CONTACT_SIMPLE_KEYS, normaliseContact } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { contactIdField } from '../commonFields';
import { defineOperation } from '../define';

/** Allo's contact details carry no creation or update dates: they are left out rather than null. */
const withoutDates = <T extends { created_at: unknown; updated_at: unknown }>(contact: T) =>
	omit(contact, 'created_at', 'updated_at');

export const getContact = defineOperation({
	resource: 'contact',
	operation: 'get',
	name: 'Get',
	action: 'Get a contact',
	description:
		'Get one contact with its engagement level and its 10 latest calls and texts (activity); Allo gives no creation or update dates here, Get Many and Find do',
	endpoints: ['getContact'],
	fields: [contactIdField()],
	simplifiedKeys: [...CONTACT_SIMPLE_KEYS, 'activity'],
	sample: {
		...withoutDates(sampleContact),
		activity: [
			{
				type: 'INBOUND_CALL',
				made_by: 'Alex Martin',
				made_at: '2026-01-15T10:30:00.000Z',
				allo_number: '+14155550100',
				content: null,
			},
		],
	},
	async execute({ client }, input) {
		const raw = await client.call('getContact', {
			path: { contact_id: input.contactId },
			query: { extend: 'engagement,activity' },
		});
		const contact = withoutDates(normaliseContact(raw));
		return [
			{
				...contact,
				// The latest activity dates the contact, as in the list.
				last_activity_date: contact.last_activity_date ?? contact.activity[0]?.made_at ?? null,
			},
		];
	},
});

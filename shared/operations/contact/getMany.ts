import { paginate } from '../../http/pagination';
import { normaliseContact } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { defineOperation } from '../types';

export const getManyContacts = defineOperation({
	resource: 'contact',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many contacts',
	description: 'List the contacts of the Allo workspace with their engagement level',
	endpoints: ['searchContacts'],
	paged: true,
	fields: [],
	simplifiedKeys: [
		'id',
		'full_name',
		'numbers',
		'company_name',
		'job_title',
		'engagement',
		'last_activity_date',
	],
	sample: { ...sampleContact },
	async execute({ client, page }) {
		const contacts = await paginate(client, 'searchContacts', {}, page);
		return contacts.map((contact) => ({ ...normaliseContact(contact) }));
	},
});

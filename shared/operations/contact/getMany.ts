import { paginate } from '../../http/pagination';
import { CONTACT_SIMPLE_KEYS, normaliseContact } from '../../records/contact';
import { sampleContact } from '../../records/samples';
import { defineOperation } from '../define';

export const getManyContacts = defineOperation({
	resource: 'contact',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many contacts',
	description: 'List the contacts of the Allo workspace with their engagement level',
	endpoints: ['searchContacts'],
	paged: true,
	fields: [],
	simplifiedKeys: CONTACT_SIMPLE_KEYS,
	sample: { ...sampleContact },
	async execute({ client, page }) {
		const contacts = await paginate(client, 'searchContacts', {}, page);
		return contacts.map((contact) => ({ ...normaliseContact(contact) }));
	},
});

import { asArray, asRecord, asString, asStrings, pick, toIsoDate, type JsonRecord } from '../json';

export interface ContactActivity {
	type: string | null;
	made_by: string | null;
	made_at: string | null;
	allo_number: string | null;
	content: string | null;
}

/** What most workflows need of a contact: the output of the Simplify option. */
export const CONTACT_SIMPLE_KEYS = [
	'id',
	'full_name',
	'numbers',
	'emails',
	'company_name',
	'job_title',
	'engagement',
	'last_activity_date',
] as const;

export interface Contact {
	id: string | null;
	name: string | null;
	last_name: string | null;
	/** First and last name together, for labels and messages. */
	full_name: string | null;
	numbers: string[];
	emails: string[];
	company_name: string | null;
	company_id: string | null;
	job_title: string | null;
	website: string | null;
	engagement: string | null;
	last_activity_date: string | null;
	created_at: string | null;
	updated_at: string | null;
	is_archived: boolean | null;
	custom_properties: JsonRecord;
	activity: ContactActivity[];
}

/** One contact shape for v1 contacts, v2 CRM people and contact webhook payloads. */
export function normaliseContact(raw: unknown): Contact {
	const contact = asRecord(raw);
	const company = contact.company;
	const companyRecord = asRecord(company);
	const name = asString(pick(contact, 'name', 'first_name', 'firstName'));
	const lastName = asString(pick(contact, 'last_name', 'lastName'));
	return {
		id: asString(contact.id),
		name,
		last_name: lastName,
		full_name: [name, lastName].filter(Boolean).join(' ') || null,
		numbers: asStrings(pick(contact, 'numbers', 'phone_numbers')),
		emails: asStrings(contact.emails),
		company_name: typeof company === 'string' ? asString(company) : asString(companyRecord.name),
		company_id: asString(companyRecord.id),
		job_title: asString(pick(contact, 'job_title', 'jobTitle')),
		website: asString(contact.website),
		engagement: asString(contact.engagement),
		last_activity_date: toIsoDate(
			pick(contact, 'last_activity_date', 'last_activity_at', 'lastActivityDate'),
		),
		created_at: toIsoDate(pick(contact, 'created_at', 'createdAt')),
		updated_at: toIsoDate(pick(contact, 'updated_at', 'updatedAt')),
		is_archived: typeof contact.is_archived === 'boolean' ? contact.is_archived : null,
		custom_properties: asRecord(contact.custom_properties),
		activity: asArray(contact.activity).map((row) => {
			const item = asRecord(row);
			return {
				type: asString(item.type),
				made_by: asString(item.made_by),
				made_at: toIsoDate(item.made_at),
				allo_number: asString(item.allo_number),
				content: asString(item.content),
			};
		}),
	};
}

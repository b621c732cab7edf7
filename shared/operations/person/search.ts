import { samplePerson } from '../../records/v2Samples';
import { crmSortField } from '../company/companyFields';
import { defineOperation } from '../define';
import { callPaged, compact } from '../v2';

const filter = (key: string, label: string, description: string) => ({
	key,
	label,
	type: 'string' as const,
	group: 'filters' as const,
	description,
});

export const searchPeople = defineOperation({
	resource: 'person',
	operation: 'search',
	name: 'Search',
	action: 'Search people',
	description:
		'Search the people of the Allo CRM by free text (name, email, phone number, company) or by field, sorted as chosen',
	endpoints: ['searchPeople'],
	paged: true,
	fields: [
		{
			key: 'search',
			label: 'Search Text',
			type: 'string',
			example: 'acme',
			description: 'Words to look for in names, emails, phone numbers and company names',
		},
		filter('name', 'First Name', 'Only people whose first name contains this'),
		filter('lastName', 'Last Name', 'Only people whose last name contains this'),
		filter('company', 'Company', 'Only people whose company name contains this'),
		filter('jobTitle', 'Job Title', 'Only people whose job title contains this'),
		{ ...filter('email', 'Email', 'Only people with an email containing this') },
		{
			key: 'phoneNumber',
			label: 'Phone Number',
			type: 'phone',
			group: 'filters',
			description: 'Only people with exactly this phone number, in E.164 format',
		},
		filter('dealStatus', 'Deal Status', 'Only people with a deal in this status, e.g. OPEN'),
		crmSortField,
	],
	sample: { ...samplePerson },
	execute: callPaged('searchPeople', (input) => {
		const filters = compact({
			name: input.name,
			last_name: input.lastName,
			company: input.company,
			job_title: input.jobTitle,
			email: input.email,
			phone_number: input.phoneNumber,
			deal_status: input.dealStatus,
		});
		return {
			body: compact({
				search: input.search,
				sort: input.sort,
				filters: Object.keys(filters).length ? filters : undefined,
			}),
		};
	}),
});

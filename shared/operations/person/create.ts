import { samplePerson } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { bodyOf, callOne } from '../v2';
import { PERSON_BODY, personFields } from './personFields';

export const createPerson = defineOperation({
	resource: 'person',
	operation: 'create',
	name: 'Create',
	action: 'Create a person',
	description:
		'Add a person to the Allo CRM with their phone numbers and, unlike Contact: Create, their address and company. A number another person already has is refused unless Allow Duplicate Number is on.',
	endpoints: ['createPerson'],
	fields: [
		{
			key: 'numbers',
			label: 'Phone Numbers',
			type: 'phoneList',
			required: true,
			example: '+14155551234',
			description: 'One or more phone numbers in E.164 format, separated by commas',
		},
		...personFields('additionalFields'),
		{
			key: 'allowDuplicateNumber',
			label: 'Allow Duplicate Number',
			type: 'boolean',
			default: false,
			group: 'additionalFields',
			description: 'Whether to create the person even if another person has one of these numbers',
		},
	],
	sample: { ...samplePerson },
	execute: callOne('createPerson', (input) => ({
		body: {
			...bodyOf(input, PERSON_BODY),
			...(input.allowDuplicateNumber === true ? { allow_duplicate_number: true } : {}),
		},
	})),
});

import { samplePerson } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { bodyOf, callOne, changesOf } from '../v2';
import { PERSON_BODY, personFields, personIdField } from './personFields';

export const updatePerson = defineOperation({
	resource: 'person',
	operation: 'update',
	name: 'Update',
	action: 'Update a person',
	description:
		'Change a person of the Allo CRM: only the fields given change; emails and numbers given replace the existing ones',
	endpoints: ['updatePerson'],
	fields: [
		personIdField,
		{
			key: 'numbers',
			label: 'Phone Numbers',
			type: 'phoneList',
			group: 'updateFields',
			example: '+14155551234',
			description:
				'Phone numbers in E.164 format, separated by commas; they replace the existing ones',
		},
		...personFields('updateFields'),
	],
	sample: { ...samplePerson },
	execute: callOne('updatePerson', (input) => ({
		path: { id: input.personId },
		body: changesOf(bodyOf(input, PERSON_BODY)),
	})),
});

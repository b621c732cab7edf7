import { samplePerson } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { personIdField } from './personFields';

export const getPerson = defineOperation({
	resource: 'person',
	operation: 'get',
	name: 'Get',
	action: 'Get a person',
	description:
		'Get one person of the Allo CRM: numbers, emails, company, address and how often the team talked to them',
	endpoints: ['getPerson'],
	fields: [personIdField],
	sample: { ...samplePerson },
	execute: callOne('getPerson', (input) => ({ path: { id: input.personId } })),
});

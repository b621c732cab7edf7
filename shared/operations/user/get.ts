import { sampleUser } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { userIdField } from './userFields';

export const getUser = defineOperation({
	resource: 'user',
	operation: 'get',
	name: 'Get',
	action: 'Get a user',
	description: 'Get one member of the Allo team: name, email, role and status',
	endpoints: ['getUser'],
	fields: [userIdField()],
	sample: { ...sampleUser },
	execute: callOne('getUser', (input) => ({ path: { id: input.userId } })),
});

import { sampleUser } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callList } from '../v2';

export const getManyUsers = defineOperation({
	resource: 'user',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many users',
	description:
		'List the members of the Allo team, by role and status. Their IDs fill the User fields of other operations.',
	endpoints: ['listUsers'],
	fields: [
		{
			key: 'role',
			label: 'Role',
			type: 'options',
			group: 'filters',
			options: [
				{ value: 'ADMIN', label: 'Admin' },
				{ value: 'MANAGER', label: 'Manager' },
				{ value: 'MEMBER', label: 'Member' },
			],
			description: 'Only users with this role',
		},
		{
			key: 'status',
			label: 'Status',
			type: 'options',
			group: 'filters',
			options: [
				{ value: 'ACTIVE', label: 'Active' },
				{ value: 'BLOCKED', label: 'Blocked' },
			],
			description: 'Only users in this state; Allo lists active users when none is chosen',
		},
	],
	sample: { ...sampleUser },
	execute: callList('listUsers', (input) => ({
		query: { role: input.role, status: input.status },
	})),
});

import { sampleUser } from '../../records/v2Samples';
import { groupedChoiceField } from '../commonFields';
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
		groupedChoiceField(
			{ key: 'role', label: 'Role', group: 'filters' },
			{ ADMIN: 'Admin', MANAGER: 'Manager', MEMBER: 'Member' },
			'Only users with this role',
		),
		groupedChoiceField(
			{ key: 'status', label: 'Status', group: 'filters' },
			{ ACTIVE: 'Active', BLOCKED: 'Blocked' },
			'Only users in this state; Allo lists active users when none is chosen',
		),
	],
	sample: { ...sampleUser },
	execute: callList('listUsers', (input) => ({
		query: { role: input.role, status: input.status },
	})),
});

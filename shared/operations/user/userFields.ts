import { overridable } from '../commonFields';

/** A teammate, picked from the team's users or given by ID. */
export const userIdField = overridable({
	key: 'userId',
	label: 'User',
	type: 'string',
	required: true,
	dynamic: 'users',
	example: 'usr-abc123',
	description:
		'The teammate, picked from the list or given by ID (as in the output of User: Get Many)',
});

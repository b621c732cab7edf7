import { userIdField } from '../user/userFields';

/** Whose queue: the API key owner's unless a teammate is chosen. */
export const teammateField = userIdField({
	required: false,
	group: 'options',
	label: 'Teammate',
	description: "The teammate whose queue to use; the API key owner's queue when empty",
});

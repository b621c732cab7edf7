import { getAccount } from '../../account';
import { sampleAccount } from '../../records/v2Samples';
import { defineOperation } from '../define';

export const getAccountInfo = defineOperation({
	resource: 'account',
	operation: 'get',
	name: 'Get',
	action: 'Get the account',
	description:
		"Get the team the API key belongs to, the key's scopes and its rate limits. Call it first to learn which operations the key may run.",
	endpoints: ['getMe'],
	fields: [],
	sample: { ...sampleAccount },
	execute: async ({ client }) => [{ ...(await getAccount(client)) }],
});

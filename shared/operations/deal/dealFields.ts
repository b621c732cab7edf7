import { optionsOf } from '../commonFields';
import type { FieldGroup } from '../types';

export const dealIdField = {
	key: 'dealId',
	label: 'Deal ID',
	type: 'string',
	required: true,
	example: 'dea-def456',
	description: 'The ID of the deal, as in the output of Deal: Create or Search',
} as const;

/** Allo's deal stages, as its CRM contacts carry them. */
export const DEAL_STAGES = { OPEN: 'Open', WON: 'Won', LOST: 'Lost' } as const;

export const dealFields = <const Group extends FieldGroup>(group: Group) =>
	[
		{
			key: 'status',
			label: 'Stage',
			type: 'options',
			options: optionsOf(DEAL_STAGES),
			group,
			description: 'Where the deal stands',
		},
		{ key: 'amount', label: 'Amount', type: 'number', min: 0, example: '12000', group },
		{
			key: 'currency',
			label: 'Currency',
			type: 'string',
			example: 'USD',
			group,
			description: 'A three-letter ISO 4217 code, e.g. USD or EUR',
		},
		{
			key: 'closedAt',
			label: 'Close Date',
			type: 'dateTime',
			group,
			description: 'When the deal closed or is expected to',
		},
		{
			key: 'companyId',
			label: 'Company',
			type: 'string',
			dynamic: 'companies',
			example: 'com-xyz789',
			group,
			description: 'The company of the deal, as in the output of Company: Create or Search',
		},
	] as const;

export const DEAL_BODY = {
	name: 'name',
	status: 'status',
	amount: 'amount',
	currency: 'currency',
	closedAt: 'closed_at',
	companyId: 'company_id',
} as const;

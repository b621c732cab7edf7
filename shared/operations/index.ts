import * as all from './all';
import type { OperationDeclaration, ResourceName } from './types';

/** Every user-facing operation. */
export const operations: readonly OperationDeclaration[] = Object.values(all);

export interface ResourceDeclaration {
	value: ResourceName;
	/** Title Case name. */
	name: string;
	description: string;
}

export const resources: readonly ResourceDeclaration[] = [
	{
		value: 'account',
		name: 'Account',
		description: 'The team, scopes and rate limits of the API key',
	},
	{
		value: 'analytics',
		name: 'Analytics',
		description: 'Team and outbound call metrics for a period',
	},
	{
		value: 'call',
		name: 'Call',
		description: 'Calls with AI summaries, transcripts and recordings',
	},
	{ value: 'company', name: 'Company', description: 'Companies of the Allo CRM' },
	{ value: 'contact', name: 'Contact', description: 'Contacts of the Allo workspace' },
	{
		value: 'conversation',
		name: 'Conversation',
		description: 'Calls and texts exchanged with one contact',
	},
	{
		value: 'conversationItem',
		name: 'Call or Text',
		description: 'Calls and texts across every Allo number: search, get, get several',
	},
	{ value: 'deal', name: 'Deal', description: 'Deals of the Allo CRM' },
	{
		value: 'person',
		name: 'Person',
		description: 'People of the Allo CRM: a contact with its company, address and deals',
	},
	{
		value: 'phoneNumber',
		name: 'Phone Number',
		description: 'The Allo phone numbers of the workspace',
	},
	{
		value: 'powerDialer',
		name: 'Power Dialer',
		description: 'The queue of numbers a user calls one after the other',
	},
	{ value: 'sms', name: 'SMS', description: 'Text messages' },
	{
		value: 'summaryTemplate',
		name: 'Summary Template',
		description: 'The sections Allo’s AI fills in to summarise calls',
	},
	{ value: 'tag', name: 'Tag', description: 'Tags of the team, on calls' },
	{ value: 'user', name: 'User', description: 'Members of the Allo team' },
	{ value: 'webhook', name: 'Webhook', description: 'Real-time event subscriptions' },
];

export function findOperation(
	resource: string,
	operation: string,
): OperationDeclaration | undefined {
	return operations.find((op) => op.resource === resource && op.operation === operation);
}

export * from './all';

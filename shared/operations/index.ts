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
		value: 'call',
		name: 'Call',
		description: 'Calls with AI summaries, transcripts and recordings',
	},
	{ value: 'contact', name: 'Contact', description: 'Contacts of the Allo workspace' },
	{
		value: 'conversation',
		name: 'Conversation',
		description: 'Calls and texts exchanged with one contact',
	},
	{
		value: 'phoneNumber',
		name: 'Phone Number',
		description: 'The Allo phone numbers of the workspace',
	},
	{ value: 'sms', name: 'SMS', description: 'Text messages' },
	{ value: 'webhook', name: 'Webhook', description: 'Real-time event subscriptions' },
];

export function findOperation(
	resource: string,
	operation: string,
): OperationDeclaration | undefined {
	return operations.find((op) => op.resource === resource && op.operation === operation);
}

export * from './all';

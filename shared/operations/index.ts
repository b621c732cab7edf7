import { downloadRecording } from './call/downloadRecording';
import { getCall } from './call/get';
import { getManyCalls } from './call/getMany';
import { createContact } from './contact/create';
import { findContact } from './contact/find';
import { getContact } from './contact/get';
import { getManyContacts } from './contact/getMany';
import { updateContact } from './contact/update';
import { upsertContact } from './contact/upsert';
import { getManyConversation } from './conversation/getMany';
import { getManyPhoneNumbers } from './phoneNumber/getMany';
import { sendSms } from './sms/send';
import { createWebhook } from './webhook/create';
import { deleteWebhook } from './webhook/delete';
import { getManyWebhooks } from './webhook/getMany';
import type { OperationDeclaration, ResourceName } from './types';

/** Every user-facing operation. Adding one here adds it to both platforms. */
export const operations: readonly OperationDeclaration[] = [
	getManyCalls,
	getCall,
	downloadRecording,
	createContact,
	updateContact,
	getContact,
	getManyContacts,
	findContact,
	upsertContact,
	getManyConversation,
	getManyPhoneNumbers,
	sendSms,
	getManyWebhooks,
	createWebhook,
	deleteWebhook,
];

export interface ResourceDeclaration {
	value: ResourceName;
	/** Title Case name. */
	name: string;
	description: string;
}

export const resources: readonly ResourceDeclaration[] = [
	{ value: 'call', name: 'Call', description: 'Calls with AI summaries, transcripts and recordings' },
	{ value: 'contact', name: 'Contact', description: 'Contacts of the Allo workspace' },
	{ value: 'conversation', name: 'Conversation', description: 'Calls and texts exchanged with one contact' },
	{ value: 'phoneNumber', name: 'Phone Number', description: 'The Allo phone numbers of the workspace' },
	{ value: 'sms', name: 'SMS', description: 'Text messages' },
	{ value: 'webhook', name: 'Webhook', description: 'Real-time event subscriptions' },
];

export function findOperation(resource: string, operation: string): OperationDeclaration | undefined {
	return operations.find((op) => op.resource === resource && op.operation === operation);
}

export {
	createContact,
	createWebhook,
	deleteWebhook,
	downloadRecording,
	findContact,
	getCall,
	getContact,
	getManyCalls,
	getManyContacts,
	getManyConversation,
	getManyPhoneNumbers,
	getManyWebhooks,
	sendSms,
	updateContact,
	upsertContact,
};

import {
	sampleSentMessageFrance,
	type DynamicSource,
	type JsonRecord,
	type OperationDeclaration,
	type V2Topic,
} from '../../shared';
import {
	createContact,
	findContact,
	getManyCalls,
	sendSms,
	updateContact,
} from '../../shared/operations';

/**
 * What the Zapier app offers, in Zapier's words: the one place to list an operation for Zapier.
 * Fields, help texts, samples, validation and errors come from the core declaration; an
 * operation left out here is offered in n8n only.
 */

/** Zapier's words for a step: its key (snake_case, never renamed once published), noun and label. */
export interface ZapierWording {
	key: string;
	noun: string;
	label: string;
	/** "Creates …", "Sends …", "Finds …": Zapier's third-person style. */
	description: string;
}

export interface ZapierCreate extends ZapierWording {
	operation: OperationDeclaration;
	/** Fields pinned for this step, not shown to the user (the SMS sender). */
	fixed?: Record<string, string>;
	/** Paced to Allo's write rate per API key (texts). */
	throttled?: true;
	/** The step's own sample, when the operation's does not fit it (a text from a sender ID). */
	sample?: JsonRecord;
}

export interface ZapierSearch extends ZapierWording {
	operation: OperationDeclaration;
	/** Offers "Find or Create" with the create of this key, under the search's key. */
	orCreate?: { create: string; label: string; description: string };
}

export const ZAPIER_CREATES: readonly ZapierCreate[] = [
	{
		operation: sendSms,
		key: 'send_sms',
		noun: 'SMS',
		label: 'Send SMS',
		description:
			'Sends a text message from one of your Allo numbers to a number in the same country.',
		fixed: { sender: 'alloNumber' },
		throttled: true,
	},
	{
		operation: sendSms,
		key: 'send_sms_france',
		noun: 'SMS',
		label: 'Send SMS in France',
		description: 'Sends a text message to a French number from your verified sender ID.',
		fixed: { sender: 'senderId' },
		throttled: true,
		sample: { ...sampleSentMessageFrance },
	},
	{
		operation: createContact,
		key: 'create_contact',
		noun: 'Contact',
		label: 'Create Contact',
		description: 'Creates a new contact with at least one phone number.',
	},
	{
		operation: updateContact,
		key: 'update_contact',
		noun: 'Contact',
		label: 'Update Contact',
		description:
			'Updates the given fields of a contact; emails and phone numbers are added to its existing ones or replace them.',
	},
];

export const ZAPIER_SEARCHES: readonly ZapierSearch[] = [
	{
		operation: findContact,
		key: 'find_contact',
		noun: 'Contact',
		label: 'Find Contact',
		description:
			'Finds a contact by phone number (exact match) or email; with both, a contact with either one.',
		orCreate: {
			create: 'create_contact',
			label: 'Find or Create Contact',
			description: 'Finds a contact by phone number or email, or creates it when none exists.',
		},
	},
	{
		operation: getManyCalls,
		key: 'find_calls',
		noun: 'Call',
		label: 'Find Call',
		description:
			'Finds the latest call of an Allo number, or of every number, with its AI summary, transcript and recording.',
	},
];

/** Zapier's words for an event: its trigger key, noun and "New …" label. */
export type HookWording = Omit<ZapierWording, 'description'>;

/** The events offered as REST hook triggers, in Zapier's "New …" wording. */
export const ZAPIER_HOOKS: Partial<Record<V2Topic, HookWording>> = {
	'call.completed': { key: 'new_call', noun: 'Call', label: 'New Call' },
	'sms.received': { key: 'new_inbound_sms', noun: 'SMS', label: 'New Inbound SMS' },
	'sms.sent': { key: 'new_outbound_sms', noun: 'SMS', label: 'New Outbound SMS' },
	'contact.created': { key: 'new_contact', noun: 'Contact', label: 'New Contact' },
	'contact.updated': { key: 'updated_contact', noun: 'Contact', label: 'Updated Contact' },
};

/**
 * The hidden triggers that fill each dropdown of the core, and the search a dropdown offers to
 * find a record by other fields.
 */
export const ZAPIER_DROPDOWNS: Record<DynamicSource, ZapierWording & { search?: string }> = {
	phoneNumbers: {
		key: 'phone_number_list',
		noun: 'Phone Number',
		label: 'List Phone Numbers',
		description: 'Triggers when a dropdown lists your Allo phone numbers.',
	},
	contacts: {
		key: 'contact_list',
		noun: 'Contact',
		label: 'List Contacts',
		description: 'Triggers when a dropdown lists your Allo contacts.',
		search: 'find_contact',
	},
};

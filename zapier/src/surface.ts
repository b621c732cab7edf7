import {
	sampleSentMessageFrance,
	type DynamicSource,
	type JsonRecord,
	type OperationDeclaration,
	type V2Topic,
} from '../shared';
import {
	addTags,
	createCompany,
	createContact,
	createDeal,
	createPerson,
	findContact,
	getContact,
	getConversationItem,
	getManyCalls,
	removeTag,
	searchCompanies,
	searchConversationItems,
	searchDeals,
	searchPeople,
	sendSms,
	updateCallSummary,
	updateContact,
	upsertContact,
} from '../shared/operations';

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
	/** The step's own sample, when the operation's does not fit it (a text from a sender ID). */
	sample?: JsonRecord;
}

export interface ZapierSearch extends ZapierWording {
	operation: OperationDeclaration;
	/** Adds the call's recording as a file (`recording_file`), fetched when a later step uses it. */
	withRecordingFile?: true;
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
	},
	{
		operation: sendSms,
		key: 'send_sms_france',
		noun: 'SMS',
		label: 'Send SMS in France',
		description: 'Sends a text message to a French number from your verified sender ID.',
		fixed: { sender: 'senderId' },
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
	{
		operation: upsertContact,
		key: 'create_or_update_contact',
		noun: 'Contact',
		label: 'Create or Update Contact',
		description:
			'Updates the contact with this phone number, or creates it when Allo has none; the output says which.',
	},
	{
		operation: addTags,
		key: 'add_tags_to_call',
		noun: 'Tag',
		label: 'Add Tags to Call',
		description: 'Adds one or more of your team’s tags to a call.',
	},
	{
		operation: removeTag,
		key: 'remove_tag_from_call',
		noun: 'Tag',
		label: 'Remove Tag From Call',
		description: 'Removes a tag from a call.',
	},
	{
		operation: updateCallSummary,
		key: 'update_call_summary',
		noun: 'Call',
		label: 'Update Call Summary',
		description: 'Replaces the AI summary of a call with your own Markdown.',
	},
	{
		operation: createPerson,
		key: 'create_person',
		noun: 'Person',
		label: 'Create Person',
		description: 'Creates a person in the Allo CRM with phone numbers, company and address.',
	},
	{
		operation: createCompany,
		key: 'create_company',
		noun: 'Company',
		label: 'Create Company',
		description: 'Creates a company in the Allo CRM.',
	},
	{
		operation: createDeal,
		key: 'create_deal',
		noun: 'Deal',
		label: 'Create Deal',
		description: 'Creates a deal in the Allo CRM with its stage, amount and company.',
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
	{
		operation: getConversationItem,
		key: 'get_call',
		noun: 'Call',
		label: 'Get Call',
		description:
			'Finds a call by ID with its AI summary, tags, transcript and the recording as a file.',
		withRecordingFile: true,
	},
	{
		operation: getContact,
		key: 'get_contact',
		noun: 'Contact',
		label: 'Get Contact',
		description: 'Finds a contact by ID with its engagement and latest activity.',
	},
	{
		operation: searchConversationItems,
		key: 'find_calls_and_texts',
		noun: 'Call or Text',
		label: 'Find Call or Text',
		description:
			'Finds the latest call or text with a contact (by phone number), or across every Allo number by words in transcripts, summaries and messages, dates and tags.',
	},
	{
		operation: searchPeople,
		key: 'find_person',
		noun: 'Person',
		label: 'Find Person',
		description: 'Finds people in the Allo CRM by name, email, phone number or company.',
	},
	{
		operation: searchCompanies,
		key: 'find_company',
		noun: 'Company',
		label: 'Find Company',
		description: 'Finds companies in the Allo CRM by name, website or industry.',
	},
	{
		operation: searchDeals,
		key: 'find_deal',
		noun: 'Deal',
		label: 'Find Deal',
		description: 'Finds deals in the Allo CRM by name and stage.',
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
	'call.received': { key: 'incoming_call_ringing', noun: 'Call', label: 'Incoming Call Ringing' },
	'call.answered': { key: 'call_answered', noun: 'Call', label: 'Call Answered' },
	'call.triggered': { key: 'outbound_call_started', noun: 'Call', label: 'Outbound Call Started' },
	'tag.added': { key: 'tag_added', noun: 'Tag', label: 'Tag Added' },
	'tag.removed': { key: 'tag_removed', noun: 'Tag', label: 'Tag Removed' },
	'summary.updated': { key: 'summary_updated', noun: 'Call', label: 'Summary Updated' },
};

/** Results of a call nobody picked up; a transferred call was answered elsewhere. */
const UNANSWERED = (result: unknown) =>
	typeof result === 'string' && result !== 'ANSWERED' && !result.startsWith('TRANSFERRED');

/** A trigger on completed calls of one outcome, as Zap users ask for them by name. */
export interface ZapierCallOutcome extends HookWording {
	/** "Triggers when …", Zapier's style. */
	description: string;
	matches: (call: { direction?: unknown; result?: unknown }) => boolean;
}

export const ZAPIER_CALL_OUTCOMES: readonly ZapierCallOutcome[] = [
	{
		key: 'new_missed_call',
		noun: 'Call',
		label: 'New Missed Call',
		description:
			'Triggers when an incoming call ends without being answered (voicemails included).',
		matches: (call) => call.direction === 'INBOUND' && UNANSWERED(call.result),
	},
	{
		key: 'new_voicemail',
		noun: 'Call',
		label: 'New Voicemail',
		description: 'Triggers when a caller leaves a voicemail, with its transcript and recording.',
		matches: (call) => call.result === 'VOICEMAIL',
	},
];

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
	users: {
		key: 'user_list',
		noun: 'User',
		label: 'List Users',
		description: 'Triggers when a dropdown lists the users of your Allo team.',
	},
	tags: {
		key: 'tag_list',
		noun: 'Tag',
		label: 'List Tags',
		description: 'Triggers when a dropdown lists the tags of your Allo team.',
	},
	summaryTemplates: {
		key: 'summary_template_list',
		noun: 'Summary Template',
		label: 'List Summary Templates',
		description: 'Triggers when a dropdown lists your Allo summary templates.',
	},
	calls: {
		key: 'call_list',
		noun: 'Call',
		label: 'List Calls',
		description: 'Triggers when a dropdown lists your latest Allo calls.',
	},
	companies: {
		key: 'company_list',
		noun: 'Company',
		label: 'List Companies',
		description: 'Triggers when a dropdown lists the companies of your Allo CRM.',
	},
};

import { API_KEYS_PAGE } from './auth';
import type { AlloErrorKind, NextStep } from './errors';

export interface ErrorContext {
	/** The scope Allo says is missing, or the one the endpoint needs. */
	scope?: string;
	/** Human wording of when a quota resets, e.g. "in 1 hour (at 14:00 UTC)". */
	resetsIn?: string;
	limit?: string;
	/** Allo's own message, when it sent one. */
	apiMessage?: string;
	param?: string;
}

interface CatalogEntry {
	kind: AlloErrorKind;
	message: (context: ErrorContext) => string;
	fix: (context: ErrorContext) => string;
	nextStep?: NextStep;
}

/** What the user does next by default: a rejected key is replaced, a spent quota waited for. */
const NEXT_STEPS: Partial<Record<AlloErrorKind, NextStep>> = {
	authentication: 'replaceKey',
	quota: 'retryLater',
};

const entry = (
	kind: AlloErrorKind,
	message: string | ((context: ErrorContext) => string),
	fix: string | ((context: ErrorContext) => string),
	nextStep = NEXT_STEPS[kind],
): CatalogEntry => ({
	kind,
	message: typeof message === 'string' ? () => message : message,
	fix: typeof fix === 'string' ? () => fix : fix,
	nextStep,
});

const E164 = 'Use the international E.164 format, e.g. +14155551234 or +33612345678.';

/** Every error code Allo documents, with a sentence a non-developer understands and the fix. */
export const errorCatalog: Record<string, CatalogEntry> = {
	// Authentication and permissions
	API_KEY_INVALID: entry(
		'authentication',
		'Allo rejected the API key',
		`Check that the key was pasted whole and has not been revoked; create a new one at ${API_KEYS_PAGE}.`,
	),
	UNAUTHORIZED: entry(
		'authentication',
		'Allo did not accept the API key',
		`Paste a valid API key from ${API_KEYS_PAGE}.`,
	),
	API_KEY_INSUFFICIENT_SCOPE: entry(
		'permission',
		(c) =>
			c.scope
				? `The API key is missing the ${c.scope} permission`
				: 'The API key lacks a permission this action needs',
		(c) => `Create a key that includes ${c.scope ?? 'the needed'} scope at ${API_KEYS_PAGE}.`,
		'replaceKey',
	),
	API_KEY_TRIAL_NOT_ALLOWED: entry(
		'permission',
		'API access is not available on Allo trial plans',
		'Upgrade the Allo workspace to a paid plan, then try again.',
	),
	A2P_NOT_ENABLED: entry(
		'permission',
		'This number cannot send business texts in the US yet',
		'Complete the 10DLC (A2P) registration for the number in Allo, then try again.',
	),
	// Rate limits and quotas
	RATE_LIMIT_EXCEEDED: entry(
		'rateLimit',
		'Allo is receiving too many requests from this API key right now',
		'Wait a moment and try again; Allo allows 20 reads and 5 writes per second.',
	),
	API_KEY_QUOTA_EXCEEDED: entry(
		'quota',
		(c) =>
			`The API key has used its daily Allo request quota${c.limit ? ` of ${c.limit} requests` : ''}; it resets ${c.resetsIn ?? 'within a day'}`,
		'Wait until the quota is back, or ask Allo for a higher quota.',
	),
	TRIAL_SMS_LIMIT_REACHED: entry(
		'quota',
		'The Allo trial SMS limit is reached',
		'Upgrade the Allo workspace to a paid plan to keep sending texts.',
	),
	SMS_LIMIT_REACHED: entry(
		'quota',
		'The daily limit of texts sent through the API is reached',
		'Wait until tomorrow, or ask Allo support for a higher limit.',
	),
	DAILY_SMS_LIMIT_REACHED: entry(
		'quota',
		'This Allo number has reached its daily SMS limit',
		'Send from another Allo number, or wait until tomorrow.',
	),
	// SMS
	FROM_NUMBER_NOT_FOUND: entry(
		'invalidInput',
		'The sender number is not one of the Allo numbers of this account',
		'Choose a number from the list of your Allo phone numbers.',
	),
	INVALID_TO_NUMBER: entry(
		'invalidInput',
		'Allo cannot text the recipient number',
		`${E164} The number must be a mobile number in the same country as the sender.`,
	),
	TO_NUMBER_COUNTRY_MISMATCH: entry(
		'invalidInput',
		'The recipient is in a different country from the sending Allo number',
		'Allo only texts numbers in the same country as the sender: send to a +1 number from a US Allo number, or use a French sender ID for +33 numbers.',
	),
	INVALID_LENGTH: entry(
		'invalidInput',
		'The message length is not accepted',
		'Write a message of 1 to 1000 characters.',
	),
	PROVIDER_NOT_SUPPORTED: entry(
		'invalidInput',
		'This Allo number cannot send texts through the API',
		'Send from another Allo number, or ask Allo support to enable SMS for this one. French numbers are texted from your sender ID (France).',
	),
	INVALID_SENDER_ID: entry(
		'invalidInput',
		'The sender ID is not valid',
		'Use the sender ID verified for your account: 3 to 11 letters or digits, with at least one letter.',
	),
	SENDER_ID_NOT_ACTIVE: entry(
		'invalidInput',
		'The sender ID is not active yet',
		'Finish its verification in Allo under Settings > Compliance, then try again.',
	),
	NUMBER_NOT_SMS_ENABLED: entry(
		'invalidInput',
		'This Allo number cannot send texts',
		'Choose an Allo number with SMS enabled.',
	),
	SENDER_ID_INBOX_CANNOT_SEND_SMS: entry(
		'invalidInput',
		'This sender ID inbox cannot send texts from a phone number',
		'Send with the sender ID itself, or choose an Allo phone number.',
	),
	MESSAGE_NOT_COMPLIANT: entry(
		'invalidInput',
		'Allo blocked the message because it breaks SMS compliance rules',
		'Reword the message (for example add opt-out wording) and respect sending hours.',
	),
	LANDLINE_NUMBER_NOT_SUPPORTED: entry(
		'invalidInput',
		'The recipient is a landline, which cannot receive texts',
		'Send to a mobile number.',
	),
	// Phone numbers and fields
	INVALID_PHONE_NUMBER: entry('invalidInput', 'A phone number is not valid', E164),
	INVALID_PHONE_FORMAT: entry('invalidInput', 'A phone number is not in the expected format', E164),
	NUMBER_ALREADY_ASSIGNED: entry(
		'conflict',
		'Another contact already has this phone number',
		'Update the existing contact instead, or use Create or Update.',
	),
	IDEMPOTENCY_KEY_REUSE: entry(
		'conflict',
		'This request repeats an earlier one with different content',
		'Try again; it will be sent as a new request.',
	),
	VALIDATION_ERROR: entry(
		'invalidInput',
		(c) =>
			c.apiMessage
				? `Allo did not accept the request: ${c.apiMessage}`
				: 'Allo did not accept the request',
		(c) =>
			c.param ? `Check the value of ${c.param}.` : 'Check the values of the fields and try again.',
	),
	INVALID_EVENT_TYPE: entry(
		'invalidInput',
		'Allo does not know one of the webhook events',
		'Choose events from the list of Allo webhook events.',
	),
	INVALID_ITEM_ID: entry(
		'invalidInput',
		'The ID is not a call or message ID',
		'Use a call ID (starting with cll-) or a message ID (starting with msg-).',
	),
	// Not found
	CONTACT_NOT_FOUND: entry(
		'notFound',
		'The contact does not exist in Allo',
		'Check the contact ID, or pick the contact from the list.',
	),
	WEBHOOK_NOT_FOUND: entry(
		'notFound',
		'The webhook does not exist in Allo',
		'It may have been deleted already; list the webhooks to find the right ID.',
	),
	NOT_FOUND: entry(
		'notFound',
		'Allo could not find what was asked for',
		'Check the ID and try again.',
	),
	USER_NOT_FOUND: entry(
		'notFound',
		'The Allo user does not exist',
		'Check the user ID, or pick the teammate from the list.',
	),
	ASSIGNEE_NOT_FOUND: entry(
		'notFound',
		'The teammate is not a member of the Allo team',
		'Pick the teammate from the list of users.',
	),
	// Power dialer
	DIALING_QUEUE_NOT_FOUND: entry(
		'notFound',
		'There is no current power dialer queue',
		'Add numbers to the queue, or start a new one with Reset.',
	),
	QUEUE_NUMBER_POSITION_NOT_FOUND: entry(
		'notFound',
		'That position does not exist in the power dialer queue',
		'Get the numbers of the queue to see their positions.',
	),
	DIALING_QUEUE_APPEND_CONFLICT: entry(
		'conflict',
		'The power dialer queue changed while numbers were being added',
		'Add the numbers again once the queue has settled.',
	),
	DIALING_QUEUE_DELETE_FILTER_CONFLICT: entry(
		'invalidInput',
		'The filters for removing numbers from the power dialer queue contradict each other',
		'Remove one number, or every number not called yet, not both.',
	),
	DIALING_QUEUE_DELETE_FILTER_REQUIRED: entry(
		'invalidInput',
		'Removing numbers from the power dialer queue needs a number',
		'Give the number to remove, or choose to remove every number not called yet.',
	),
	DIALING_QUEUE_LIMIT_REACHED: entry(
		'quota',
		'The power dialer queue is full',
		'Remove numbers from the queue before adding more.',
	),
};

/** For codes Allo may add later: the HTTP status still says what kind of failure it is. */
export function entryForStatus(status: number | undefined): CatalogEntry {
	if (status === 401) return errorCatalog.UNAUTHORIZED;
	if (status === 403)
		return entry(
			'permission',
			'Allo refused this action for the API key',
			`Check the key's permissions at ${API_KEYS_PAGE}.`,
			'replaceKey',
		);
	if (status === 404) return errorCatalog.NOT_FOUND;
	if (status === 409)
		return entry(
			'conflict',
			'The request conflicts with data in Allo',
			'Check the values and try again.',
		);
	if (status === 429) return errorCatalog.RATE_LIMIT_EXCEEDED;
	if (status !== undefined && status >= 400 && status < 500) return errorCatalog.VALIDATION_ERROR;
	return entry(
		'server',
		'Allo could not answer the request right now',
		'Try again in a few minutes. If it keeps happening, contact Allo support.',
	);
}

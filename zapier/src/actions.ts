import type { Bundle, Create, Search, SearchOrCreate, ThrottleObject, ZObject } from './platform';
import {
	RATE_LIMITS,
	runOperation,
	sampleSentMessageFrance,
	type JsonRecord,
	type OperationDeclaration,
} from '../../shared';
import {
	createContact,
	findContact,
	getManyCalls,
	sendSms,
	updateContact,
} from '../../shared/operations';
import { attempt } from './errors';
import { inputFieldsFor, outputFieldsFor } from './fields';
import { clientFor } from './transport';

/** Zapier's words for an action; fields, help texts and samples come from the core declaration. */
interface ActionWording {
	key: string;
	noun: string;
	label: string;
	description: string;
}

/** Results a search returns; Zapier uses the first. */
export const SEARCH_LIMIT = 10;

/** Keeps sends within Allo's write rate for one API key, before Allo answers 429. */
const sendThrottle: ThrottleObject = {
	window: 1,
	limit: RATE_LIMITS.writesPerSecond,
	scope: ['auth'],
};

function createFrom(
	operation: OperationDeclaration,
	wording: ActionWording,
	options: { fixed?: Record<string, string>; throttle?: ThrottleObject; sample?: JsonRecord } = {},
): Create {
	const fixed = options.fixed ?? {};
	return {
		key: wording.key,
		noun: wording.noun,
		display: { label: wording.label, description: wording.description },
		operation: {
			inputFields: inputFieldsFor(operation, fixed),
			perform: async (z: ZObject, bundle: Bundle) => {
				const [record] = await attempt(
					z,
					runOperation(operation, clientFor(z, bundle), { ...bundle.inputData, ...fixed }),
				);
				return record;
			},
			sample: options.sample ?? operation.sample,
			outputFields: outputFieldsFor(options.sample ?? operation.sample),
			...(options.throttle ? { throttle: options.throttle } : {}),
		},
	};
}

function searchFrom(operation: OperationDeclaration, wording: ActionWording): Search {
	return {
		key: wording.key,
		noun: wording.noun,
		display: { label: wording.label, description: wording.description },
		operation: {
			inputFields: inputFieldsFor(operation),
			perform: (z: ZObject, bundle: Bundle) =>
				attempt(
					z,
					runOperation(operation, clientFor(z, bundle), bundle.inputData, {
						returnAll: false,
						limit: SEARCH_LIMIT,
					}),
				),
			sample: operation.sample,
			outputFields: outputFieldsFor(operation.sample),
		},
	};
}

const createList: Create[] = [
	createFrom(
		sendSms,
		{
			key: 'send_sms',
			noun: 'SMS',
			label: 'Send SMS',
			description:
				'Sends a text message from one of your Allo numbers to a number in the same country.',
		},
		{ fixed: { sender: 'alloNumber' }, throttle: sendThrottle },
	),
	createFrom(
		sendSms,
		{
			key: 'send_sms_france',
			noun: 'SMS',
			label: 'Send SMS in France',
			description: 'Sends a text message to a French number from your verified sender ID.',
		},
		{
			fixed: { sender: 'senderId' },
			throttle: sendThrottle,
			sample: { ...sampleSentMessageFrance },
		},
	),
	createFrom(createContact, {
		key: 'create_contact',
		noun: 'Contact',
		label: 'Create Contact',
		description: 'Creates a new contact with at least one phone number.',
	}),
	createFrom(updateContact, {
		key: 'update_contact',
		noun: 'Contact',
		label: 'Update Contact',
		description:
			'Updates the given fields of a contact; emails and phone numbers are added to its existing ones or replace them.',
	}),
];

const searchList: Search[] = [
	searchFrom(findContact, {
		key: 'find_contact',
		noun: 'Contact',
		label: 'Find Contact',
		description:
			'Finds a contact by phone number (exact match) or email; with both, a contact with either one.',
	}),
	searchFrom(getManyCalls, {
		key: 'find_calls',
		noun: 'Call',
		label: 'Find Call',
		description:
			'Finds the latest call of an Allo number, or of every number, with its AI summary, transcript and recording.',
	}),
];

const byKey = <T extends { key: string }>(items: T[]): Record<string, T> =>
	Object.fromEntries(items.map((item) => [item.key, item]));

export const creates = byKey(createList);
export const searches = byKey(searchList);

export const searchOrCreates: Record<string, SearchOrCreate> = {
	find_contact: {
		key: 'find_contact',
		display: {
			label: 'Find or Create Contact',
			description: 'Finds a contact by phone number or email, or creates it when none exists.',
		},
		search: 'find_contact',
		create: 'create_contact',
	},
};

import type { Trigger, ZObject, Bundle } from './platform';
import {
	contactChoices,
	EVENTS,
	phoneNumberOptions,
	teamLists,
	type DynamicSource,
	type V2Topic,
} from '../../shared';
import { attempt } from './errors';
import { hookTrigger, type HookWording } from './hooks/trigger';
import { clientFor } from './transport';

/** The events offered as Zapier triggers, in Zapier's "New …" wording. */
const HOOKS: Partial<Record<V2Topic, HookWording>> = {
	'call.completed': { key: 'new_call', noun: 'Call', label: 'New Call' },
	'sms.received': { key: 'new_inbound_sms', noun: 'SMS', label: 'New Inbound SMS' },
	'sms.sent': { key: 'new_outbound_sms', noun: 'SMS', label: 'New Outbound SMS' },
	'contact.created': { key: 'new_contact', noun: 'Contact', label: 'New Contact' },
	'contact.updated': { key: 'updated_contact', noun: 'Contact', label: 'Updated Contact' },
};

const hookTriggers = EVENTS.flatMap((event) => {
	const wording = HOOKS[event.topic];
	return wording ? [hookTrigger(event, wording)] : [];
});

/** Fills the Allo number dropdowns. */
const phoneNumberList: Trigger = {
	key: 'phone_number_list',
	noun: 'Phone Number',
	display: {
		label: 'List Phone Numbers',
		description: 'Triggers when a dropdown lists your Allo phone numbers.',
		hidden: true,
	},
	operation: {
		perform: async (z: ZObject, bundle: Bundle) =>
			(await attempt(z, phoneNumberOptions(clientFor(z, bundle)))).map((option) => ({
				id: option.value,
				name: option.label,
			})),
	},
};

/** Fills the contact dropdowns, one page of Allo contacts at a time. */
const contactList: Trigger = {
	key: 'contact_list',
	noun: 'Contact',
	display: {
		label: 'List Contacts',
		description: 'Triggers when a dropdown lists your Allo contacts.',
		hidden: true,
	},
	operation: {
		canPaginate: true,
		perform: async (z: ZObject, bundle: Bundle) => {
			const page = await attempt(z, contactChoices(clientFor(z, bundle), bundle.meta?.page ?? 0));
			return page.results.map((choice) => ({
				id: choice.value,
				name: choice.description ? `${choice.label} (${choice.description})` : choice.label,
			}));
		},
	},
};

/** Fills the team dropdowns (users, tags, summary templates) from Allo's v2 lists. */
const teamList = (source: DynamicSource, key: string, noun: string): Trigger => ({
	key,
	noun,
	display: {
		label: `List ${noun}s`,
		description: `Triggers when a dropdown lists your Allo ${noun.toLowerCase()}s.`,
		hidden: true,
	},
	operation: {
		perform: async (z: ZObject, bundle: Bundle) =>
			(await attempt(z, teamLists[source]!(clientFor(z, bundle)))).map((option) => ({
				id: option.value,
				name: option.label,
			})),
	},
});

const teamListTriggers = [
	teamList('users', 'user_list', 'User'),
	teamList('tags', 'tag_list', 'Tag'),
	teamList('summaryTemplates', 'summary_template_list', 'Summary Template'),
];

export const triggers: Record<string, Trigger> = Object.fromEntries(
	[...hookTriggers, phoneNumberList, contactList, ...teamListTriggers].map((trigger) => [
		trigger.key,
		trigger,
	]),
);

import type { INodeProperties } from 'n8n-workflow';
import { alloNumberField, v1TopicOptions, v2TopicOptions, webhookApiField } from '../../shared';
import { byName, toProperty } from '../Allo/actions/properties';

const eventOptions = (
	options: ReadonlyArray<{ value: string; label: string; description?: string }>,
) =>
	options
		.map((option) => ({
			name: option.label,
			value: option.value,
			description: option.description,
			// The node creator's entry; n8n would lower-case the label to "On sms received".
			action: `On ${option.label.replace(/\b[A-Z][a-z]+/g, (word) => word.toLowerCase())}`,
		}))
		.sort(byName);

const eventLabels = Object.fromEntries(
	[...v2TopicOptions, ...v1TopicOptions].map((option) => [option.value, option.label]),
);

/** The canvas subtitle: the chosen events by name, e.g. "Call Completed, SMS Received". */
export const subtitle = `={{ (($parameter["api"] === "v1" && $parameter["eventsV1"]) || $parameter["events"] || []).map(event => (${JSON.stringify(eventLabels)})[event] || event).join(", ") }}`;

/** The events per-number (v1) webhooks carry, by name: "Call Completed, …, SMS Sent and Contact Updated". */
const perNumberLabels = v1TopicOptions.map((option) => option.label);
const perNumberEvents = `${perNumberLabels.slice(0, -1).join(', ')} and ${perNumberLabels.at(-1)}`;

/** The Events parameter with every event, as signed webhooks carry them. */
const everyEvent: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	default: [],
	options: eventOptions(v2TopicOptions),
	description: 'The events that start the workflow',
};

/** The trigger's parameters; events and their labels come from the core's event declarations. */
export const properties: INodeProperties[] = [
	{
		displayName:
			'Allo registers this workflow\'s production URL when you publish it, and restores it when it is deleted or disabled in Allo (checked every minute, every 30 minutes for per-number webhooks). While you test this trigger ("Execute step"), Allo calls the test URL until the test stops.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			'Each Allo delivery starts this workflow once while n8n runs. After n8n restarts, or with several webhook processors, a retried delivery can start it again: to rule that out, add a Remove Duplicates node, Operation: Remove Items Processed in Previous Executions, on event_id.',
		name: 'duplicatesNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { api: ['v2'] } },
	},
	toProperty(webhookApiField, {}),
	{
		// Version 2: one Events for both APIs. n8n's editor clears a multi-option parameter whose
		// display depends on the parameter just changed, so this one does not depend on the API.
		...everyEvent,
		hint: `Per-number webhooks (v1) carry only the events ${perNumberEvents}`,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
	},
	{ ...everyEvent, displayOptions: { show: { api: ['v2'], '@version': [1] } } },
	{
		displayName: 'Events',
		name: 'eventsV1',
		type: 'multiOptions',
		required: true,
		default: [],
		options: eventOptions(v1TopicOptions),
		description: 'The events that start the workflow; per-number webhooks carry only these',
		displayOptions: { show: { api: ['v1'], '@version': [1] } },
	},
	{
		displayName: 'Allo Number Name or ID',
		name: 'alloNumber',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Per-number webhooks deliver the events of one Allo number',
		displayOptions: { show: { api: ['v1'], '@version': [1] } },
	},
	// Version 2: a list that loads when opened, as the Allo node's number pickers.
	toProperty(
		alloNumberField({
			required: true,
			description: 'Per-number webhooks deliver the events of one Allo number',
		}),
		{ api: ['v1'], '@version': [{ _cnd: { gte: 2 } }] },
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { api: ['v2'] } },
		options: [
			{
				displayName: 'Only Allo Number Names or IDs',
				name: 'alloNumbers',
				type: 'multiOptions',
				default: [],
				typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
				description:
					'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				hint: 'Only events of these Allo numbers start the workflow; events without a number (contacts) are then left out',
			},
		],
	},
];

import type { Trigger, ZObject, Bundle } from './platform';
import {
	choiceName,
	contactChoices,
	EVENTS,
	phoneNumberOptions,
	TEAM_LISTS,
	type AlloClient,
	type DynamicSource,
	type FieldOption,
} from '../shared';
import { attempt } from './errors';
import { hookTrigger } from './hooks/trigger';
import { ZAPIER_CALL_OUTCOMES, ZAPIER_DROPDOWNS, ZAPIER_HOOKS } from './surface';
import { clientFor } from './transport';

const hookTriggers = EVENTS.flatMap((event) => {
	const wording = ZAPIER_HOOKS[event.topic];
	return wording ? [hookTrigger(event, wording)] : [];
});

const callCompleted = EVENTS.find((event) => event.topic === 'call.completed')!;
const outcomeTriggers = ZAPIER_CALL_OUTCOMES.map((outcome) => hookTrigger(callCompleted, outcome));

type DropdownOperation = NonNullable<Trigger['operation']>;

/** A dropdown read in one request, its choices as Zapier's `{id, name}`. */
const choicesOf = (read: (client: AlloClient) => Promise<FieldOption[]>): DropdownOperation => ({
	perform: async (z: ZObject, bundle: Bundle) =>
		(await attempt(z, read(clientFor(z, bundle)))).map((option) => ({
			id: option.value,
			name: option.label,
		})),
});

/** How each hidden dropdown trigger reads its choices. */
const DROPDOWN_READERS: Record<DynamicSource, DropdownOperation> = {
	phoneNumbers: choicesOf(phoneNumberOptions),
	users: choicesOf(TEAM_LISTS.users),
	tags: choicesOf(TEAM_LISTS.tags),
	summaryTemplates: choicesOf(TEAM_LISTS.summaryTemplates),
	calls: choicesOf(TEAM_LISTS.calls),
	companies: choicesOf(TEAM_LISTS.companies),
	// One page of Allo contacts at a time.
	contacts: {
		canPaginate: true,
		perform: async (z: ZObject, bundle: Bundle) => {
			const page = await attempt(z, contactChoices(clientFor(z, bundle), bundle.meta?.page ?? 0));
			return page.results.map((choice) => ({
				id: choice.value,
				name: choiceName(choice),
			}));
		},
	},
};

const dropdownTriggers = (Object.keys(ZAPIER_DROPDOWNS) as DynamicSource[]).map(
	(source): Trigger => {
		const { key, noun, label, description } = ZAPIER_DROPDOWNS[source];
		return {
			key,
			noun,
			display: { label, description, hidden: true },
			operation: DROPDOWN_READERS[source],
		};
	},
);

export const triggers: Record<string, Trigger> = Object.fromEntries(
	[...hookTriggers, ...outcomeTriggers, ...dropdownTriggers].map((trigger) => [
		trigger.key,
		trigger,
	]),
);

import type { Trigger, ZObject, Bundle } from './platform';
import {
	choiceName,
	contactChoices,
	EVENTS,
	phoneNumberOptions,
	type DynamicSource,
} from '../../shared';
import { attempt } from './errors';
import { hookTrigger } from './hooks/trigger';
import { ZAPIER_DROPDOWNS, ZAPIER_HOOKS } from './surface';
import { clientFor } from './transport';

const hookTriggers = EVENTS.flatMap((event) => {
	const wording = ZAPIER_HOOKS[event.topic];
	return wording ? [hookTrigger(event, wording)] : [];
});

type DropdownOperation = NonNullable<Trigger['operation']>;

/** How each hidden dropdown trigger reads its choices. */
const DROPDOWN_READERS: Record<DynamicSource, DropdownOperation> = {
	phoneNumbers: {
		perform: async (z: ZObject, bundle: Bundle) =>
			(await attempt(z, phoneNumberOptions(clientFor(z, bundle)))).map((option) => ({
				id: option.value,
				name: option.label,
			})),
	},
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
	[...hookTriggers, ...dropdownTriggers].map((trigger) => [trigger.key, trigger]),
);

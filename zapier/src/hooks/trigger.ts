import type { Bundle, Trigger, ZObject } from '../platform';
import {
	eventMatchesNumbers,
	normaliseEvent,
	requireE164,
	subscribe,
	unsubscribe,
	verifySignature,
	type EventDeclaration,
} from '../../../shared';
import { alloNumberField } from '../../../shared/operations/fields';
import { attempt, ownWords } from '../errors';
import { outputFieldsFor, toInputField } from '../fields';
import { clientFor } from '../transport';
import { eventOutput, eventRecord, eventSample, recordDate } from './output';
import { recentRecords } from './recent';

/** Zapier's words for an event: its trigger key, noun and "New …" label. */
export interface HookWording {
	key: string;
	noun: string;
	label: string;
}

interface SubscribeData {
	id: string;
	signing_secret: string | null;
}

const numberFilter = alloNumberField({
	description: 'Only events on this Allo number; leave empty for every number',
});

/** The Allo number a Zap is limited to, checked before anything is read. */
async function numbersOf(bundle: Bundle): Promise<string[]> {
	const value = bundle.inputData?.alloNumber;
	return value ? [requireE164(value, numberFilter.key, numberFilter.label)] : [];
}

/**
 * A REST hook trigger on one v2 topic. Each Zap gets its own signed webhook, so Zaps never
 * overwrite each other's subscriptions; deliveries are checked against that webhook's secret.
 */
export function hookTrigger(declaration: EventDeclaration, wording: HookWording): Trigger {
	const filtersByNumber = declaration.subject === 'call' || declaration.subject === 'sms';
	const sample = eventSample(declaration);

	const performSubscribe = async (z: ZObject, bundle: Bundle): Promise<SubscribeData> => {
		const { webhook, signingSecret } = await attempt(
			z,
			subscribe(clientFor(z), {
				api: 'v2',
				url: bundle.targetUrl as string,
				topics: [declaration.topic],
				description: `Zapier: ${wording.label}`,
			}),
		);
		return { id: webhook.id as string, signing_secret: signingSecret };
	};

	const performUnsubscribe = async (z: ZObject, bundle: Bundle) => {
		const { id } = bundle.subscribeData as SubscribeData;
		await attempt(z, unsubscribe(clientFor(z), 'v2', id));
		return { id };
	};

	const perform = async (z: ZObject, bundle: Bundle) => {
		const raw = bundle.rawRequest ?? {};
		const secret = (bundle.subscribeData as SubscribeData | undefined)?.signing_secret ?? '';
		const check = verifySignature({ headers: raw.headers ?? {}, rawBody: raw.content ?? '', secret });
		if (!check.valid) {
			throw ownWords(
				new z.errors.HaltedError(
					`This delivery was ignored: it does not carry a valid Allo signature (${check.reason}). Only Allo can trigger this Zap.`,
				),
			);
		}
		const numbers = await attempt(z, numbersOf(bundle));
		const event = normaliseEvent(raw.content, check.id);
		const record = eventRecord(declaration, event);
		if (event.topic !== declaration.topic || !record || !eventMatchesNumbers(event, numbers)) return [];
		return [eventOutput(declaration, record, event.event_id, event.occurred_at)];
	};

	const performList = async (z: ZObject, bundle: Bundle) => {
		const [alloNumber] = await attempt(z, numbersOf(bundle));
		const records = await attempt(z, recentRecords(clientFor(z), declaration, alloNumber));
		return records.map((record) => eventOutput(declaration, record, null, recordDate(record)));
	};

	return {
		key: wording.key,
		noun: wording.noun,
		display: { label: wording.label, description: declaration.description },
		operation: {
			type: 'hook',
			inputFields: filtersByNumber ? [toInputField(numberFilter)] : [],
			performSubscribe,
			performUnsubscribe,
			perform,
			performList,
			sample,
			outputFields: outputFieldsFor(sample),
		},
	};
}

import type { Bundle, Trigger, ZObject } from '../platform';
import {
	asString,
	eventMatchesNumbers,
	normaliseEvent,
	requireE164,
	settle,
	SIGNATURE_FAILURES,
	subscribe,
	unsubscribe,
	verifySignature,
	type EventDeclaration,
} from '../../shared';
import { alloNumberField } from '../../shared/operations/commonFields';
import { attempt } from '../errors';
import { toInputField } from '../inputFields';
import { outputFieldsFor } from '../outputFields';
import { clientFor } from '../transport';
import type { HookWording, ZapierCallOutcome } from '../surface';
import { eventOutput, eventRecord, eventSample, recordDate } from './output';
import { recentRecords } from './recent';

interface SubscribeData {
	id: string;
	signing_secret: string | null;
}

const numberFilter = alloNumberField({
	description: 'Only events on this Allo number; leave empty for every number',
});

/** Allo retries a delivery for about 27.5 hours: one seen within this window is a repeat. */
const REPEAT_WINDOW_SECONDS = 28 * 60 * 60;

/**
 * Whether this Zap already ran for the delivery: Allo delivers at least once. A cache failure
 * lets the delivery through rather than lose it.
 */
async function isRepeat(z: ZObject, subscriptionId: string, deliveryId: string): Promise<boolean> {
	const key = `allo-delivery:${subscriptionId}:${deliveryId}`;
	const seen = await settle(z.cache.get(key));
	if (seen.ok && seen.value !== null) return true;
	// nx: only the first run stores the key; a concurrent repeat gets false.
	const stored = await settle(z.cache.set(key, true, REPEAT_WINDOW_SECONDS, undefined, true));
	return stored.ok && stored.value === false;
}

/** The Allo number a Zap is limited to, checked before anything is read. */
async function numbersOf(bundle: Bundle): Promise<string[]> {
	const value = bundle.inputData?.alloNumber;
	return value ? [requireE164(value, numberFilter.key, numberFilter.label)] : [];
}

/**
 * A REST hook trigger on one v2 topic. Each Zap gets its own signed webhook, so Zaps never
 * overwrite each other's subscriptions; deliveries are checked against that webhook's secret.
 * An outcome (missed call, voicemail) keeps only the completed calls it matches.
 */
export function hookTrigger(
	declaration: EventDeclaration,
	wording: HookWording | ZapierCallOutcome,
): Trigger {
	const matches = 'matches' in wording ? wording.matches : () => true;
	const filtersByNumber = declaration.subject !== 'contact';
	const sample = eventSample(declaration);

	const performSubscribe = async (z: ZObject, bundle: Bundle): Promise<SubscribeData> => {
		const { webhook, signingSecret } = await attempt(
			z,
			subscribe(clientFor(z, bundle), {
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
		await attempt(z, unsubscribe(clientFor(z, bundle), 'v2', id));
		return { id };
	};

	const deliver = async (z: ZObject, bundle: Bundle) => {
		const raw = bundle.rawRequest ?? {};
		const subscription = bundle.subscribeData as SubscribeData | undefined;
		const check = verifySignature({
			headers: raw.headers ?? {},
			rawBody: raw.content ?? '',
			secret: subscription?.signing_secret ?? '',
		});
		if (!check.valid) {
			throw new z.errors.HaltedError(
				`This delivery was ignored: it does not carry a valid Allo signature (${SIGNATURE_FAILURES[check.reason]}). Only Allo can trigger this Zap.`,
			);
		}
		const numbers = await numbersOf(bundle);
		const event = normaliseEvent(raw.content, check.id);
		const record = eventRecord(declaration, event);
		if (
			event.topic !== declaration.topic ||
			!record ||
			!matches(record) ||
			// A tag event names its number on the call it carries.
			!eventMatchesNumbers(
				{ ...event, allo_number: event.allo_number ?? asString(record.allo_number) },
				numbers,
			)
		)
			return [];
		if (await isRepeat(z, subscription?.id ?? '', check.id)) return [];
		return [eventOutput(declaration, record, event.event_id, event.occurred_at)];
	};

	// The bundle holds the signing secret: every failure goes through the app's error mapping.
	const perform = (z: ZObject, bundle: Bundle) => attempt(z, deliver(z, bundle));

	const performList = async (z: ZObject, bundle: Bundle) => {
		const [alloNumber] = await attempt(z, numbersOf(bundle));
		const records = await attempt(z, recentRecords(clientFor(z, bundle), declaration, alloNumber));
		return records
			.filter(matches)
			.map((record) => eventOutput(declaration, record, null, recordDate(record)));
	};

	return {
		key: wording.key,
		noun: wording.noun,
		display: {
			label: wording.label,
			description: 'description' in wording ? wording.description : declaration.description,
		},
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

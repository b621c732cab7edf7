import { DeliveryLedger } from '../../shared';

/**
 * What the trigger keeps in this n8n process, one entry per trigger node. n8n drops static-data
 * changes a webhook makes when it starts an execution, and each request saves a whole snapshot,
 * so a webhook's memory between deliveries lives here, for as long as the process runs.
 */
const ledgers = new Map<string, DeliveryLedger>();

/** The subscription the trigger healed last: n8n does not save what a scheduled check changes. */
export interface KnownSubscription {
	webhookId: string;
	url: string;
	signingSecret: string | null;
}
const subscriptions = new Map<string, KnownSubscription>();

/** Test events handed from the webhook to the trigger's manual run, which n8n starts after it. */
const testEvents = new Map<string, unknown>();

export function ledgerFor(trigger: string): DeliveryLedger {
	let ledger = ledgers.get(trigger);
	if (!ledger) {
		ledger = new DeliveryLedger();
		ledgers.set(trigger, ledger);
	}
	return ledger;
}

export const knownSubscription = (url: string) => subscriptions.get(url);
export const rememberSubscription = (subscription: KnownSubscription) =>
	subscriptions.set(subscription.url, subscription);
export const forgetSubscription = (url: string) => subscriptions.delete(url);

export const handOverTestEvent = (trigger: string, event: unknown) =>
	testEvents.set(trigger, event);
export function takeTestEvent(trigger: string): unknown {
	const event = testEvents.get(trigger);
	testEvents.delete(trigger);
	return event;
}

/** One trigger node of one workflow. */
export const triggerKey = (context: {
	getWorkflow(): { id?: string };
	getNode(): { id: string };
}) => `${context.getWorkflow().id ?? ''}/${context.getNode().id}`;

import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { eventMatchesNumbers, normaliseEvent, verifySignature } from '../../shared';
import { readSettings, type TriggerState } from './settings';

/** Delivery ids remembered to drop retried deliveries. */
export const REMEMBERED_DELIVERIES = 200;

function reply(
	context: IWebhookFunctions,
	status: number,
	body: Record<string, unknown>,
): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * Verifies a signed delivery, drops events the workflow does not want and retried deliveries,
 * and starts the workflow with the normalised event.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const settings = readSettings(this);
	const rawBody = request.rawBody ?? JSON.stringify(request.body ?? {});

	let deliveryId: string | null = null;
	if (settings.api === 'v2') {
		const verified = state.signingSecret
			? verifySignature({ headers: request.headers, rawBody, secret: state.signingSecret })
			: undefined;
		if (!verified?.valid) return reply(this, 401, { message: 'Signature missing or invalid' });
		deliveryId = verified.id;
	}

	const event = normaliseEvent(rawBody, deliveryId);
	if (!settings.eventTopics.includes(event.topic))
		return reply(this, 200, { received: true, ignored: 'event not selected' });
	if (!eventMatchesNumbers(event, settings.alloNumbers)) {
		return reply(this, 200, { received: true, ignored: 'other Allo number' });
	}
	if (deliveryId) {
		const seen = state.deliveries ?? [];
		if (seen.includes(deliveryId))
			return reply(this, 200, { received: true, ignored: 'duplicate delivery' });
		state.deliveries = [...seen, deliveryId].slice(-REMEMBERED_DELIVERIES);
	}
	return { workflowData: [[{ json: { ...event } }]] };
}

import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { deliveryKey, eventMatchesNumbers, normaliseEvent, verifySignature } from '../../shared';
import { refreshSigningSecret } from './lifecycle';
import { handOverTestEvent, knownSubscription, ledgerFor, triggerKey } from './memory';
import { readSettings, type TriggerState } from './settings';

/** The small JSON reply every delivery gets; n8n sends it once the execution is stored. */
const RECEIVED = { received: true };

function reply(
	context: IWebhookFunctions,
	status: number,
	body: Record<string, unknown>,
): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * Records the delivery as handled unless n8n answered it with an error, which it does when the
 * execution could not be started: then the sender's next copy runs, instead of being a duplicate.
 * A sender that hung up before the answer (n8n is slow, not failing) leaves it handled.
 */
function settleWhenAnswered(context: IWebhookFunctions, settle: (accepted: boolean) => void) {
	const response = context.getResponseObject();
	response.once('close', () =>
		settle(!response.writableFinished || (response.statusCode >= 200 && response.statusCode < 300)),
	);
}

/**
 * The secret of the webhook Allo delivers through: for the production URL the one this process
 * registered last (a scheduled check may have replaced the webhook), else the one published.
 */
function signingSecret(context: IWebhookFunctions, state: TriggerState): string | undefined {
	if (context.getMode() === 'manual') return state.signingSecret;
	const url = context.getNodeWebhookUrl('default');
	return (url ? knownSubscription(url)?.signingSecret : undefined) ?? state.signingSecret;
}

/**
 * Verifies a signed delivery, drops events the workflow does not want and deliveries this
 * trigger already handled, and starts the workflow with the normalised event.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const settings = readSettings(this);
	const rawBody = request.rawBody ?? JSON.stringify(request.body ?? {});

	let deliveryId: string | null = null;
	if (settings.api === 'v2') {
		const check = (secret: string | undefined) =>
			secret ? verifySignature({ headers: request.headers, rawBody, secret }) : undefined;
		let verified = check(signingSecret(this, state));
		const url = this.getNodeWebhookUrl('default');
		// No secret here, or signed with another one: the webhook may have been replaced in Allo.
		const unknownSecret = !verified || (!verified.valid && verified.reason === 'noMatch');
		if (unknownSecret && url && this.getMode() !== 'manual')
			verified = check(await refreshSigningSecret(this, url)) ?? verified;
		if (!verified?.valid) return reply(this, 401, { message: 'Signature missing or invalid' });
		deliveryId = verified.id;
	}

	const event = normaliseEvent(rawBody, deliveryId);
	if (!settings.eventTopics.includes(event.topic))
		return reply(this, 200, { ...RECEIVED, ignored: 'event not selected' });
	if (!eventMatchesNumbers(event, settings.alloNumbers))
		return reply(this, 200, { ...RECEIVED, ignored: 'other Allo number' });

	const trigger = triggerKey(this);
	const key = deliveryKey(event, deliveryId);
	const settle = key ? await ledgerFor(trigger).claim(key) : undefined;
	if (settle === null) return reply(this, 200, { ...RECEIVED, ignored: 'duplicate delivery' });
	if (settle) settleWhenAnswered(this, settle);

	const item = { json: { ...event } };
	if (this.getMode() === 'manual') handOverTestEvent(trigger, item);
	return { workflowData: [[item]], webhookResponse: RECEIVED };
}

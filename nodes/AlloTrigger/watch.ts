import {
	NodeOperationError,
	type INodeExecutionData,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';
import { healSubscription } from './lifecycle';
import { takeTestEvent, triggerKey } from './memory';
import { readSettings } from './settings';

/**
 * How often the published webhook is checked in Allo. v1 calls count against Allo's daily quota
 * (as low as 1,000 a day), so v1 webhooks are checked less often.
 */
export const CHECK_EVERY = {
	v2: { minutes: 1, expression: '0 * * * * *' },
	v1: { minutes: 30, expression: '0 */30 * * * *' },
} as const;

/**
 * Runs beside the webhook while the workflow is published. n8n registers a published webhook once
 * and does not check it again when it restarts, so this checks Allo at start-up and then on a
 * schedule, and restores the webhook when it was deleted or disabled there.
 *
 * n8n also calls this for a test event ("Listen for test event"), after the webhook received it:
 * it then hands on the event the webhook accepted.
 */
export async function watch(this: ITriggerFunctions): Promise<ITriggerResponse> {
	if (this.getMode() === 'manual') {
		const trigger = triggerKey(this);
		return {
			manualTriggerFunction: async () => {
				const event = takeTestEvent(trigger) as INodeExecutionData | undefined;
				if (!event) {
					throw new NodeOperationError(this.getNode(), 'No test event arrived', {
						description: 'Click "Listen for test event" and make the event happen in Allo.',
					});
				}
				this.emit([[event]]);
			},
		};
	}
	const heal = async () => {
		try {
			await healSubscription(this);
		} catch {
			// Allo unreachable or refusing for now: the next scheduled check tries again.
		}
	};
	const activation = this.getActivationMode();
	if (activation === 'init' || activation === 'leadershipChange') await heal();
	const { expression } = CHECK_EVERY[readSettings(this).api];
	this.helpers.registerCron({ expression }, () => void heal());
	return {};
}

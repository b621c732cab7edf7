import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { Batching } from '../../../shared';

/** Modelled on the HTTP Request node's Options → Batching. */
export const batchingOption: INodeProperties = {
	displayName: 'Batching',
	name: 'batching',
	placeholder: 'Add Batching',
	type: 'fixedCollection',
	typeOptions: { multipleValues: false },
	default: { batch: {} },
	description:
		"Without batching, items run several at once, as fast as Allo's rate limit allows, and the output keeps the input order",
	options: [
		{
			displayName: 'Batching',
			name: 'batch',
			values: [
				{
					displayName: 'Items per Batch',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
					description:
						'Items sent together; the next batch starts when this one is done. 1 runs items strictly one after another, in order.',
				},
				{
					displayName: 'Batch Interval (Ms)',
					name: 'batchInterval',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Time (in milliseconds) to wait between batches. 0 for none.',
				},
			],
		},
	],
};

/** The batching the user chose (read from the first item, as the HTTP Request node does). */
export function readBatching(context: IExecuteFunctions): Batching | undefined {
	const options = context.getNodeParameter('options', 0, {}) as {
		batching?: { batch?: { batchSize?: number; batchInterval?: number } };
	};
	const batch = options.batching?.batch;
	if (!batch) return undefined;
	return {
		size: Math.max(1, batch.batchSize ?? 1),
		intervalMs: Math.max(0, batch.batchInterval ?? 0),
	};
}

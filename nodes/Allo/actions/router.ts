import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import {
	AlloFile,
	DEFAULT_LIMIT,
	findOperation,
	runOperationItems,
	runOperation,
	type AlloClient,
	type JsonRecord,
	type OperationDeclaration,
} from '../../../shared';
import { createClient } from '../transport';
import { readBatching } from './batching';
import { toNodeError } from './errors';
import { GROUPS } from './properties';

/** The node's parameters for one item, as the core's raw input. */
function readInput(
	context: IExecuteFunctions,
	operation: OperationDeclaration,
	i: number,
): Record<string, unknown> {
	const raw: Record<string, unknown> = {};
	for (const field of operation.fields.filter((f) => !f.group)) {
		const value = context.getNodeParameter(field.key, i, null);
		// Pickers hold a resource locator; hidden ones (a v1-only number) have none to extract.
		raw[field.key] =
			typeof value === 'object' && value !== null && '__rl' in value
				? context.getNodeParameter(field.key, i, null, { extractValue: true })
				: value;
	}
	for (const group of Object.keys(GROUPS)) {
		if (operation.fields.some((field) => field.group === group)) {
			Object.assign(raw, context.getNodeParameter(group, i, {}) as IDataObject);
		}
	}
	return raw;
}

const simplified = (record: JsonRecord, keys: readonly string[]) =>
	Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]]));

/** One output item; a file in the record becomes binary data. */
async function toItem(
	context: IExecuteFunctions,
	operation: OperationDeclaration,
	record: JsonRecord,
	i: number,
): Promise<INodeExecutionData> {
	const json: IDataObject = {};
	const item: INodeExecutionData = { json, pairedItem: { item: i } };
	for (const [key, value] of Object.entries(record)) {
		if (value instanceof AlloFile && operation.returnsFile) {
			const property = context.getNodeParameter('binaryPropertyName', i) as string;
			item.binary = {
				[property]: await context.helpers.prepareBinaryData(
					Buffer.from(value.data),
					value.fileName,
					value.mimeType,
				),
			};
		} else {
			json[key] = value as IDataObject[string];
		}
	}
	if (operation.simplifiedKeys && context.getNodeParameter('simplify', i, true) === true) {
		item.json = simplified(json, operation.simplifiedKeys) as IDataObject;
	}
	return item;
}

async function runItem(
	context: IExecuteFunctions,
	client: AlloClient,
	operation: OperationDeclaration,
	i: number,
): Promise<INodeExecutionData[]> {
	const page = operation.paged
		? {
				returnAll: context.getNodeParameter('returnAll', i, false) as boolean,
				limit: context.getNodeParameter('limit', i, DEFAULT_LIMIT) as number,
			}
		: undefined;
	const records = await runOperation(operation, client, readInput(context, operation, i), page, {
		timeZone: context.getTimezone(),
	});
	return await Promise.all(
		records.map(async (record) => await toItem(context, operation, record, i)),
	);
}

/**
 * Runs every input item, several at once within Allo's rate limits (or in the user's batches),
 * and returns the output in input order, each item paired with the input it came from.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	if (count === 0) return [[]];
	// Resource and operation take no expressions: one operation for every item.
	const operation = findOperation(
		this.getNodeParameter('resource', 0) as string,
		this.getNodeParameter('operation', 0) as string,
	) as OperationDeclaration;
	const client = await createClient(this);
	const continueOnFail = this.continueOnFail();
	const results = await runOperationItems(
		client,
		operation,
		{
			count,
			input: (i) => readInput(this, operation, i),
			stopOnFailure: !continueOnFail,
			batching: readBatching(this),
			sleep: async (ms) => await sleep(ms),
		},
		async (i) => await runItem(this, client, operation, i),
	);
	const returnData: INodeExecutionData[] = [];
	for (const [i, result] of results.entries()) {
		if (result.status === 'done') returnData.push(...result.value);
		if (result.status !== 'failed') continue;
		const nodeError = toNodeError(this.getNode(), result.error, i, operation);
		if (!continueOnFail) throw nodeError;
		returnData.push({
			json: { error: nodeError.message, description: nodeError.description ?? null },
			pairedItem: { item: i },
		});
	}
	return [returnData];
}

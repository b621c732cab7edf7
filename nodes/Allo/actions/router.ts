import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import {
	AlloFile,
	DEFAULT_LIMIT,
	findOperation,
	runOperation,
	type AlloClient,
	type JsonRecord,
	type OperationDeclaration,
} from '../../../shared';
import { createClient } from '../transport';
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
	i: number,
): Promise<INodeExecutionData[]> {
	const resource = context.getNodeParameter('resource', i) as string;
	const name = context.getNodeParameter('operation', i) as string;
	const operation = findOperation(resource, name) as OperationDeclaration;
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

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const client = await createClient(this);
	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			returnData.push(...(await runItem(this, client, i)));
		} catch (error) {
			const operation = findOperation(
				this.getNodeParameter('resource', i, '') as string,
				this.getNodeParameter('operation', i, '') as string,
			);
			const nodeError = toNodeError(this.getNode(), error, i, operation);
			if (this.continueOnFail()) {
				returnData.push({
					json: { error: nodeError.message, description: nodeError.description ?? null },
					pairedItem: { item: i },
				});
				continue;
			}
			throw nodeError;
		}
	}
	return [returnData];
}

import type { INodeProperties } from 'n8n-workflow';
import { operations, resources, type OperationDeclaration } from '../../../shared';
import { byName, operationProperties } from './properties';

const binaryProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: resources
		.map((resource) => ({ name: resource.name, value: resource.value }))
		.sort(byName),
	default: 'call',
};

const preferredDefault = (list: readonly OperationDeclaration[]) =>
	(list.find((operation) => operation.operation === 'getMany') ?? list[0]).operation;

const operationProperty = (resource: string): INodeProperties => {
	const list = operations.filter((operation) => operation.resource === resource);
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: list
			.map((operation) => ({
				name: operation.name,
				value: operation.operation,
				action: operation.action,
				description: operation.description,
			}))
			.sort(byName),
		default: preferredDefault(list),
	};
};

/** Every parameter of the Allo node, generated from the core's declarations. */
export const properties: INodeProperties[] = [
	resourceProperty,
	...resources.map((resource) => operationProperty(resource.value)),
	...operations.flatMap((operation) =>
		operationProperties(operation, operation.returnsFile ? [binaryProperty] : []),
	),
];

const actions = Object.fromEntries(
	operations.map((operation) => [`${operation.resource}:${operation.operation}`, operation.action]),
);

/** The canvas subtitle: the operation's action, e.g. "Create or update a contact". */
export const subtitle = `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;

import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { isAlloError, type OperationDeclaration } from '../../../shared';

/**
 * The n8n error for a failed item: bad input is the user's to fix in the node (NodeOperationError),
 * anything Allo answered is an API error with its status. The message says what happened and names
 * the field; the description says how to fix it.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	operation?: OperationDeclaration,
) {
	if (!isAlloError(error)) {
		return new NodeOperationError(node, error as Error, { itemIndex });
	}
	// Allo's own validation errors name the field by its API key: add the parameter's name.
	const label =
		error.kind === 'invalidInput'
			? operation?.fields.find((field) => field.key === error.field)?.label
			: undefined;
	const message =
		label && !error.message.includes(label) ? `${error.message} (${label})` : error.message;
	if (error.kind === 'invalidInput' && error.httpStatus === undefined) {
		return new NodeOperationError(node, message, { itemIndex, description: error.fix });
	}
	return new NodeApiError(node, { message, code: error.code } as JsonObject, {
		itemIndex,
		message,
		description: error.fix,
		...(error.httpStatus !== undefined ? { httpCode: String(error.httpStatus) } : {}),
	});
}

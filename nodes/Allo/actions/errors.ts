import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import {
	isAlloError,
	type AlloError,
	type FieldGroup,
	type NextStep,
	type OperationDeclaration,
} from '../../../shared';
import { GROUPS } from './properties';

/** n8n's words for what the user does once the core's fix is done. */
const NEXT_STEP: Record<NextStep, string> = {
	replaceKey: 'Then update the Allo API credential with the key.',
	retryLater: 'Then run the workflow again.',
};

/** The core's fix, followed by what to do in n8n. */
export const n8nFix = (error: AlloError) =>
	error.nextStep ? `${error.fix} ${NEXT_STEP[error.nextStep]}` : error.fix;

/** The parameter an error is about: a field of the operation, or a collection of fields. */
const parameterLabel = (field: string, operation?: OperationDeclaration) =>
	operation?.fields.find((declared) => declared.key === field)?.label ??
	GROUPS[field as FieldGroup]?.displayName;

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
	// Errors name the field by its key: add the parameter's name.
	const label =
		error.kind === 'invalidInput' && error.field
			? parameterLabel(error.field, operation)
			: undefined;
	const message =
		label && !error.message.includes(label) ? `${error.message} (${label})` : error.message;
	if (error.kind === 'invalidInput' && error.httpStatus === undefined) {
		return new NodeOperationError(node, message, { itemIndex, description: n8nFix(error) });
	}
	return new NodeApiError(node, { message, code: error.code } as JsonObject, {
		itemIndex,
		message,
		description: n8nFix(error),
		...(error.httpStatus !== undefined ? { httpCode: String(error.httpStatus) } : {}),
	});
}

import type { AlloClient } from '../http/client';
import { DEFAULT_LIMIT, type PageSelection } from '../http/pagination';
import { validateInput, type InputContext } from '../validation/input';
import type { JsonRecord, OperationDeclaration } from './types';

/** Validates raw input, then runs the operation. Bad input throws before any request. */
export async function runOperation(
	operation: OperationDeclaration,
	client: AlloClient,
	raw: Record<string, unknown>,
	page: PageSelection = { returnAll: false, limit: DEFAULT_LIMIT },
	context: InputContext = {},
): Promise<JsonRecord[]> {
	const input = validateInput(operation, raw, context);
	return operation.execute({ client, page }, input);
}

import { inputError } from '../../http/errors';
import type { OperationInput } from '../types';
import { bodyOf } from '../v2';
import { DEAL_BODY } from './fields';

/** The deal fields to send; a currency is three letters, upper-cased for Allo. */
export function dealBody(input: OperationInput): Record<string, unknown> {
	const body = bodyOf(input, DEAL_BODY);
	if (typeof body.currency === 'string') {
		const currency = body.currency.trim().toUpperCase();
		if (!/^[A-Z]{3}$/.test(currency)) {
			throw inputError(
				'currency',
				'Currency',
				`"${body.currency}" is not a currency code`,
				'Use a three-letter ISO 4217 code, e.g. USD or EUR.',
			);
		}
		body.currency = currency;
	}
	return body;
}

import { inputError } from '../../validation/inputError';
import { bodyOf } from '../v2';
import { DEAL_BODY } from './dealFields';

interface DealInput {
	name?: string;
	status?: string;
	amount?: number;
	currency?: string;
	closedAt?: string;
	companyId?: string;
}

/** The deal fields to send; a currency is three letters, upper-cased for Allo. */
export function dealBody(input: DealInput): Record<string, unknown> {
	const currency = input.currency?.trim().toUpperCase();
	if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
		throw inputError(
			'currency',
			'Currency',
			`"${input.currency}" is not a currency code`,
			'Use a three-letter ISO 4217 code, e.g. USD or EUR.',
		);
	}
	return bodyOf({ ...input, currency }, DEAL_BODY);
}

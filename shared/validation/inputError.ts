import { AlloError } from '../http/errors';

/** Bad input found before any request is sent. */
export function inputError(field: string, label: string, problem: string, fix: string): AlloError {
	return new AlloError({
		code: 'INVALID_INPUT',
		kind: 'invalidInput',
		field,
		message: `${label} ${problem}`,
		fix,
	});
}

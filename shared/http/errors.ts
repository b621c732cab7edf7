/** What went wrong, in the terms an automation platform acts on. */
export type AlloErrorKind =
	| 'invalidInput'
	| 'authentication'
	| 'permission'
	| 'notFound'
	| 'conflict'
	| 'rateLimit'
	| 'quota'
	| 'server'
	| 'network';

/**
 * What the user does on their platform once the fix is done; each platform words it (n8n: the
 * credential, the workflow; Zapier: the connection, the Zap run).
 */
export type NextStep = 'replaceKey' | 'retryLater';

export interface AlloErrorInit {
	code: string;
	kind: AlloErrorKind;
	/** What happened, in words a non-developer understands. */
	message: string;
	/** How to fix it, in Allo's terms and the field's. */
	fix: string;
	nextStep?: NextStep;
	httpStatus?: number;
	/** The input field at fault, by its key. */
	field?: string;
	/** For `rateLimit`: how long Allo asked us to wait. */
	retryAfterSeconds?: number;
	/** For `quota`: when the daily quota resets. */
	quotaResetsInSeconds?: number;
	requestId?: string;
}

/** The one error type of the core: API errors, transport failures and bad input alike. */
export class AlloError extends Error {
	readonly code: string;
	readonly kind: AlloErrorKind;
	readonly fix: string;
	readonly nextStep?: NextStep;
	readonly httpStatus?: number;
	readonly field?: string;
	readonly retryAfterSeconds?: number;
	readonly quotaResetsInSeconds?: number;
	readonly requestId?: string;

	constructor(init: AlloErrorInit) {
		super(init.message);
		this.name = 'AlloError';
		this.code = init.code;
		this.kind = init.kind;
		this.fix = init.fix;
		this.nextStep = init.nextStep;
		this.httpStatus = init.httpStatus;
		this.field = init.field;
		this.retryAfterSeconds = init.retryAfterSeconds;
		this.quotaResetsInSeconds = init.quotaResetsInSeconds;
		this.requestId = init.requestId;
	}
}

export const isAlloError = (error: unknown): error is AlloError => error instanceof AlloError;

/** Secrets shorter than this are not real keys; replacing them would garble every message. */
const MIN_REDACTED_LENGTH = 8;

/** The error with every occurrence of `secret` (an API key Allo echoed back) masked. */
export function redactError(error: AlloError, secret: string | undefined): AlloError {
	if (!secret || secret.length < MIN_REDACTED_LENGTH) return error;
	const mask = (text: string) => text.split(secret).join('[redacted]');
	const texts = [error.code, error.message, error.fix, error.field ?? '', error.requestId ?? ''];
	if (!texts.some((text) => text.includes(secret))) return error;
	return new AlloError({
		code: mask(error.code),
		kind: error.kind,
		message: mask(error.message),
		fix: mask(error.fix),
		nextStep: error.nextStep,
		httpStatus: error.httpStatus,
		field: error.field === undefined ? undefined : mask(error.field),
		retryAfterSeconds: error.retryAfterSeconds,
		quotaResetsInSeconds: error.quotaResetsInSeconds,
		requestId: error.requestId === undefined ? undefined : mask(error.requestId),
	});
}

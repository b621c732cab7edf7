import type { Endpoint } from '../catalog/endpoints';
import { isObject, parseJsonOrText } from '../json';
import type { HttpResponse } from '../transport';
import { errorCatalog, entryForStatus, type ErrorContext } from './errorCatalog';
import { AlloError } from './errors';
import { describeReset, parseQuotaMessage, retryAfterSeconds } from './rateLimit';

interface ParsedBody {
	code?: string;
	apiMessage?: string;
	details: Array<{ message?: string; field?: string }>;
	param?: string;
	retryAfterSeconds?: number;
	requestId?: string;
}

const asString = (value: unknown) =>
	typeof value === 'string' && value !== '' ? value : undefined;

/** Reads v1 `{code, details}`, v2 `{error: {…}}` and the v1 webhook `{error: "CODE"}` bodies. */
function parseBody(raw: unknown): ParsedBody {
	const parsed = typeof raw === 'string' ? parseJsonOrText(raw) : raw;
	const body = isObject(parsed) ? parsed : {};
	const v2 = isObject(body.error) ? body.error : undefined;
	const detailsSource = Array.isArray(body.details)
		? body.details
		: Array.isArray(v2?.errors)
			? v2.errors
			: [];
	const details = detailsSource
		.filter(isObject)
		.map((d) => ({ message: asString(d.message), field: asString(d.field) ?? asString(d.param) }));
	return {
		code: asString(body.code) ?? asString(v2?.code) ?? asString(body.error),
		apiMessage: asString(v2?.message) ?? asString(body.message),
		details,
		param: asString(v2?.param),
		retryAfterSeconds:
			typeof v2?.retry_after_seconds === 'number' ? v2.retry_after_seconds : undefined,
		requestId: asString(v2?.request_id),
	};
}

/** Turns a non-2xx Allo response into the core's one error type. */
export function errorFromResponse(
	response: HttpResponse,
	endpoint: Endpoint | undefined,
	nowMs: number,
): AlloError {
	const parsed = parseBody(response.body);
	const status = response.status;
	const code = parsed.code ?? (status === 429 ? 'RATE_LIMIT_EXCEEDED' : `HTTP_${status}`);
	const entry = errorCatalog[code] ?? entryForStatus(status);

	const context: ErrorContext = { apiMessage: parsed.apiMessage, param: parsed.param };
	const scopeDetail = parsed.details.find(
		(d) => d.field === 'scope' || d.message?.startsWith('required='),
	);
	context.scope = scopeDetail?.message?.replace(/^required=/, '') ?? endpoint?.scope;

	let quotaResetsInSeconds: number | undefined;
	if (entry.kind === 'quota') {
		const quota = parseQuotaMessage(parsed.details[0]?.message);
		context.limit = quota.limit;
		quotaResetsInSeconds = quota.resetInSeconds;
		if (quotaResetsInSeconds !== undefined)
			context.resetsIn = describeReset(quotaResetsInSeconds, nowMs);
	}

	return new AlloError({
		code,
		kind: entry.kind,
		httpStatus: status,
		message: entry.message(context),
		fix: entry.fix(context),
		nextStep: entry.nextStep,
		field:
			entry.kind === 'invalidInput'
				? (parsed.details.find((d) => d.field && d.field !== 'scope')?.field ?? parsed.param)
				: undefined,
		retryAfterSeconds:
			entry.kind === 'rateLimit'
				? retryAfterSeconds(response, parsed.retryAfterSeconds, nowMs)
				: undefined,
		quotaResetsInSeconds,
		requestId: parsed.requestId,
	});
}

'use strict';
// Error bodies in Allo's two shapes: v1 `{code, details}` and v2 `{error: {…}}`.
const { randomBytes } = require('node:crypto');

const requestId = () => `req_${randomBytes(6).toString('hex')}`;

/** A handler's answer. */
class Reply {
	/**
	 * @param {number} status
	 * @param {unknown} [body]
	 * @param {Record<string, string>} [headers]
	 */
	constructor(status, body, headers = {}) {
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/** @param {Array<{message: string, field: string}> | null} [details] */
const v1Error = (status, code, details = null) => new Reply(status, { code, details });

const V2_TYPES = {
	400: 'invalid_request_error',
	401: 'authentication_error',
	403: 'permission_error',
	404: 'not_found_error',
	409: 'conflict_error',
	422: 'invalid_request_error',
	429: 'rate_limit_error',
};

/**
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @param {{ param?: string, errors?: Array<{message: string, field: string}>, retry_after_seconds?: number }} [extra]
 */
function v2Error(status, code, message, extra = {}) {
	return new Reply(status, {
		error: {
			type: V2_TYPES[status] ?? 'api_error',
			code,
			message,
			retryable: status === 429 || status >= 500,
			request_id: requestId(),
			...extra,
		},
	});
}

/** The error in the shape of the endpoint's API generation. */
function apiError(version, status, code, message, details = null) {
	return version === 'v1'
		? v1Error(status, code, details)
		: v2Error(status, code, message, details ? { errors: details, param: details[0]?.field } : {});
}

module.exports = { Reply, v1Error, v2Error, apiError };

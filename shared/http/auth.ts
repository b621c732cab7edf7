export const DEFAULT_BASE_URL = 'https://api.withallo.com';

/**
 * The Authorization header value. Users paste keys with or without the documented `Api-Key `
 * prefix; Allo's auth guide documents `Api-Key <key>`, so that is the one form sent.
 */
export function authorizationHeader(apiKey: string): string {
	const key = apiKey.trim().replace(/^(api-key|bearer)\s+/i, '').trim();
	return `Api-Key ${key}`;
}

/** The base URL without a trailing slash; the default when empty. */
export function normaliseBaseUrl(baseUrl: string | undefined): string {
	const url = (baseUrl ?? '').trim() || DEFAULT_BASE_URL;
	return url.replace(/\/+$/, '');
}

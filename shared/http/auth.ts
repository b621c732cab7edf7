export const DEFAULT_BASE_URL = 'https://api.withallo.com';
/** Where users create and manage Allo API keys. */
export const API_KEYS_PAGE = 'https://web.withallo.com/settings/api';

/**
 * The Authorization header value. Users paste keys with or without the documented `Api-Key `
 * prefix; Allo's auth guide documents `Api-Key <key>`, so that is the one form sent.
 */
export function authorizationHeader(apiKey: string): string {
	return `Api-Key ${bareApiKey(apiKey)}`;
}

/** The key without the `Api-Key ` or `Bearer ` prefix it may have been pasted with. */
export function bareApiKey(apiKey: string): string {
	return apiKey
		.trim()
		.replace(/^(api-key|bearer)\s+/i, '')
		.trim();
}

/** Whether a URL is on the Allo API's host: only those requests may carry the API key. */
export function isAlloApiUrl(url: string, baseUrl: string): boolean {
	try {
		return new URL(url).host === new URL(baseUrl).host;
	} catch {
		return false;
	}
}

/** The base URL without a trailing slash; the default when empty. */
export function normaliseBaseUrl(baseUrl: string | undefined): string {
	const url = (baseUrl ?? '').trim() || DEFAULT_BASE_URL;
	return url.replace(/\/+$/, '');
}

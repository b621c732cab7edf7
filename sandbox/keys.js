'use strict';
// The sandbox's API keys: their scopes, rate limits and daily quotas.
const { DailyQuota, TokenBucket } = require('./limits');

/** Every scope Allo grants API keys. */
const ALL_SCOPES = [
	'CONVERSATIONS_READ',
	'CONVERSATIONS_WRITE',
	'CONTACTS_READ',
	'CONTACTS_READ_WRITE',
	'SMS_SEND',
	'WEBHOOKS_READ_WRITE',
	'PHONE_NUMBERS_READ',
	'USERS_READ',
	'TAGS_READ',
	'TAGS_WRITE',
	'CRM_READ',
	'CRM_WRITE',
];

const DEMO_API_KEY = 'ak_live_sandbox_demo';
/** Allo's documented example quota; per plan in reality. */
const DEFAULT_DAILY_QUOTA = 1000;

/** The key in `Authorization: Api-Key <key>` or a bare `Authorization: <key>`. */
const keyFromHeader = (header) =>
	(header ?? '')
		.trim()
		.replace(/^api-key\s+/i, '')
		.trim();

/**
 * The keys a sandbox accepts, each with its own burst buckets and daily quota.
 * @param {{ apiKeys?: Array<{ key: string, scopes?: string[], dailyQuota?: number, id?: string }>, dailyQuota?: number }} options
 * @param {{ readsPerSecond: number, writesPerSecond: number }} limits
 * @param {() => number} now
 */
function createKeys(options, limits, now) {
	const keys = (options.apiKeys ?? [{ key: DEMO_API_KEY }]).map((option, i) => ({
		key: option.key,
		id: option.id ?? `api-sandbox-${i + 1}`,
		scopes: option.scopes ?? ALL_SCOPES,
		quota: new DailyQuota(option.dailyQuota ?? options.dailyQuota ?? DEFAULT_DAILY_QUOTA),
		buckets: null,
	}));
	/** Fresh buckets and quotas for every key. */
	const resetLimits = () => {
		for (const key of keys) {
			key.quota = new DailyQuota(key.quota.limit);
			key.buckets = {
				read: new TokenBucket(limits.readsPerSecond, now()),
				write: new TokenBucket(limits.writesPerSecond, now()),
			};
		}
	};
	resetLimits();
	/** The key a request's Authorization header names, if the sandbox knows it. */
	const find = (header) => keys.find((k) => k.key === keyFromHeader(header));
	return { keys, find, resetLimits };
}

module.exports = { createKeys, ALL_SCOPES, DEMO_API_KEY, DEFAULT_DAILY_QUOTA };

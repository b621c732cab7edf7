'use strict';
// Per-key limits as Allo enforces them: a burst limit per second and a daily quota on /v1/api.

/** Allo's documented per-key limits. */
const DEFAULT_RATE_LIMITS = { readsPerSecond: 20, writesPerSecond: 5 };

/**
 * A token bucket holding one second's worth of requests, refilled continuously: a client that
 * never starts more than `perSecond` requests in any one-second window is never refused.
 */
class TokenBucket {
	/** @param {number} perSecond @param {number} now */
	constructor(perSecond, now) {
		this.perSecond = perSecond;
		this.tokens = perSecond;
		this.updated = now;
	}

	/** @param {number} now */
	refill(now) {
		const elapsed = Math.max(0, now - this.updated);
		this.tokens = Math.min(this.perSecond, this.tokens + (elapsed * this.perSecond) / 1000);
		this.updated = now;
	}

	/** @param {number} now */
	take(now) {
		this.refill(now);
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return { allowed: true, ...this.state(now) };
		}
		const retryAfterMs = ((1 - this.tokens) * 1000) / this.perSecond;
		return { allowed: false, retryAfterMs, ...this.state(now) };
	}

	/** @param {number} now */
	state(now) {
		const fullInMs = ((this.perSecond - this.tokens) * 1000) / this.perSecond;
		return {
			limit: this.perSecond,
			remaining: Math.floor(this.tokens),
			resetAt: Math.ceil((now + fullInMs) / 1000),
		};
	}
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Counts requests per UTC day; the count starts again at midnight UTC. */
class DailyQuota {
	/** @param {number} limit */
	constructor(limit) {
		this.limit = limit;
		this.day = -1;
		this.used = 0;
	}

	/** @param {number} now */
	take(now) {
		const day = Math.floor(now / DAY_MS);
		if (day !== this.day) {
			this.day = day;
			this.used = 0;
		}
		const resetInSeconds = Math.ceil(((day + 1) * DAY_MS - now) / 1000);
		if (this.used >= this.limit) return { allowed: false, limit: this.limit, resetInSeconds };
		this.used += 1;
		return { allowed: true, limit: this.limit, resetInSeconds };
	}
}

module.exports = { DEFAULT_RATE_LIMITS, TokenBucket, DailyQuota };

'use strict';
// Small helpers for the sandbox's records: ids, dates and a seeded random generator.
const { randomBytes } = require('node:crypto');

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so seeded data is the same every run. */
function seededRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Ids shaped like Allo's (`cnt_…`, `cll-…`, `ep_…`), 20 base-62 characters after the prefix. */
function idMaker(random) {
	return (prefix) => {
		let id = '';
		for (let i = 0; i < 20; i++) id += BASE62[Math.floor(random() * 62)];
		return `${prefix}${id}`;
	};
}

/** A random id for records created at run time (webhooks, deliveries). */
const randomId = (prefix) => {
	const bytes = randomBytes(20);
	return prefix + Array.from(bytes, (b) => BASE62[b % 62]).join('');
};

/** v1 REST dates: ISO-8601 without a zone, as Allo's v1 API sends them. */
const v1Date = (ms) =>
	ms === null || ms === undefined ? null : new Date(ms).toISOString().slice(0, 19);

/** v2 and webhook dates: ISO-8601 in UTC. */
const v2Date = (ms) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** Allo's human duration, e.g. "5m 30s". */
const humanLength = (seconds) => `${Math.floor(seconds / 60)}m ${Math.round(seconds % 60)}s`;

/** ITU calling code → country, for the countries the sandbox knows. */
const COUNTRIES = [
	['+1', 'US'],
	['+33', 'FR'],
	['+44', 'GB'],
	['+49', 'DE'],
	['+34', 'ES'],
	['+32', 'BE'],
	['+41', 'CH'],
];
const countryOf = (number) => COUNTRIES.find(([code]) => number.startsWith(code))?.[1] ?? null;

const E164 = /^\+[1-9]\d{1,14}$/;
const isE164 = (value) => typeof value === 'string' && E164.test(value);

module.exports = {
	seededRandom,
	idMaker,
	randomId,
	v1Date,
	v2Date,
	humanLength,
	countryOf,
	isE164,
};

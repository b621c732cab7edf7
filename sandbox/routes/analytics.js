'use strict';
// Team and outbound call metrics for a date window, computed from the workspace's calls.
const { ok, invalid } = require('./replies');

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The calls a request covers: its dates (inclusive), users and numbers. */
function callsIn(store, range, body) {
	return store.calls.filter((call) => {
		const day = dayOf(call.start);
		return (
			day >= range.from &&
			day <= range.to &&
			(!body.user_ids?.length || body.user_ids.includes(call.user?.id)) &&
			(!body.allo_numbers?.length || body.allo_numbers.includes(call.allo_number))
		);
	});
}

/** The window before `range`, of the same length, when no comparison window is given. */
function previousRange(range) {
	const from = Date.parse(range.from);
	const length = Date.parse(range.to) - from + DAY;
	return { from: dayOf(from - length), to: dayOf(from - DAY) };
}

const metric = (value, previous) => ({
	value,
	previous,
	change: previous ? Math.round(((value - previous) / previous) * 100) / 100 : null,
});

function kpis(calls) {
	const answered = calls.filter((c) => c.result === 'ANSWERED');
	return {
		total_calls: calls.length,
		talk_time_seconds: calls.reduce((sum, c) => sum + c.duration_seconds, 0),
		calls_over_1_min: calls.filter((c) => c.duration_seconds > 60).length,
		answer_rate: calls.length ? Math.round((answered.length / calls.length) * 100) / 100 : 0,
	};
}

const compare = (now, before) =>
	Object.fromEntries(Object.keys(now).map((key) => [key, metric(now[key], before[key])]));

/** The request's window and comparison window, or the reply refusing them. */
function windows(body) {
	if (body.date.from > body.date.to)
		return { reply: invalid('date', 'date.from must be on or before date.to.') };
	return { range: body.date, compareRange: body.compare_date ?? previousRange(body.date) };
}

/** @type {import('./index').Route[]} */
module.exports = [
	{
		name: 'getTeamMetrics',
		method: 'POST',
		path: '/v2/api/analytics/overview',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		spec: '/v2/api/analytics/overview',
		handle: ({ body, store }) => {
			const { range, compareRange, reply } = windows(body);
			if (reply) return reply;
			const calls = callsIn(store, range, body);
			const earlier = callsIn(store, compareRange, body);
			return ok({
				date: range,
				compare_date: compareRange,
				summary: compare(kpis(calls), kpis(earlier)),
				breakdown: store.users.map((user) => {
					const mine = (list) => list.filter((c) => c.user?.id === user.id);
					const { total_calls, ...rest } = compare(kpis(mine(calls)), kpis(mine(earlier)));
					return { user, calls: total_calls, ...rest };
				}),
				last_updated: new Date(store.now()).toISOString(),
			});
		},
	},
	{
		name: 'getOutboundMetrics',
		method: 'POST',
		path: '/v2/api/analytics/outbound',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		spec: '/v2/api/analytics/outbound',
		handle: ({ body, store }) => {
			const { range, compareRange, reply } = windows(body);
			if (reply) return reply;
			const outbound = (list) =>
				list.filter(
					(c) =>
						c.direction === 'OUTBOUND' &&
						(!body.tags?.length || body.tags.some((t) => c.tags.includes(t))),
				);
			const calls = outbound(callsIn(store, range, body));
			const earlier = outbound(callsIn(store, compareRange, body));
			const funnel = (list) => {
				const connected = list.filter((c) => c.result === 'ANSWERED');
				const conversations = connected.filter((c) => c.duration_seconds > 60);
				return {
					dials: list.length,
					connected: connected.length,
					conversations: conversations.length,
					conversions: 0,
				};
			};
			const now = funnel(calls);
			const before = funnel(earlier);
			const stage = (key) => ({
				count: metric(now[key], before[key]),
				rate: now.dials ? Math.round((now[key] / now.dials) * 100) / 100 : null,
			});
			const days = [...new Set(calls.map((c) => dayOf(c.start)))].sort();
			return ok({
				date: range,
				compare_date: compareRange,
				funnel: {
					dials: stage('dials'),
					connected: stage('connected'),
					conversations: stage('conversations'),
					conversions: stage('conversions'),
				},
				time_series: {
					dials: days.map((date) => ({
						date,
						value: calls.filter((c) => dayOf(c.start) === date).length,
					})),
				},
				leaderboard: store.users.map((user) => ({
					user,
					connected: calls.filter((c) => c.user?.id === user.id && c.result === 'ANSWERED').length,
				})),
			});
		},
	},
];

'use strict';
// SMS: texts from an Allo number, or from a French sender ID.
const { v1Error } = require('../errors');
const { countryOf, isE164 } = require('../data');
const { recordSentSms } = require('../events');
const views = require('../views');
const { ok } = require('./replies');

const SENDER_ID = /^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/;

/** @type {import('./index').Route[]} */
module.exports = [
	{
		name: 'sendSms',
		method: 'POST',
		path: '/v1/api/sms',
		version: 'v1',
		scope: 'SMS_SEND',
		// One path, two documented operations: a `sender_id` body is the French variant.
		spec: (body) =>
			body && typeof body === 'object' && 'sender_id' in body
				? '/v1/api/sms#france'
				: '/v1/api/sms',
		invalid: (problems) =>
			problems.some(
				(p) => p.field === 'message' && (p.keyword === 'minLength' || p.keyword === 'maxLength'),
			)
				? v1Error(400, 'INVALID_LENGTH')
				: undefined,
		handle: (ctx) => {
			const { body, store } = ctx;
			if (!body.message.trim()) return v1Error(400, 'INVALID_LENGTH');
			if ('sender_id' in body) {
				if (!SENDER_ID.test(body.sender_id)) return v1Error(400, 'INVALID_SENDER_ID');
				const sender = store.senderIds.find((s) => s.sender_id === body.sender_id);
				if (!sender) return v1Error(400, 'INVALID_SENDER_ID');
				if (!sender.active) return v1Error(400, 'SENDER_ID_NOT_ACTIVE');
				if (!isE164(body.to) || !body.to.startsWith('+33'))
					return v1Error(400, 'INVALID_TO_NUMBER');
				const sent = recordSentSms(ctx, {
					sender_id: body.sender_id,
					to: body.to,
					message: body.message,
				});
				return ok(views.v1Message(sent));
			}
			const from = store.number(body.from);
			if (!from) return v1Error(400, 'FROM_NUMBER_NOT_FOUND');
			// French lines text through a verified sender ID (POST /v1/api/sms with sender_id).
			if (!from.smsFromNumber) return v1Error(400, 'PROVIDER_NOT_SUPPORTED');
			if (!isE164(body.to)) return v1Error(400, 'INVALID_TO_NUMBER');
			if (countryOf(body.to) !== from.country) return v1Error(400, 'TO_NUMBER_COUNTRY_MISMATCH');
			const sent = recordSentSms(ctx, {
				allo_number: from.number,
				to: body.to,
				message: body.message,
			});
			return ok(views.v1Message(sent));
		},
	},
];

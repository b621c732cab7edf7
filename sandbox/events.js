'use strict';
// What a write through the API records and delivers to webhooks, as Allo does.
const views = require('./views');

/** Delivers contact.created or contact.updated (and its v1 topic) for a contact written. */
function emitContactEvent({ dispatcher }, contact, created) {
	dispatcher.emit({
		topic: created ? 'contact.created' : 'contact.updated',
		data: views.contactEvent(contact, 'v2'),
		seedTopic: created ? 'CONTACT_CREATED' : 'CONTACT_UPDATED',
		v1Data: views.contactEvent(contact, 'v1'),
	});
}

/** Stores a sent text, delivers sms.sent, and returns the stored message. */
function recordSentSms({ store, dispatcher }, { allo_number, sender_id, to, message }) {
	const record = store.addMessage({
		direction: 'OUTBOUND',
		allo_number: allo_number ?? null,
		sender_id: sender_id ?? null,
		contact_number: to,
		content: message,
		date: store.now(),
		user: null,
		status: 'SENT',
	});
	store.sentSms.push(record);
	const contact = store.contactFor(to);
	dispatcher.emit({
		topic: 'sms.sent',
		data: views.smsEvent(record, contact, store.number(allo_number)?.name),
		seedTopic: 'SMS_SENT',
		alloNumber: allo_number ?? null,
	});
	return record;
}

module.exports = { emitContactEvent, recordSentSms };

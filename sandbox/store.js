'use strict';
// The sandbox's state and the queries Allo answers from it.
const { seedState } = require('./seed');
const { workspaceState } = require('./workspace');
const { randomBytes } = require('node:crypto');
const { randomId } = require('./data');

/** Everything a sandbox holds; `reset()` goes back to the seeded state. */
class Store {
	/**
	 * @param {{ seed: false | { contacts?: number, calls?: number, messages?: number, randomSeed?: number }, now: () => number }} options
	 */
	constructor({ seed, now }) {
		this.seedOptions = seed;
		this.now = now;
		this.reset();
	}

	reset() {
		const counts =
			this.seedOptions === false ? { contacts: 0, calls: 0, messages: 0 } : this.seedOptions;
		const state = seedState({ now: this.now(), ...counts });
		this.team = state.team;
		this.users = state.users;
		this.numbers = state.numbers;
		this.senderIds = state.senderIds;
		/** Newest first, as lists are served. */
		this.contacts = state.contacts.reverse();
		this.calls = state.calls;
		this.messages = state.messages;
		this.newId = state.newId;
		this.webhooksV1 = [];
		this.webhooksV2 = [];
		/** Texts sent through the API, oldest first. */
		this.sentSms = [];
		this.contactsById = new Map(this.contacts.map((c) => [c.id, c]));
		this.indexNumbers();
		Object.assign(this, workspaceState({ now: this.now(), ...state }));
	}

	indexNumbers() {
		this.contactsByNumber = new Map();
		for (const contact of [...this.contacts].reverse()) {
			for (const number of contact.numbers) this.contactsByNumber.set(number, contact);
		}
	}

	number(value) {
		return this.numbers.find((n) => n.number === value);
	}

	contactFor(number) {
		return number ? this.contactsByNumber.get(number) : undefined;
	}

	contact(id) {
		return this.contactsById.get(id);
	}

	/** @param {Record<string, unknown>} fields */
	createContact(fields) {
		const now = this.now();
		const contact = {
			id: this.newId('cnt_'),
			name: fields.name ?? null,
			last_name: fields.last_name ?? null,
			numbers: fields.numbers,
			emails: fields.emails ?? [],
			company: null,
			job_title: fields.job_title ?? null,
			website: fields.website ?? null,
			status: null,
			is_archived: false,
			is_whitelisted: false,
			engagement: null,
			custom_properties: {},
			integration_data: {},
			created_at: now,
			updated_at: now,
		};
		this.contacts.unshift(contact);
		this.contactsById.set(contact.id, contact);
		this.indexNumbers();
		return contact;
	}

	/** Only the given fields change; lists replace the existing ones, as Allo documents. */
	updateContact(contact, fields) {
		for (const key of ['name', 'last_name', 'job_title', 'website']) {
			if (key in fields) contact[key] = fields[key];
		}
		for (const key of ['emails', 'numbers']) {
			if (Array.isArray(fields[key])) contact[key] = fields[key];
		}
		contact.updated_at = this.now();
		this.indexNumbers();
		return contact;
	}

	/** Calls and texts with any of the contact's numbers, newest first. */
	conversation(contact, alloNumber) {
		const numbers = new Set(contact.numbers);
		const mine = (item) =>
			numbers.has(item.contact_number) && (!alloNumber || item.allo_number === alloNumber);
		return [
			...this.calls.filter(mine).map((call) => ({ kind: 'CALL', date: call.start, call })),
			...this.messages
				.filter(mine)
				.map((message) => ({ kind: 'TEXT_MESSAGE', date: message.date, message })),
		].sort((a, b) => b.date - a.date);
	}

	lastActivity(contact) {
		return this.conversation(contact)[0]?.date ?? null;
	}

	/** Calls of one Allo number, newest first. */
	callsOf(alloNumber, contactNumber) {
		return this.calls
			.filter(
				(c) =>
					c.allo_number === alloNumber && (!contactNumber || c.contact_number === contactNumber),
			)
			.sort((a, b) => b.start - a.start);
	}

	item(id) {
		return this.calls.find((c) => c.id === id) ?? this.messages.find((m) => m.id === id);
	}

	addCall(call) {
		const record = { id: this.newId('cll-'), ...call };
		this.calls.push(record);
		return record;
	}

	addMessage(message) {
		const record = { id: this.newId('msg-'), message_type: 'SMS', status: 'DELIVERED', ...message };
		this.messages.push(record);
		return record;
	}

	addWebhookV2({ url, topics, description }) {
		const webhook = {
			id: randomId('ep_'),
			url,
			topics,
			description: description ?? null,
			enabled: true,
			signing_secret: `whsec_${randomBytes(24).toString('base64')}`,
			created_at: this.now(),
		};
		this.webhooksV2.push(webhook);
		return webhook;
	}

	addWebhookV1({ allo_number, url, topics, enabled }) {
		const webhook = {
			id: randomId('web-'),
			allo_number,
			url,
			topics,
			enabled: enabled !== false,
			created_at: this.now(),
		};
		this.webhooksV1.push(webhook);
		return webhook;
	}

	removeWebhook(list, id) {
		const index = list.findIndex((w) => w.id === id);
		if (index === -1) return false;
		list.splice(index, 1);
		return true;
	}
}

module.exports = { Store };

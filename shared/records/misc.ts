import { asRecord, asString, asStrings, pick, toIsoDate } from '../json';

export interface PhoneNumber {
	number: string | null;
	name: string | null;
	country: string | null;
	is_shared_number: boolean;
}

export function normalisePhoneNumber(raw: unknown): PhoneNumber {
	const number = asRecord(raw);
	return {
		number: asString(number.number),
		name: asString(number.name),
		country: asString(number.country),
		is_shared_number: number.is_shared_number === true,
	};
}

export interface Webhook {
	id: string | null;
	api_version: 'v1' | 'v2';
	url: string | null;
	topics: string[];
	enabled: boolean;
	description: string | null;
	/** v1 webhooks belong to one Allo number. */
	allo_number: string | null;
	created_at: string | null;
}

/** The signing secret is kept out on purpose: secrets never reach workflow outputs. */
export function normaliseWebhook(raw: unknown, apiVersion: 'v1' | 'v2'): Webhook {
	const webhook = asRecord(raw);
	return {
		id: asString(webhook.id),
		api_version: apiVersion,
		url: asString(webhook.url),
		topics: asStrings(webhook.topics),
		enabled: webhook.enabled !== false,
		description: asString(webhook.description),
		allo_number: asString(pick(webhook, 'allo_number', 'alloNumber')),
		created_at: toIsoDate(pick(webhook, 'created_at', 'createdAt')),
	};
}

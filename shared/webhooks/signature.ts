import { createHmac, timingSafeEqual } from 'crypto';

/** Allo signs v2 deliveries with Standard Webhooks; deliveries older or newer than this are refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureFailure =
	| 'missingHeaders'
	| 'invalidTimestamp'
	| 'staleTimestamp'
	| 'futureTimestamp'
	| 'invalidSecret'
	| 'noMatch';

/** Each failure in words, for the people who read why a delivery was ignored. */
export const SIGNATURE_FAILURES: Record<SignatureFailure, string> = {
	missingHeaders: 'it has no webhook signature headers',
	invalidTimestamp: 'its signature timestamp is not a number',
	staleTimestamp: 'it was signed more than 5 minutes ago',
	futureTimestamp: 'it is signed with a time more than 5 minutes ahead',
	invalidSecret: 'the webhook signing secret is missing or malformed',
	noMatch: 'its signature does not match this webhook',
};

export type SignatureResult =
	| { valid: true; id: string; timestamp: number }
	| { valid: false; reason: SignatureFailure };

export interface SignedDelivery {
	/** Header lookup; names in any case. */
	headers: Record<string, string | string[] | undefined>;
	/** The body exactly as received. */
	rawBody: string | Uint8Array;
	/** The `whsec_…` secret Allo returned when the webhook was created. */
	secret: string;
	/** Milliseconds since the epoch; defaults to Date.now(). */
	nowMs?: number;
}

function headerValue(headers: SignedDelivery['headers'], name: string): string | undefined {
	for (const [key, value] of Object.entries(headers)) {
		// Zapier hands request headers over as `Http-Webhook-Id`.
		const normalised = key
			.toLowerCase()
			.replace(/^http[-_]/, '')
			.replace(/_/g, '-');
		if (normalised === name) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

function secretKey(secret: string): Buffer | undefined {
	const encoded = secret.trim().replace(/^whsec_/, '');
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
	const key = Buffer.from(encoded, 'base64');
	return key.length > 0 ? key : undefined;
}

/** Verifies a Standard Webhooks signature (`webhook-id`, `webhook-timestamp`, `webhook-signature`). */
export function verifySignature(delivery: SignedDelivery): SignatureResult {
	const id = headerValue(delivery.headers, 'webhook-id');
	const timestampHeader = headerValue(delivery.headers, 'webhook-timestamp');
	const signatureHeader = headerValue(delivery.headers, 'webhook-signature');
	if (!id || !timestampHeader || !signatureHeader)
		return { valid: false, reason: 'missingHeaders' };

	if (!/^\d+$/.test(timestampHeader.trim())) return { valid: false, reason: 'invalidTimestamp' };
	const timestamp = Number(timestampHeader);
	const nowSeconds = Math.floor((delivery.nowMs ?? Date.now()) / 1000);
	if (nowSeconds - timestamp > SIGNATURE_TOLERANCE_SECONDS)
		return { valid: false, reason: 'staleTimestamp' };
	if (timestamp - nowSeconds > SIGNATURE_TOLERANCE_SECONDS)
		return { valid: false, reason: 'futureTimestamp' };

	const key = secretKey(delivery.secret);
	if (!key) return { valid: false, reason: 'invalidSecret' };

	const body =
		typeof delivery.rawBody === 'string'
			? Buffer.from(delivery.rawBody, 'utf8')
			: Buffer.from(delivery.rawBody);
	const expected = createHmac('sha256', key)
		.update(`${id}.${timestampHeader}.`)
		.update(body)
		.digest();

	for (const candidate of signatureHeader.split(' ')) {
		const [version, signature] = candidate.split(',', 2);
		if (version !== 'v1' || !signature) continue;
		const given = Buffer.from(signature, 'base64');
		if (given.length === expected.length && timingSafeEqual(given, expected)) {
			return { valid: true, id, timestamp };
		}
	}
	return { valid: false, reason: 'noMatch' };
}

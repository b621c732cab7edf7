import { randomBytes } from 'crypto';
import { Webhook } from 'standardwebhooks';
import { SIGNATURE_TOLERANCE_SECONDS, verifySignature } from '../../shared/webhooks/signature';

const NOW_MS = Date.UTC(2026, 0, 15, 10, 0, 0);
const NOW = new Date(NOW_MS);
const signingSecret = `whsec_${randomBytes(24).toString('base64')}`;
const otherSecret = `whsec_${randomBytes(24).toString('base64')}`;
const deliveryId = 'msg_2NfDKEm9sF8xK3pQr1Zt';
const body = JSON.stringify({
	topic: 'call.completed',
	version: '2.0',
	timestamp: '2026-01-15T09:59:58.123456Z',
	data: { id: 'cll_2NfDKEm9sF8xK3pQr1Zt', summary: 'Prix : 120 € — ça marche' },
});

const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

/** The headers Allo sends, signed by the reference implementation. */
function signedHeaders(
	options: { secret?: string; at?: Date; payload?: string; id?: string } = {},
) {
	const at = options.at ?? NOW;
	const id = options.id ?? deliveryId;
	return {
		'webhook-id': id,
		'webhook-timestamp': seconds(at),
		'webhook-signature': new Webhook(options.secret ?? signingSecret).sign(
			id,
			at,
			options.payload ?? body,
		),
	};
}

const verify = (
	headers: Record<string, string | string[] | undefined>,
	rawBody: string | Uint8Array = body,
	secret = signingSecret,
) => verifySignature({ headers, rawBody, secret, nowMs: NOW_MS });

describe('verifySignature accepts what Standard Webhooks signs', () => {
	test('a delivery signed with the whsec_ secret', () => {
		const result = verify(signedHeaders());
		expect(result).toEqual({ valid: true, id: deliveryId, timestamp: Math.floor(NOW_MS / 1000) });
	});

	test('the secret without its whsec_ prefix', () => {
		expect(verify(signedHeaders(), body, signingSecret.replace(/^whsec_/, '')).valid).toBe(true);
	});

	test('the raw body as bytes', () => {
		expect(verify(signedHeaders(), new TextEncoder().encode(body)).valid).toBe(true);
	});

	test('several space-separated signatures, the matching one last (secret rotation)', () => {
		const headers = signedHeaders();
		const old = signedHeaders({ secret: otherSecret })['webhook-signature'];
		const rotated = {
			...headers,
			'webhook-signature': `v1a,c29tZXRoaW5n ${old} ${headers['webhook-signature']}`,
		};
		expect(verify(rotated).valid).toBe(true);
	});

	test('several signatures, the matching one first', () => {
		const headers = signedHeaders();
		const old = signedHeaders({ secret: otherSecret })['webhook-signature'];
		expect(
			verify({ ...headers, 'webhook-signature': `${headers['webhook-signature']} ${old}` }).valid,
		).toBe(true);
	});

	test("Zapier's Http-Webhook-Id style header names", () => {
		const headers = signedHeaders();
		const zapier = {
			'Http-Webhook-Id': headers['webhook-id'],
			'Http-Webhook-Timestamp': headers['webhook-timestamp'],
			'Http-Webhook-Signature': headers['webhook-signature'],
		};
		expect(verify(zapier).valid).toBe(true);
	});

	test('header names in any case, and header values given as arrays', () => {
		const headers = signedHeaders();
		const mixed = {
			'Webhook-ID': [headers['webhook-id']],
			'WEBHOOK-TIMESTAMP': headers['webhook-timestamp'],
			'Webhook-Signature': [headers['webhook-signature']],
		};
		expect(verify(mixed).valid).toBe(true);
	});

	test('a delivery just inside the tolerance, before and after now', () => {
		const tolerance = SIGNATURE_TOLERANCE_SECONDS * 1000;
		expect(verify(signedHeaders({ at: new Date(NOW_MS - tolerance) })).valid).toBe(true);
		expect(verify(signedHeaders({ at: new Date(NOW_MS + tolerance) })).valid).toBe(true);
	});
});

describe('verifySignature rejects', () => {
	test('a tampered body', () => {
		const tampered = body.replace('120 €', '1 €');
		expect(tampered).not.toBe(body);
		expect(verify(signedHeaders(), tampered)).toEqual({ valid: false, reason: 'noMatch' });
	});

	test('a tampered id or timestamp', () => {
		const headers = signedHeaders();
		expect(verify({ ...headers, 'webhook-id': 'msg_other' })).toEqual({
			valid: false,
			reason: 'noMatch',
		});
		const earlier = String(Number(headers['webhook-timestamp']) - 1);
		expect(verify({ ...headers, 'webhook-timestamp': earlier })).toEqual({
			valid: false,
			reason: 'noMatch',
		});
	});

	test('a signature made with another secret', () => {
		expect(verify(signedHeaders({ secret: otherSecret }))).toEqual({
			valid: false,
			reason: 'noMatch',
		});
		expect(verify(signedHeaders(), body, otherSecret)).toEqual({ valid: false, reason: 'noMatch' });
	});

	test('a stale timestamp, more than 5 minutes old', () => {
		const at = new Date(NOW_MS - (SIGNATURE_TOLERANCE_SECONDS + 1) * 1000);
		expect(SIGNATURE_TOLERANCE_SECONDS).toBe(300);
		expect(verify(signedHeaders({ at }))).toEqual({ valid: false, reason: 'staleTimestamp' });
	});

	test('a timestamp more than 5 minutes in the future', () => {
		const at = new Date(NOW_MS + (SIGNATURE_TOLERANCE_SECONDS + 1) * 1000);
		expect(verify(signedHeaders({ at }))).toEqual({ valid: false, reason: 'futureTimestamp' });
	});

	test.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])(
		'a delivery without the %s header',
		(name) => {
			const headers: Record<string, string | undefined> = { ...signedHeaders() };
			delete headers[name];
			expect(verify(headers)).toEqual({ valid: false, reason: 'missingHeaders' });
			expect(verify({ ...signedHeaders(), [name]: '' })).toEqual({
				valid: false,
				reason: 'missingHeaders',
			});
		},
	);

	test('a timestamp that is not a number of seconds', () => {
		const headers = signedHeaders();
		expect(verify({ ...headers, 'webhook-timestamp': NOW.toISOString() })).toEqual({
			valid: false,
			reason: 'invalidTimestamp',
		});
	});

	test('a signature of another version, or without a signature', () => {
		const [, signature] = signedHeaders()['webhook-signature'].split(',');
		expect(verify({ ...signedHeaders(), 'webhook-signature': `v2,${signature}` }).valid).toBe(
			false,
		);
		expect(verify({ ...signedHeaders(), 'webhook-signature': 'v1,' }).valid).toBe(false);
		expect(verify({ ...signedHeaders(), 'webhook-signature': signature }).valid).toBe(false);
	});

	test('a secret that is not base64', () => {
		expect(verify(signedHeaders(), body, 'whsec_not base64!')).toEqual({
			valid: false,
			reason: 'invalidSecret',
		});
		expect(verify(signedHeaders(), body, '')).toEqual({ valid: false, reason: 'invalidSecret' });
	});
});

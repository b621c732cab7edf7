import openapi from '../../contract/openapi.json';
import { endpoints, type Endpoint } from '../../shared/catalog/endpoints';
import { errorCatalog } from '../../shared/http/errorCatalog';
import { AlloError, type AlloErrorKind } from '../../shared/http/errors';
import { errorFromResponse } from '../../shared/http/responseErrors';
import { getContact } from '../../shared/operations/contact/get';
import { runOperation } from '../../shared/operations/run';
import type { HttpResponse } from '../../shared/transport';
import { unsubscribe } from '../../shared/webhooks/subscriptions';
import { START_MS } from '../support/fetchTransport';
import { allo, alloClient, API_KEY } from '../support/allo';

const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** The OpenAPI paths of the endpoints the integrations call. */
const calledPaths = new Set<string>(
	Object.values(endpoints).map((endpoint: Endpoint) => endpoint.openApiPath ?? endpoint.path),
);

/**
 * Error codes in Allo's OpenAPI document (`code` values, and codes its error responses name in
 * words), in its shared components and in the paths the integrations call.
 */
function openApiErrorCodes(): string[] {
	const codes = new Set<string>();
	const visit = (node: unknown, key: string | undefined, inResponse: boolean): void => {
		if (typeof node === 'string') {
			if (key === 'code' && CODE.test(node)) codes.add(node);
			// "… (CONTACT_NOT_FOUND)", "… returns `400 INVALID_ITEM_ID`"
			if (key === 'description') {
				for (const match of node.matchAll(/\(([A-Z_ /]+)\)|\b[45]\d\d ([A-Z][A-Z0-9_]+)/g)) {
					const named = (match[1] ?? match[2]).split('/').map((code) => code.trim());
					for (const code of named)
						if (CODE.test(code) && (inResponse || match[2])) codes.add(code);
				}
			}
			return;
		}
		if (Array.isArray(node)) node.forEach((item) => visit(item, undefined, inResponse));
		else if (typeof node === 'object' && node !== null) {
			for (const [childKey, child] of Object.entries(node)) {
				visit(child, childKey, inResponse || key === 'responses');
			}
		}
	};
	visit(openapi.components, undefined, false);
	for (const [path, operations] of Object.entries(openapi.paths))
		if (calledPaths.has(path)) visit(operations, undefined, false);
	return [...codes].sort();
}

const STATUS_FOR_KIND: Record<AlloErrorKind, number> = {
	invalidInput: 400,
	authentication: 401,
	permission: 403,
	notFound: 404,
	conflict: 409,
	rateLimit: 429,
	quota: 429,
	server: 500,
	network: 0,
};

const response = (
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): HttpResponse => ({
	status,
	headers,
	body,
});

const openApiCodes = openApiErrorCodes();
const allCodes = [...new Set([...Object.keys(errorCatalog), ...openApiCodes])].sort();
const genericMessages = [
	errorFromResponse(response(500, {}), undefined, START_MS).message,
	errorFromResponse(response(400, {}), undefined, START_MS).message,
];

describe('error codes', () => {
	test('speak of Allo and the field, never of one platform', () => {
		const texts = Object.values(errorCatalog).flatMap((entry) => [
			entry.message({ scope: 'CRM_READ', resetsIn: 'in 1 hour', limit: '1000' }),
			entry.fix({ scope: 'CRM_READ', param: 'to' }),
		]);
		for (const text of texts)
			expect([text, /credential|workflow|\bzap|\bnode\b|\bstep\b/i.test(text)]).toEqual([
				text,
				false,
			]);
	});

	test('the OpenAPI document yields the codes it names for the endpoints called', () => {
		expect(openApiCodes).toEqual(
			expect.arrayContaining([
				'API_KEY_INVALID',
				'API_KEY_INSUFFICIENT_SCOPE',
				'API_KEY_QUOTA_EXCEEDED',
				'CONTACT_NOT_FOUND',
				'TO_NUMBER_COUNTRY_MISMATCH',
				'SENDER_ID_NOT_ACTIVE',
			]),
		);
		// Codes of endpoints no operation calls are not the catalog's to explain.
		expect(openApiCodes).not.toContain('PARTNER_ACCOUNT_NOT_FOUND');
		expect(openApiCodes.length).toBeGreaterThanOrEqual(10);
	});

	test.each(openApiCodes)('%s from the OpenAPI document is in the catalog', (code) => {
		expect(errorCatalog[code]).toBeDefined();
	});

	describe.each(allCodes)('%s', (code) => {
		const entry = errorCatalog[code];
		const status = entry ? STATUS_FOR_KIND[entry.kind] : 400;

		const expectCatalogEntry = (error: AlloError) => {
			expect(entry).toBeDefined();
			expect(error).toBeInstanceOf(AlloError);
			expect(error.code).toBe(code);
			expect(error.kind).toBe(entry.kind);
			expect(error.httpStatus).toBe(status);
			expect(error.message.length).toBeGreaterThan(15);
			expect(error.fix.length).toBeGreaterThan(5);
			// The status fallbacks are for codes the catalog does not know.
			if (code !== 'VALIDATION_ERROR') expect(genericMessages).not.toContain(error.message);
			expect(error.message).not.toContain(code);
		};

		test('a v1 {code, details} body maps to its entry', () => {
			expectCatalogEntry(
				errorFromResponse(response(status, { code, details: null }), undefined, START_MS),
			);
		});

		test('a v2 {error: {…}} body maps to its entry', () => {
			const body = {
				error: {
					type: 'api_error',
					code,
					message: 'Something happened.',
					retryable: false,
					request_id: 'req_a1b2c3',
				},
			};
			const error = errorFromResponse(response(status, body), undefined, START_MS);
			expectCatalogEntry(error);
			expect(error.requestId).toBe('req_a1b2c3');
		});

		test('a JSON body as text maps to its entry', () => {
			expectCatalogEntry(
				errorFromResponse(
					response(status, JSON.stringify({ code, details: null })),
					undefined,
					START_MS,
				),
			);
		});
	});
});

describe('errors users depend on', () => {
	test('a missing scope names the scope Allo reports', () => {
		const body = {
			code: 'API_KEY_INSUFFICIENT_SCOPE',
			details: [{ message: 'required=CONTACTS_READ', field: 'scope' }],
		};
		const error = errorFromResponse(response(403, body), endpoints.sendSms, START_MS);
		expect(error.kind).toBe('permission');
		expect(error.message).toContain('CONTACTS_READ');
		expect(error.fix).toContain('CONTACTS_READ');
		expect(error.fix).toContain('https://web.withallo.com/settings/api');
	});

	test("without details, a missing scope names the endpoint's scope", () => {
		const error = errorFromResponse(
			response(403, { code: 'API_KEY_INSUFFICIENT_SCOPE', details: null }),
			endpoints.sendSms,
			START_MS,
		);
		expect(error.message).toContain('SMS_SEND');
		expect(error.fix).toContain('SMS_SEND');
	});

	test('a country mismatch explains the same-country rule', () => {
		const error = errorFromResponse(
			response(400, { code: 'TO_NUMBER_COUNTRY_MISMATCH', details: null }),
			endpoints.sendSms,
			START_MS,
		);
		expect(error.kind).toBe('invalidInput');
		expect(error.message).toMatch(/different country/);
		expect(error.fix).toMatch(/same country/);
		expect(error.fix).toContain('+1');
		expect(error.fix).toContain('+33');
	});

	test('a quota error says when the quota resets', () => {
		const body = {
			code: 'API_KEY_QUOTA_EXCEEDED',
			details: [{ message: 'limit=1000;type=DAILY;reset_in=3600', field: 'DAILY' }],
		};
		const error = errorFromResponse(response(429, body), endpoints.searchCalls, START_MS);
		expect(error).toMatchObject({ kind: 'quota', quotaResetsInSeconds: 3600 });
		expect(error.message).toContain('1000');
		// START_MS is 10:00 UTC.
		expect(error.message).toContain('resets in 1 hour (at 11:00 UTC)');
		expect(error.fix).toBe('Wait until the quota is back, or ask Allo for a higher quota.');
		expect(error.nextStep).toBe('retryLater');
	});

	test('a v2 error names the field at fault', () => {
		const body = {
			error: {
				type: 'invalid_request_error',
				code: 'VALIDATION_ERROR',
				message: 'url must use https',
				param: 'url',
				errors: [{ field: 'url', message: 'must use https' }],
			},
		};
		const error = errorFromResponse(response(400, body), endpoints.createWebhook, START_MS);
		expect(error).toMatchObject({ kind: 'invalidInput', field: 'url' });
		expect(error.message).toContain('url must use https');
	});

	test.each([
		[401, 'authentication'],
		[403, 'permission'],
		[404, 'notFound'],
		[409, 'conflict'],
		[422, 'invalidInput'],
		[429, 'rateLimit'],
		[500, 'server'],
		[503, 'server'],
	] as const)('an unknown code on HTTP %i is kind %s', (status, kind) => {
		expect(
			errorFromResponse(
				response(status, { code: 'SOMETHING_NEW', details: null }),
				undefined,
				START_MS,
			).kind,
		).toBe(kind);
		expect(
			errorFromResponse(response(status, '<html>Bad gateway</html>'), undefined, START_MS).kind,
		).toBe(kind);
	});
});

describe('errors through the client', () => {
	test('CONTACT_NOT_FOUND on HTTP 400 is kind notFound', async () => {
		allo()
			.get('/v1/api/contact/cnt_missing')
			.query(true)
			.reply(400, { code: 'CONTACT_NOT_FOUND', details: null });
		const { client } = alloClient();
		await expect(
			runOperation(getContact, client, { contactId: 'cnt_missing' }),
		).rejects.toMatchObject({
			code: 'CONTACT_NOT_FOUND',
			kind: 'notFound',
			httpStatus: 400,
		});
	});

	test('the v1 webhook {error: "WEBHOOK_NOT_FOUND"} body is kind notFound', async () => {
		allo().delete('/v1/api/webhooks/web-gone').reply(404, { error: 'WEBHOOK_NOT_FOUND' });
		const { client } = alloClient();
		await expect(
			client.call('deleteWebhookV1', { path: { webhook_id: 'web-gone' } }),
		).rejects.toMatchObject({
			code: 'WEBHOOK_NOT_FOUND',
			kind: 'notFound',
			message: errorCatalog.WEBHOOK_NOT_FOUND.message({}),
		});
	});

	test('unsubscribing from a webhook that is already gone succeeds', async () => {
		const scope = allo()
			.delete('/v1/api/webhooks/web-gone')
			.reply(404, { error: 'WEBHOOK_NOT_FOUND' });
		const { client } = alloClient();
		await expect(unsubscribe(client, 'v1', 'web-gone')).resolves.toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	test('unsubscribing still fails on other errors', async () => {
		allo()
			.delete('/v2/api/webhooks/ep_1')
			.reply(403, { error: { code: 'API_KEY_INSUFFICIENT_SCOPE', message: 'Missing scope' } });
		const { client } = alloClient();
		await expect(unsubscribe(client, 'v2', 'ep_1')).rejects.toMatchObject({ kind: 'permission' });
	});
});

describe('the API key never appears in an error', () => {
	const echoes: Array<[name: string, status: number, body: string | Record<string, unknown>]> = [
		[
			'a v2 message',
			400,
			{ error: { code: 'VALIDATION_ERROR', message: `Malformed key ${API_KEY}`, param: API_KEY } },
		],
		[
			'a v2 message with the header value',
			401,
			{
				error: { code: 'UNAUTHORIZED', message: `Authorization: Api-Key ${API_KEY} is not valid` },
			},
		],
		[
			'a v1 detail',
			400,
			{ code: 'VALIDATION_ERROR', details: [{ message: API_KEY, field: API_KEY }] },
		],
		['a v1 message', 422, { code: `BAD_${API_KEY}`, message: `key=${API_KEY}` }],
		['a text body', 400, `Invalid Api-Key ${API_KEY}`],
	];

	test.each(echoes)('when Allo echoes it in %s', async (_, status, body) => {
		allo().get('/v2/api/me').reply(status, body);
		const { client } = alloClient({ apiKey: `Api-Key ${API_KEY}` });
		const outcome = await client.call('getMe').then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(outcome).toBeInstanceOf(AlloError);
		const error = outcome as AlloError;
		const visible = JSON.stringify({
			...error,
			message: error.message,
			fix: error.fix,
			stack: error.stack,
		});
		expect(visible).not.toContain(API_KEY);
		expect(visible).not.toContain(API_KEY.slice(8));
	});

	test('nor in a failed download', async () => {
		allo()
			.get('/v1/assets/recordings/cll_1.mp3')
			.reply(403, { error: { code: 'FORBIDDEN', message: `Key ${API_KEY} may not read this` } });
		const { client } = alloClient();
		const error = await client
			.download('https://api.withallo.com/v1/assets/recordings/cll_1.mp3')
			.then(
				() => undefined,
				(caught: unknown) => caught as AlloError,
			);
		expect(error).toBeInstanceOf(AlloError);
		expect(`${error?.message} ${error?.fix} ${error?.stack}`).not.toContain(API_KEY);
	});
});

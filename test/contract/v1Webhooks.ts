import { V1_TOPICS, type HttpRequest } from '../../shared';
import { validator } from '../support/openapi';

/**
 * The v1 webhook endpoints are not in Allo's OpenAPI document; these shapes are the documented
 * ones (request body of POST /v1/api/webhooks, and example responses).
 */
const createBody = {
	type: 'object',
	required: ['allo_number', 'url', 'topics'],
	additionalProperties: false,
	properties: {
		allo_number: { type: 'string', pattern: '^\\+[1-9]\\d{1,14}$' },
		url: { type: 'string', format: 'uri', pattern: '^https://' },
		topics: { type: 'array', minItems: 1, items: { enum: ['PING', ...V1_TOPICS] } },
		enabled: { type: 'boolean' },
	},
};

interface V1WebhookSpec {
	matches(request: HttpRequest): boolean;
	problems(request: HttpRequest): string[];
	status: number;
	response: unknown;
}

const path = (request: HttpRequest) => new URL(request.url).pathname;
const noQueryNoBody = (request: HttpRequest) => [
	...(request.query ? ['no query parameters are documented'] : []),
	...(request.body !== undefined ? ['no body is documented'] : []),
];

export const v1WebhookSpecs: V1WebhookSpec[] = [
	{
		matches: (r) => r.method === 'GET' && path(r) === '/v1/api/webhooks',
		problems: noQueryNoBody,
		status: 200,
		response: {
			data: [
				{
					allo_number: '+1234567890',
					enabled: true,
					url: 'https://your-webhook-url.com/webhook',
					topics: ['CALL_RECEIVED', 'SMS_RECEIVED'],
				},
			],
		},
	},
	{
		matches: (r) => r.method === 'POST' && path(r) === '/v1/api/webhooks',
		problems: (r) => {
			const validate = validator(createBody);
			return validate(r.body) ? [] : [`body: ${JSON.stringify(validate.errors)}`];
		},
		status: 201,
		response: {
			data: {
				id: 'web-2NfDKEm9sF8xK3pQr1Zt',
				alloNumber: '+1234567890',
				enabled: true,
				url: 'https://example.com/webhooks/allo',
				topics: ['CALL_RECEIVED', 'SMS_RECEIVED'],
			},
		},
	},
	{
		matches: (r) => r.method === 'DELETE' && /^\/v1\/api\/webhooks\/[^/]+$/.test(path(r)),
		problems: noQueryNoBody,
		status: 204,
		response: undefined,
	},
];

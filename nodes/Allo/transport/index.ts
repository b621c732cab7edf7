import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type IWebhookFunctions,
} from 'n8n-workflow';
import {
	AlloClient,
	isAlloApiUrl,
	normaliseBaseUrl,
	type HttpRequest,
	type HttpResponse,
	type Transport,
} from '../../../shared';

export type AlloContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

function toResponse(response: IN8nHttpFullResponse): HttpResponse {
	const headers: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(response.headers ?? {})) {
		headers[name.toLowerCase()] = Array.isArray(value)
			? value.join(', ')
			: value === undefined
				? undefined
				: String(value);
	}
	return { status: response.statusCode, headers, body: response.body };
}

/**
 * The core's transport over n8n's HTTP helpers. Requests to the Allo API carry the credential;
 * anything else (a recording stored elsewhere) is fetched without it, so the key never leaves Allo.
 */
export function n8nTransport(context: AlloContext, baseUrl: string): Transport {
	return {
		async request(request: HttpRequest): Promise<HttpResponse> {
			const options: IHttpRequestOptions = {
				method: request.method as IHttpRequestMethods,
				url: request.url,
				headers: request.headers,
				qs: request.query as IDataObject | undefined,
				body: request.body as IDataObject | undefined,
				json: request.responseType !== 'binary',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				...(request.responseType === 'binary' ? { encoding: 'arraybuffer' as const } : {}),
			};
			const response = isAlloApiUrl(request.url, baseUrl)
				? await context.helpers.httpRequestWithAuthentication.call(context, 'alloApi', options)
				: await context.helpers.httpRequest(options);
			return toResponse(response as IN8nHttpFullResponse);
		},
		sleep: async (ms: number) => await sleep(ms),
	};
}

/** One client per execution, so all items share its rate-limit pacer. */
export async function createClient(context: AlloContext): Promise<AlloClient> {
	const credentials = await context.getCredentials('alloApi');
	const baseUrl = normaliseBaseUrl(credentials.baseUrl as string | undefined);
	// The credential authenticates; the core gets the key only to mask it in errors.
	return new AlloClient({
		transport: n8nTransport(context, baseUrl),
		baseUrl,
		apiKeyToMask: String(credentials.apiKey ?? ''),
	});
}

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { API_KEYS_PAGE, authorizationHeader, DEFAULT_BASE_URL } from '../shared';

export class AlloApi implements ICredentialType {
	name = 'alloApi';

	displayName = 'Allo API';

	icon: Icon = { light: 'file:../nodes/Allo/allo.svg', dark: 'file:../nodes/Allo/allo.dark.svg' };

	documentationUrl = 'https://help.withallo.com/en/api-reference/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: `Create one in Allo under <a href="${API_KEYS_PAGE}" target="_blank">Settings → API</a>. Paste it with or without the "Api-Key" prefix.`,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Change only to reach another Allo environment. If the test reports ENOTFOUND, ECONNREFUSED or ERR_INVALID_URL, this address is wrong: clear it to use https://api.withallo.com.',
		},
	];

	// A function, so a key pasted with its "Api-Key " prefix still works.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: authorizationHeader(String(credentials.apiKey ?? '')),
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{$credentials.baseUrl || "${DEFAULT_BASE_URL}"}}`,
			url: '/v2/api/me',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'The API key is not valid. Copy it again from Allo under Settings → API.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Allo refused this API key. API access needs a paid Allo plan and a key created by an admin or owner.',
				},
			},
		],
	};
}

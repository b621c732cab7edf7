import type { Authentication, BeforeRequestMiddleware, Bundle, ZObject } from './platform';
import {
	API_KEYS_PAGE,
	authorizationHeader,
	getAccount,
	isAlloApiUrl,
	normaliseBaseUrl,
} from '../shared';
import { attempt } from './errors';
import { clientFor } from './transport';

/** What each scope unlocks in this app, for the API key's help text. */
const SCOPE_HELP = [
	'CONVERSATIONS_READ (calls, texts, Allo numbers)',
	'CONTACTS_READ (contacts)',
	'CONTACTS_READ_WRITE (create and update contacts)',
	'SMS_SEND (send texts)',
	'WEBHOOKS_READ_WRITE (instant triggers)',
	'CRM_READ (find contacts by email)',
].join(', ');

export const authentication: Authentication = {
	type: 'custom',
	fields: [
		{
			key: 'apiKey',
			label: 'API Key',
			type: 'password',
			required: true,
			helpText: `Create an API key in Allo under [Settings > API](${API_KEYS_PAGE}) and paste it here. Give it the scopes of the triggers and actions you use: ${SCOPE_HELP}.`,
		},
	],
	// Any valid key may read /v2/api/me, and it names the team for the connection label.
	test: (z: ZObject, bundle: Bundle) => attempt(z, getAccount(clientFor(z, bundle))),
	connectionLabel: '{{team_name}}',
};

/**
 * Custom auth adds no header by itself: requests to the Allo API get the key here, and only
 * those, so it never reaches another host.
 */
export const includeApiKey: BeforeRequestMiddleware = (request, _z, bundle: Bundle) => {
	const apiKey = bundle.authData?.apiKey;
	const toAllo = isAlloApiUrl(request.url ?? '', normaliseBaseUrl(bundle.authData?.baseUrl));
	if (apiKey && toAllo)
		request.headers = { ...request.headers, Authorization: authorizationHeader(apiKey) };
	return request;
};

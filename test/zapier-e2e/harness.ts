import type { ReceivedDelivery, Sandbox } from '../../sandbox';

/**
 * The connection a Zap step runs with: the sandbox's key, and the sandbox as the API. `baseUrl` is
 * no Zapier auth field, so only tests can set it.
 */
export const connection = (sandbox: Sandbox, apiKey = sandbox.apiKeys[0].key) => ({
	apiKey,
	baseUrl: sandbox.url,
});

const titleCase = (name: string) =>
	name
		.split('-')
		.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
		.join('-');

/**
 * A delivery the sandbox made, as Zapier hands it to a hook's `perform`: the raw body, and each
 * header title-cased behind Zapier's `Http-` prefix.
 */
export function rawRequest(received: ReceivedDelivery) {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(received.headers)) {
		if (value !== undefined)
			headers[`Http-${titleCase(name)}`] = Array.isArray(value) ? value.join(', ') : value;
	}
	return { content: received.rawBody, headers };
}

/** The connection label Zapier shows: its `{{key}}` template filled from the auth test result. */
export const renderLabel = (template: string, result: Record<string, unknown>) =>
	template.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => String(result[key] ?? ''));

/** The JSON schema n8n shows before a first run, derived from a declaration's sample output. */
export type JsonSchema = {
	type: string;
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
	required?: string[];
};

export function schemaOf(value: unknown): JsonSchema {
	if (value === null || value === undefined) return { type: 'null' };
	if (Array.isArray(value))
		return value.length ? { type: 'array', items: schemaOf(value[0]) } : { type: 'array' };
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		return {
			type: 'object',
			properties: Object.fromEntries(entries.map(([key, v]) => [key, schemaOf(v)])),
			required: entries.map(([key]) => key),
		};
	}
	return { type: typeof value };
}

/** The output of an operation as n8n emits it by default (simplified where the node simplifies). */
export function outputSchema(sample: Record<string, unknown>, simplifiedKeys?: readonly string[]) {
	const output = simplifiedKeys
		? Object.fromEntries(simplifiedKeys.filter((k) => k in sample).map((k) => [k, sample[k]]))
		: sample;
	const { properties } = schemaOf(output);
	return { type: 'object', properties, version: 1 };
}

import type { EndpointName } from '../catalog/endpoints';
import type { AlloClient } from '../http/client';
import type { PageSelection } from '../http/pagination';
import type { JsonRecord } from '../json';

export type ResourceName =
	| 'account'
	| 'analytics'
	| 'call'
	| 'company'
	| 'contact'
	| 'conversation'
	| 'conversationItem'
	| 'deal'
	| 'person'
	| 'phoneNumber'
	| 'powerDialer'
	| 'sms'
	| 'summaryTemplate'
	| 'tag'
	| 'user'
	| 'webhook';

export type FieldType =
	| 'string'
	/** Multi-line text. */
	| 'text'
	/** One phone number, normalised to E.164. */
	| 'phone'
	/** Several phone numbers (a list, or one string separated by commas). */
	| 'phoneList'
	| 'email'
	| 'emailList'
	| 'number'
	| 'boolean'
	| 'options'
	| 'multiOptions'
	| 'dateTime'
	| 'url';

export interface FieldOption {
	value: string;
	label: string;
	description?: string;
}

/** Dropdowns filled from the user's Allo account. */
export type DynamicSource = 'phoneNumbers' | 'contacts' | 'users' | 'tags' | 'summaryTemplates';

/** Where an optional field is shown: n8n groups them in collections, Zapier lists them flat. */
export type FieldGroup = 'additionalFields' | 'updateFields' | 'filters' | 'options';

export interface FieldDeclaration {
	/** camelCase key, the same on both platforms. */
	key: string;
	/** Title Case label. */
	label: string;
	type: FieldType;
	required?: boolean;
	default?: string | number | boolean | string[];
	/** Help text, in sentence case. */
	description?: string;
	/** An example value, shown as a placeholder. */
	example?: string;
	options?: readonly FieldOption[];
	dynamic?: DynamicSource;
	/** Extra choices offered before the dynamic ones, e.g. "All Numbers". */
	extraOptions?: readonly FieldOption[];
	/** Shown only when other fields have one of these values. */
	showWhen?: Record<string, ReadonlyArray<string | boolean>>;
	group?: FieldGroup;
	min?: number;
	max?: number;
}

/** A file an operation returns (a call recording); platforms turn it into their binary type. */
export class AlloFile {
	constructor(
		readonly data: Uint8Array,
		readonly fileName: string,
		readonly mimeType: string,
	) {}
}

export interface OperationContext {
	client: AlloClient;
	/** Set for paged operations: Return All, or the Limit. */
	page: PageSelection;
}

/** Validated input: phone numbers in E.164, lists as arrays, empty optional fields left out. */
export type OperationInput = Record<string, unknown>;

export interface OperationDeclaration {
	resource: ResourceName;
	/** camelCase value, e.g. `getMany`. */
	operation: string;
	/** Title Case name, e.g. "Get Many". */
	name: string;
	/** Sentence-case action naming the resource, e.g. "Get many calls". */
	action: string;
	/** What it does, for help text and AI agents. */
	description: string;
	/** The endpoints it calls, for scopes and contract tests. */
	endpoints: readonly EndpointName[];
	fields: readonly FieldDeclaration[];
	/** Its records carry an `AlloFile` (platforms turn it into their binary type). */
	returnsFile?: boolean;
	/** Offers Return All and Limit. */
	paged?: boolean;
	/** Output keys kept by n8n's Simplify option. */
	simplifiedKeys?: readonly string[];
	/** One example output record: ISO dates with a zone and an id, as the operation returns it. */
	sample: JsonRecord;
	/**
	 * Runs after input validation. Cross-field rules are checked before the first request, so bad
	 * input never reaches Allo.
	 */
	execute(context: OperationContext, input: OperationInput): Promise<JsonRecord[]>;
}

/** The `execute` of an operation that reads one record by the ID in one field. */
export const getById =
	(
		endpoint: EndpointName,
		pathParameter: string,
		inputKey: string,
		extend: string,
		normalise: (raw: unknown) => object,
	): OperationDeclaration['execute'] =>
	async ({ client }, input) => {
		const raw = await client.call(endpoint, {
			path: { [pathParameter]: input[inputKey] as string },
			query: { extend },
		});
		return [{ ...normalise(raw) }];
	};

/** Keeps literal types and checks the shape, Zapier-style. */
export const defineOperation = (declaration: OperationDeclaration) => declaration;

export type { JsonRecord };

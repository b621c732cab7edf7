import type { EndpointName } from '../catalog/endpoints';
import type { AlloClient } from '../http/client';
import type { PageSelection } from '../http/pagination';
import type { JsonRecord } from '../json';

export type ResourceName = 'call' | 'contact' | 'conversation' | 'phoneNumber' | 'sms' | 'webhook';

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
export type DynamicSource = 'phoneNumbers' | 'contacts';

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
	showWhen?: Readonly<Record<string, ReadonlyArray<string | boolean>>>;
	group?: FieldGroup;
	min?: number;
	max?: number;
}

/** The choices' values of a field, or `string` when they are not known literally. */
type ChoiceOf<F extends FieldDeclaration> = F extends {
	options: ReadonlyArray<{ value: infer V }>;
}
	? V
	: string;

/** The validated value of one field, as `validateInput` hands it to `execute`. */
export type FieldValue<F extends FieldDeclaration> = F['type'] extends 'number'
	? number
	: F['type'] extends 'boolean'
		? boolean
		: F['type'] extends 'phoneList' | 'emailList'
			? string[]
			: F['type'] extends 'multiOptions'
				? Array<ChoiceOf<F>>
				: F['type'] extends 'options'
					? ChoiceOf<F>
					: string;

/** The field a `showWhen` of this list depends on (one per operation: the sender, the API). */
type SwitchKey<Fields extends readonly FieldDeclaration[]> = Fields[number] extends infer F
	? F extends { showWhen: infer When }
		? Extract<keyof When, string>
		: never
	: never;

/** Whether a field is shown when the switch `Key` has the value `Value`. */
type IsShown<F extends FieldDeclaration, Key extends string, Value> = F extends {
	showWhen: infer When;
}
	? Key extends keyof When
		? When[Key] extends ReadonlyArray<infer Allowed>
			? Value extends Allowed
				? true
				: false
			: false
		: true
	: true;

/** Whether a shown field always reaches `execute`: required, or with a default. */
type IsPresent<F extends FieldDeclaration> = F extends { required: true } | { default: unknown }
	? true
	: false;

/** The input when the switch `Key` (if any) has the value `Value`: hidden fields are absent. */
type InputWhen<Fields extends readonly FieldDeclaration[], Key extends string, Value> = {
	[F in Fields[number] as IsShown<F, Key, Value> extends true
		? IsPresent<F> extends true
			? F['key']
			: never
		: never]: F['key'] extends Key ? Value : FieldValue<F>;
} & {
	[F in Fields[number] as IsShown<F, Key, Value> extends true
		? IsPresent<F> extends true
			? never
			: F['key']
		: never]?: FieldValue<F>;
};

/** The choices of the switch field, each giving one variant of the input. */
type SwitchValues<Fields extends readonly FieldDeclaration[], Key extends string> = FieldValue<
	Extract<Fields[number], { key: Key }>
>;

/**
 * The input `execute` receives for a list of fields, inferred from their declarations (as Zapier's
 * `InferInputData` does): `input.to` is a string, optional fields may be undefined, and fields
 * shown only for one choice of a switch (`showWhen`) are there exactly when that choice is made,
 * so checking the switch narrows the input. A list whose keys are not literal (an operation seen
 * as any operation) gives a plain record.
 */
export type InputOf<Fields extends readonly FieldDeclaration[]> =
	string extends Fields[number]['key']
		? OperationInput
		: [SwitchKey<Fields>] extends [never]
			? InputWhen<Fields, never, never>
			: SwitchValues<Fields, SwitchKey<Fields>> extends infer Value
				? Value extends unknown
					? InputWhen<Fields, SwitchKey<Fields>, Value>
					: never
				: never;

/** Validated input: phone numbers in E.164, lists as arrays, empty optional fields left out. */
export type OperationInput = Record<string, unknown>;

export interface OperationContext {
	client: AlloClient;
	/** Set for paged operations: Return All, or the Limit. */
	page: PageSelection;
}

export type Execute<Input> = OperationDeclaration<Input>['execute'];

/** An operation as the platforms see it: its fields, and `execute` taking validated input. */
export interface OperationDeclaration<Input = OperationInput> {
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
	execute(context: OperationContext, input: Input): Promise<JsonRecord[]>;
}

/** A declaration as written: `execute` gets the input its literal fields describe. */
export interface TypedDeclaration<Fields extends readonly FieldDeclaration[]>
	extends Omit<OperationDeclaration<InputOf<Fields>>, 'fields'> {
	fields: Fields;
}

export type { JsonRecord };

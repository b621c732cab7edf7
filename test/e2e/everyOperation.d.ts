export type Step = [
	name: string,
	parameters: { resource: string; operation: string } & Record<string, unknown>,
];

export declare const STEPS: Step[];
/** `'<resource>:<operation>'` of each operation the workflow leaves out, and why. */
export declare const NOT_RUN: Record<string, string>;
export declare const ADA: string;
export declare const GRACE: string;
export declare const JANE: string;
export declare const MAIN_LINE: string;
export declare const HOOK_URL: string;
export declare const PETER: string;

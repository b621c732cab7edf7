export declare const writing: boolean;
export declare function readSchema(resource: string, operation: string): unknown;
export declare function writeSchema(resource: string, operation: string, schema: unknown): void;

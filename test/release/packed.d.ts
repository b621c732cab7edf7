export interface PackedCopy {
	/** The private copy of the checkout the package was built and packed in. */
	root: string;
	tarball: string;
	/** Paths inside the tarball's package/ folder. */
	files: string[];
	read(file: string): string;
	readBytes(file: string): Buffer;
	load(file: string): Record<string, unknown>;
	remove(): void;
}

export interface Run {
	status: number | null;
	output: string;
}

export declare function packCopy(): PackedCopy;
export declare function repack(
	tarball: string,
	changes?: { remove?: string[]; add?: Record<string, string> },
): string;
export declare function readText(dir: string, file: string): string;
export declare function writeText(dir: string, file: string, content: string): void;
export declare function scratch(): { dir: string; remove(): void };
export declare function releaseCheck(dir: string, tarball: string, ...args: string[]): Run;
export declare function validateWorkflow(file: string): Run;
export declare const root: string;

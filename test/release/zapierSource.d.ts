import type { Run } from './packed';

export interface UnpackedSource {
	/** What `zapier-platform build` printed, and how it ended. */
	build: Run;
	/** The empty folder source.zip was unpacked into. */
	dir: string;
	/** The paths inside source.zip. */
	entries: string[];
	remove(): void;
}

export declare function buildAndUnpackSource(): UnpackedSource;
export declare function npm(args: string[], dir: string): Run;
export declare function describeApp(dir: string): Run;

export declare function readRepoFile(relativePath: string): string;

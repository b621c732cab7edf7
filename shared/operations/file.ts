/** A file an operation returns (a call recording); platforms turn it into their binary type. */
export class AlloFile {
	constructor(
		readonly data: Uint8Array,
		readonly fileName: string,
		readonly mimeType: string,
	) {}
}

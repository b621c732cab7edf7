import type { FieldDeclaration } from '../types';

export const itemIdField: FieldDeclaration = {
	key: 'itemId',
	label: 'Call or Text ID',
	type: 'string',
	required: true,
	example: 'cll-2NfDKEm9sF8xK3pQr1Zt',
	description:
		'The ID of a call (cll-…) or a text (msg-…), as in the output of Search or the Allo Trigger',
};

export const includeTranscriptField: FieldDeclaration = {
	key: 'includeTranscript',
	label: 'Include Transcript',
	type: 'boolean',
	default: false,
	group: 'options',
	description: 'Whether to add the full transcript of calls to the output',
};

export const extendOf = (input: Record<string, unknown>) =>
	input.includeTranscript === true ? 'transcript' : undefined;

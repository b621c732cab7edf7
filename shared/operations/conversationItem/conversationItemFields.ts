export const itemIdField = {
	key: 'itemId',
	label: 'Call or Text',
	type: 'string',
	required: true,
	dynamic: 'calls',
	example: 'cll-2NfDKEm9sF8xK3pQr1Zt',
	description:
		'A call picked from the latest ones, or the ID of a call (cll-…) or a text (msg-…) as in the output of Search or the Allo Trigger',
} as const;

/** A call, picked from the latest ones or given by ID. */
export const callField = {
	key: 'callId',
	label: 'Call',
	type: 'string',
	required: true,
	dynamic: 'calls',
	example: 'cll-2NfDKEm9sF8xK3pQr1Zt',
	description:
		'The call, picked from the latest ones or given by ID (cll-…) as in the output of Call: Get Many, Call or Text: Search or the Allo Trigger',
} as const;

export const includeTranscriptField = {
	key: 'includeTranscript',
	label: 'Include Transcript',
	type: 'boolean',
	default: false,
	group: 'options',
	description: 'Whether to add the full transcript of calls to the output',
} as const;

/** Allo's `extend` query: the transcript when asked for. */
export const extendOf = (input: { includeTranscript?: boolean }) =>
	input.includeTranscript === true ? 'transcript' : undefined;

/** Calls with any of the team's tags, picked from the list. */
export const tagsFilterField = {
	key: 'tags',
	label: 'Tags',
	type: 'multiOptions',
	group: 'filters',
	dynamic: 'tags',
	description: 'Only calls with any of these tags',
} as const;

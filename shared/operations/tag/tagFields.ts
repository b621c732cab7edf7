export const taggedCallIdField = {
	key: 'callId',
	label: 'Call ID',
	type: 'string',
	required: true,
	example: 'cll-2NfDKEm9sF8xK3pQr1Zt',
	description:
		'The ID of the call, as in the output of Call: Get Many, Call or Text: Search or the Allo Trigger',
} as const;

import { CALL_KEY_FIELDS, normaliseCall } from '../../records/call';
import { sampleCall } from '../../records/samples';
import { defineOperation } from '../define';
import { getById } from '../getById';

export const callIdField = {
	key: 'callId',
	label: 'Call ID',
	type: 'string',
	required: true,
	example: 'cll-2NfDKEm9sF8xK3pQr1Zt',
	description: 'The ID of the call, as in the output of Get Many or of the Allo Trigger',
} as const;

export const getCall = defineOperation({
	resource: 'call',
	operation: 'get',
	name: 'Get',
	action: 'Get a call',
	description:
		'Get one call with its AI summary, full transcript and recording link. Each transcript line names its speaker: USER is your teammate on the call, EXTERNAL the other party, AGENT the AI assistant of Allo.',
	endpoints: ['getConversationItem'],
	fields: [callIdField],
	simplifiedKeys: [...CALL_KEY_FIELDS, 'summary', 'transcript_text', 'recording_url'],
	sample: { ...sampleCall },
	execute: getById({
		endpoint: 'getConversationItem',
		pathParameter: 'id',
		idField: 'callId',
		extend: 'transcript',
		normalise: normaliseCall,
	}),
});

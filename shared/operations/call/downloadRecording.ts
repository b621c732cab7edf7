import { AlloError } from '../../http/errors';
import { normaliseCall } from '../../records/call';
import { defineOperation } from '../define';
import { AlloFile } from '../file';
import { callIdField } from './get';

const extensionFor = (mimeType: string) =>
	mimeType.includes('wav') ? 'wav' : mimeType.includes('ogg') ? 'ogg' : 'mp3';

export const downloadRecording = defineOperation({
	resource: 'call',
	operation: 'downloadRecording',
	name: 'Download Recording',
	action: 'Download a call recording',
	description: 'Download the audio recording of a call as a file',
	endpoints: ['getConversationItem'],
	returnsFile: true,
	fields: [callIdField],
	sample: {
		call_id: 'cll-2NfDKEm9sF8xK3pQr1Zt',
		recording_url: 'https://api.withallo.com/v1/assets/recordings/cll-2NfDKEm9sF8xK3pQr1Zt.mp3',
		file_name: 'allo-call-cll-2NfDKEm9sF8xK3pQr1Zt.mp3',
		mime_type: 'audio/mpeg',
		file_size: 482133,
	},
	async execute({ client }, input) {
		const { callId } = input;
		const call = normaliseCall(await client.call('getConversationItem', { path: { id: callId } }));
		if (!call.recording_url) {
			throw new AlloError({
				code: 'RECORDING_NOT_FOUND',
				kind: 'notFound',
				field: 'callId',
				message: `Call ${callId} has no recording`,
				fix: 'Only answered calls with recording turned on have one; check the call in Allo.',
			});
		}
		const { data, contentType } = await client.download(call.recording_url);
		const mimeType = contentType?.split(';')[0].trim() || 'audio/mpeg';
		const fileName = `allo-call-${callId}.${extensionFor(mimeType)}`;
		return [
			{
				call_id: callId,
				recording_url: call.recording_url,
				file_name: fileName,
				mime_type: mimeType,
				file_size: data.length,
				file: new AlloFile(data, fileName, mimeType),
			},
		];
	},
});

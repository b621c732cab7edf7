import type { Bundle, ZObject } from './platform';
import { AlloFile, runOperation } from '../shared';
import { downloadRecording } from '../shared/operations';
import { attempt } from './errors';
import { clientFor } from './transport';

/**
 * A call's recording, fetched only when a later step uses the file: Allo's recording URL needs the
 * API key, so Zapier gets the audio stashed as its own file.
 */
async function recording(z: ZObject, bundle: Bundle): Promise<string> {
	const [record] = await attempt(
		z,
		runOperation(downloadRecording, clientFor(z, bundle), { callId: bundle.inputData.callId }),
	);
	const { file } = record;
	if (!(file instanceof AlloFile))
		throw new z.errors.Error('Allo sent no recording', 'NO_FILE', 404);
	return z.stashFile(Buffer.from(file.data), file.data.length, file.fileName, file.mimeType);
}

export const hydrators = { recording };

/** The Get Call output's file field: the recording, as a file a later step can attach. */
export const recordingFile = (z: ZObject, callId: unknown) =>
	z.dehydrateFile(hydrators.recording, { callId });

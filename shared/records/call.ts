import { asArray, asNumber, asRecord, asString, asStrings, pick, toIsoDate } from '../json';

/** The keys that identify a call at a glance, first in every simplified call output. */
export const CALL_KEY_FIELDS = [
	'id',
	'direction',
	'allo_number',
	'contact_number',
	'start_date',
] as const;

export interface TranscriptLine {
	/** Allo's speaker code: USER (your teammate), EXTERNAL (the other party) or AGENT (Allo's AI assistant). */
	source: string | null;
	/** The same in words: "Allo user", "Contact" or "AI assistant". */
	speaker: string | null;
	text: string | null;
	time: string | null;
	start_seconds: number | null;
	end_seconds: number | null;
}

export interface Call {
	id: string | null;
	direction: 'INBOUND' | 'OUTBOUND' | null;
	/** The Allo number of the call: `to` on inbound calls, `from` on outbound ones. */
	allo_number: string | null;
	/** The other party. */
	contact_number: string | null;
	from_number: string | null;
	from_name: string | null;
	to_number: string | null;
	to_name: string | null;
	start_date: string | null;
	length_in_minutes: number | null;
	result: string | null;
	summary: string | null;
	one_sentence_summary: string | null;
	tag: string | null;
	tags: string[];
	recording_url: string | null;
	transcript: TranscriptLine[];
	/** The transcript as one text, "Source: text" per line. */
	transcript_text: string | null;
	user_email: string | null;
}

/** Allo's speaker codes, as its OpenAPI document explains them. */
const SPEAKERS: Record<string, string> = {
	USER: 'Allo user',
	EXTERNAL: 'Contact',
	AGENT: 'AI assistant',
};

function transcriptLines(value: unknown): TranscriptLine[] {
	return asArray(value).map((row) => {
		const line = asRecord(row);
		const source = asString(line.source);
		return {
			source,
			speaker: source ? (SPEAKERS[source] ?? source) : null,
			text: asString(line.text),
			time: toIsoDate(line.time),
			start_seconds: asNumber(pick(line, 'start_seconds', 'startSeconds')),
			end_seconds: asNumber(pick(line, 'end_seconds', 'endSeconds')),
		};
	});
}

const direction = (value: unknown): Call['direction'] =>
	value === 'INBOUND' || value === 'OUTBOUND' ? value : null;

/**
 * One call shape for the v1 call list, the v1 contact conversation, v2 conversation items and
 * webhook payloads (snake_case or camelCase).
 */
export function normaliseCall(raw: unknown): Call {
	const call = asRecord(raw);
	// v2 items say `type: CALL` and carry the direction apart; v1 calls put it in `type`.
	const dir = direction(call.direction) ?? direction(call.type);
	const v2Item = call.allo_number !== undefined || call.contact_number !== undefined;
	const from = asString(pick(call, 'from_number', 'fromNumber', 'from'));
	const to = asString(pick(call, 'to_number', 'toNumber', 'to'));
	const alloNumber = v2Item ? asString(call.allo_number) : dir === 'OUTBOUND' ? from : to;
	const contactNumber = v2Item ? asString(call.contact_number) : dir === 'OUTBOUND' ? to : from;
	const transcript = transcriptLines(pick(call, 'transcript', 'transcriptions'));
	const concatenated = asString(pick(call, 'concatenated_transcript', 'concatenatedTranscript'));
	const durationSeconds = asNumber(call.duration);
	const tags = asStrings(call.tags);
	const tag = asString(pick(call, 'tag', 'call_category'));
	return {
		id: asString(call.id),
		direction: dir,
		allo_number: alloNumber,
		contact_number: contactNumber,
		from_number: from ?? (v2Item ? (dir === 'OUTBOUND' ? alloNumber : contactNumber) : null),
		from_name: asString(pick(call, 'from_name', 'fromName')),
		to_number: to ?? (v2Item ? (dir === 'OUTBOUND' ? contactNumber : alloNumber) : null),
		to_name: asString(pick(call, 'to_name', 'toName')),
		start_date: toIsoDate(pick(call, 'start_date', 'startDate', 'date', 'started_at')),
		length_in_minutes:
			asNumber(pick(call, 'length_in_minutes', 'lengthInMinutes')) ??
			(durationSeconds !== null ? Math.round((durationSeconds / 60) * 100) / 100 : null),
		result: asString(call.result),
		summary: asString(call.summary),
		one_sentence_summary: asString(pick(call, 'one_sentence_summary', 'oneSentenceSummary')),
		tag: tag ?? tags[0] ?? null,
		tags: tags.length ? tags : tag ? [tag] : [],
		recording_url: asString(pick(call, 'recording_url', 'recordingUrl')),
		transcript,
		transcript_text:
			concatenated ??
			(transcript.length
				? transcript.map((line) => `${line.source ?? 'UNKNOWN'}: ${line.text ?? ''}`).join('\n')
				: null),
		user_email: asString(pick(call, 'user_email', 'userEmail')),
	};
}

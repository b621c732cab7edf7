'use strict';
// A tiny valid MP3: MPEG-1 Layer III frames of silence, made in code so no binary is committed.

const SAMPLE_RATE = 44100;
const BITRATE = 32000;
const SAMPLES_PER_FRAME = 1152;
/** 144 × bitrate ÷ sample rate, without padding: 104 bytes. */
const FRAME_BYTES = Math.floor((144 * BITRATE) / SAMPLE_RATE);
/** Sync word, MPEG-1, Layer III, no CRC; 32 kbit/s, 44.1 kHz, no padding; mono, original. */
const HEADER = [0xff, 0xfb, 0x10, 0xc4];

/**
 * Silence lasting about `seconds`. Every frame has a zeroed side-information block, which
 * decoders read as zero-length main data: silence.
 * @param {number} seconds
 */
function silentMp3(seconds = 1) {
	const frames = Math.max(1, Math.round((seconds * SAMPLE_RATE) / SAMPLES_PER_FRAME));
	const bytes = Buffer.alloc(frames * FRAME_BYTES);
	for (let i = 0; i < frames; i++) bytes.set(HEADER, i * FRAME_BYTES);
	return bytes;
}

module.exports = { silentMp3 };

// WAV reading and writing, and the 16-bit PCM form that audio values take on
// the wire. Multi-byte samples are little-endian, as RIFF requires.

/**
 * Audio as the protocol carries it: interleaved 16-bit signed samples.
 * @typedef {{sampleRate: number, channels: number, pcm: Int16Array}} PcmAudio
 */

/** A file that starts like a WAV file but cannot be read as one. */
export class WavError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "WavError";
  }
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

/**
 * Converts one float sample in [-1, 1] to a 16-bit integer. Scaling by 32768
 * makes int16 → float (s / 32768, as Web Audio decoders do) → int16 exact.
 * @param {number} sample
 */
export function floatToInt16(sample) {
  const scaled = Math.round(sample * 32768);
  return Math.max(-32768, Math.min(32767, Number.isNaN(scaled) ? 0 : scaled));
}

/**
 * Interleaves per-channel float samples (as AudioBuffer.getChannelData gives
 * them) into 16-bit PCM.
 * @param {Float32Array[]} channelData
 * @returns {Int16Array}
 */
export function interleaveFloat(channelData) {
  const channels = channelData.length;
  const frames = channels ? channelData[0].length : 0;
  const pcm = new Int16Array(frames * channels);
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channels; channel++) {
      pcm[frame * channels + channel] = floatToInt16(channelData[channel][frame]);
    }
  }
  return pcm;
}

/**
 * @param {DataView} view
 * @param {number} offset
 */
function fourCC(view, offset) {
  let text = "";
  for (let i = 0; i < 4; i++) text += String.fromCharCode(view.getUint8(offset + i));
  return text;
}

/**
 * Reads the "fmt " chunk body.
 * @param {DataView} view
 * @param {number} offset
 * @param {number} size
 */
function readFormat(view, offset, size) {
  if (size < 16) throw new WavError(`The WAV "fmt " chunk is too short (${size} bytes).`);
  let format = view.getUint16(offset, true);
  const channels = view.getUint16(offset + 2, true);
  const sampleRate = view.getUint32(offset + 4, true);
  const bits = view.getUint16(offset + 14, true);
  if (format === FORMAT_EXTENSIBLE) {
    if (size < 40) throw new WavError("The WAV extensible format chunk is too short.");
    // The sub-format GUID starts with the plain format code.
    format = view.getUint16(offset + 24, true);
  }
  return { format, channels, sampleRate, bits };
}

/**
 * Returns a function that reads sample number `index` of the data chunk as a
 * 16-bit integer, or throws for an encoding this module does not read.
 * @param {{format: number, bits: number}} fmt
 * @param {DataView} view
 * @param {number} start
 * @returns {(index: number) => number}
 */
function sampleReader({ format, bits }, view, start) {
  if (format === FORMAT_PCM && bits === 8) {
    return (i) => (view.getUint8(start + i) - 128) << 8;
  }
  if (format === FORMAT_PCM && bits === 16) {
    return (i) => view.getInt16(start + 2 * i, true);
  }
  if (format === FORMAT_PCM && bits === 24) {
    return (i) => {
      const at = start + 3 * i;
      const word = (view.getUint8(at + 2) << 24) | (view.getUint8(at + 1) << 16)
        | (view.getUint8(at) << 8);
      return word >> 16;
    };
  }
  if (format === FORMAT_PCM && bits === 32) {
    return (i) => view.getInt32(start + 4 * i, true) >> 16;
  }
  if (format === FORMAT_FLOAT && bits === 32) {
    return (i) => floatToInt16(view.getFloat32(start + 4 * i, true));
  }
  if (format === FORMAT_FLOAT && bits === 64) {
    return (i) => floatToInt16(view.getFloat64(start + 8 * i, true));
  }
  throw new WavError(
    `WAV encoding ${format} with ${bits}-bit samples is not supported; ` +
      "use 8/16/24/32-bit integer or 32-bit float PCM.",
  );
}

/**
 * Decodes a RIFF WAVE file into 16-bit PCM at the file's own sample rate.
 * @param {ArrayBuffer} buffer
 * @returns {PcmAudio | null} null when the bytes are not a RIFF WAVE file
 * @throws {WavError} when the file is a WAV file that cannot be read
 */
export function decodeWav(buffer) {
  const view = new DataView(buffer);
  if (view.byteLength < 12 || fourCC(view, 0) !== "RIFF" || fourCC(view, 8) !== "WAVE") {
    return null;
  }
  let fmt = null;
  let offset = 12;
  while (offset + 8 <= view.byteLength) {
    const id = fourCC(view, offset);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    const remaining = view.byteLength - body;
    if (id === "data") {
      if (!fmt) throw new WavError('The WAV file has no "fmt " chunk before its data.');
      // Streaming writers leave the size at 0 or 0xFFFFFFFF, so read to the end.
      const size = declared === 0 ? remaining : Math.min(declared, remaining);
      return readData(fmt, view, body, size);
    }
    const size = Math.min(declared, remaining);
    if (id === "fmt ") fmt = readFormat(view, body, size);
    offset = body + size + (size % 2);
  }
  throw new WavError("The WAV file has no data chunk.");
}

/**
 * @param {{format: number, channels: number, sampleRate: number, bits: number}} fmt
 * @param {DataView} view
 * @param {number} start
 * @param {number} size
 * @returns {PcmAudio}
 */
function readData(fmt, view, start, size) {
  if (fmt.channels < 1) throw new WavError("The WAV file declares 0 channels.");
  if (fmt.sampleRate < 1) throw new WavError("The WAV file declares a sample rate of 0.");
  const read = sampleReader(fmt, view, start);
  const frameBytes = fmt.channels * (fmt.bits / 8);
  const frames = Math.floor(size / frameBytes);
  const pcm = new Int16Array(frames * fmt.channels);
  for (let i = 0; i < pcm.length; i++) pcm[i] = read(i);
  return { sampleRate: fmt.sampleRate, channels: fmt.channels, pcm };
}

/**
 * Encodes 16-bit PCM as a canonical 44-byte-header WAV file.
 * @param {PcmAudio} audio
 * @returns {ArrayBuffer}
 */
export function encodeWav({ sampleRate, channels, pcm }) {
  const dataBytes = pcm.length * 2;
  const buffer = new ArrayBuffer(44 + dataBytes);
  const view = new DataView(buffer);
  const writeText = (/** @type {number} */ at, /** @type {string} */ text) => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  writeText(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  writeText(8, "WAVE");
  writeText(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  writeText(36, "data");
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < pcm.length; i++) view.setInt16(44 + 2 * i, pcm[i], true);
  return buffer;
}

/**
 * Reads the little-endian 16-bit samples of an audio value's `pcm` buffer.
 * @param {ArrayBuffer} buffer
 * @returns {Int16Array}
 */
export function pcmFromBytes(buffer) {
  const view = new DataView(buffer);
  const pcm = new Int16Array(Math.floor(buffer.byteLength / 2));
  for (let i = 0; i < pcm.length; i++) pcm[i] = view.getInt16(2 * i, true);
  return pcm;
}

/**
 * Writes 16-bit samples as little-endian bytes, the protocol's `pcm` form.
 * @param {Int16Array} pcm
 * @returns {ArrayBuffer}
 */
export function pcmToBytes(pcm) {
  const buffer = new ArrayBuffer(pcm.length * 2);
  const view = new DataView(buffer);
  for (let i = 0; i < pcm.length; i++) view.setInt16(2 * i, pcm[i], true);
  return buffer;
}

/**
 * Formats a duration in seconds as m:ss, rounded to the nearest second.
 * @param {number} seconds
 */
export function formatDuration(seconds) {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, "0")}`;
}

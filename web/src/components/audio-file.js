// Decoding a user's audio file in the browser. PCM WAV is read here at its
// own sample rate; other formats go through Web Audio's decoder.

import { WavError, decodeWav, interleaveFloat } from "../wav.js";

/** @typedef {import("../wav.js").PcmAudio} PcmAudio */

/**
 * The rate Web Audio resamples compressed formats to, because
 * decodeAudioData always decodes to its context's sample rate.
 */
const WEB_AUDIO_SAMPLE_RATE = 48000;

/**
 * Decodes compressed audio (MP3, Ogg, FLAC, ...) with Web Audio.
 * @param {ArrayBuffer} bytes
 * @returns {Promise<PcmAudio>}
 */
async function decodeWithWebAudio(bytes) {
  const context = new OfflineAudioContext(1, 1, WEB_AUDIO_SAMPLE_RATE);
  // decodeAudioData detaches the buffer it is given, so it gets a copy.
  const audio = await context.decodeAudioData(bytes.slice(0));
  const channelData = [];
  for (let channel = 0; channel < audio.numberOfChannels; channel++) {
    channelData.push(audio.getChannelData(channel));
  }
  return {
    sampleRate: audio.sampleRate,
    channels: audio.numberOfChannels,
    pcm: interleaveFloat(channelData),
  };
}

/**
 * Decodes an audio file into 16-bit PCM.
 * @param {Blob & {name?: string}} file
 * @returns {Promise<PcmAudio>}
 * @throws {Error} with a message for the user when the file is empty or is
 *   not audio the browser can decode
 */
export async function decodeAudioFile(file) {
  const name = file.name ? `"${file.name}"` : "The file";
  if (file.size === 0) throw new Error(`${name} is empty. Choose an audio file.`);
  const bytes = await file.arrayBuffer();

  /** @type {WavError | null} */
  let wavError = null;
  try {
    const wav = decodeWav(bytes);
    if (wav) return expectSamples(wav, name);
  } catch (error) {
    if (!(error instanceof WavError)) throw error;
    wavError = error;
  }

  let audio;
  try {
    audio = await decodeWithWebAudio(bytes);
  } catch {
    throw new Error(wavError
      ? `${name} could not be read: ${wavError.message}`
      : `${name} is not an audio file this browser can decode. ` +
        "Choose a WAV, MP3, Ogg or FLAC file.");
  }
  return expectSamples(audio, name);
}

/**
 * @param {PcmAudio} audio
 * @param {string} name
 */
function expectSamples(audio, name) {
  if (audio.pcm.length === 0) throw new Error(`${name} contains no audio samples.`);
  return audio;
}

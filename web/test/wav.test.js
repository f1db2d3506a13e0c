import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  WavError, decodeWav, encodeWav, floatToInt16, formatDuration, interleaveFloat,
  pcmFromBytes, pcmToBytes,
} from "../src/wav.js";

/**
 * Builds a WAV file with the given format and raw sample bytes.
 * @param {{format?: number, channels?: number, sampleRate?: number, bits: number,
 *   data: number[], extensible?: boolean, extraChunk?: boolean}} options
 */
function makeWav({ format = 1, channels = 1, sampleRate = 16000, bits, data,
  extensible = false, extraChunk = false }) {
  const fmtSize = extensible ? 40 : 16;
  const extra = extraChunk ? 8 + 3 + 1 : 0;
  const buffer = new ArrayBuffer(12 + 8 + fmtSize + extra + 8 + data.length);
  const view = new DataView(buffer);
  const text = (at, value) => [...value].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, buffer.byteLength - 8, true);
  text(8, "WAVE");
  let at = 12;
  if (extraChunk) {
    text(at, "LIST");
    view.setUint32(at + 4, 3, true);
    at += 12;
  }
  text(at, "fmt ");
  view.setUint32(at + 4, fmtSize, true);
  view.setUint16(at + 8, extensible ? 0xfffe : format, true);
  view.setUint16(at + 10, channels, true);
  view.setUint32(at + 12, sampleRate, true);
  view.setUint32(at + 16, sampleRate * channels * bits / 8, true);
  view.setUint16(at + 20, channels * bits / 8, true);
  view.setUint16(at + 22, bits, true);
  if (extensible) view.setUint16(at + 8 + 24, format, true);
  at += 8 + fmtSize;
  text(at, "data");
  view.setUint32(at + 4, data.length, true);
  new Uint8Array(buffer, at + 8).set(data);
  return buffer;
}

describe("decodeWav", () => {
  test("reads 16-bit mono exactly", () => {
    const wav = makeWav({ bits: 16, data: [0x00, 0x20, 0x00, 0xe0, 0xff, 0x7f] });
    const audio = decodeWav(wav);
    assert.equal(audio.sampleRate, 16000);
    assert.equal(audio.channels, 1);
    assert.deepEqual([...audio.pcm], [8192, -8192, 32767]);
  });

  test("reads 8-bit unsigned", () => {
    const audio = decodeWav(makeWav({ bits: 8, data: [0, 128, 255] }));
    assert.deepEqual([...audio.pcm], [-32768, 0, 32512]);
  });

  test("reads 24-bit to the top 16 bits", () => {
    const audio = decodeWav(makeWav({ bits: 24, data: [0x00, 0x00, 0x80, 0xff, 0xff, 0x7f] }));
    assert.deepEqual([...audio.pcm], [-32768, 32767]);
  });

  test("reads 32-bit integers", () => {
    const audio = decodeWav(makeWav({ bits: 32, data: [0, 0, 0x00, 0x40, 0, 0, 0, 0x80] }));
    assert.deepEqual([...audio.pcm], [16384, -32768]);
  });

  test("reads 32-bit float", () => {
    const floats = new Float32Array([0.5, -1, 2]);
    const audio = decodeWav(makeWav({ format: 3, bits: 32, data: [...new Uint8Array(floats.buffer)] }));
    assert.deepEqual([...audio.pcm], [16384, -32768, 32767]);
  });

  test("reads interleaved stereo", () => {
    const audio = decodeWav(makeWav({ channels: 2, bits: 16, data: [1, 0, 2, 0, 3, 0, 4, 0] }));
    assert.equal(audio.channels, 2);
    assert.deepEqual([...audio.pcm], [1, 2, 3, 4]);
  });

  test("keeps the file's sample rate", () => {
    const audio = decodeWav(makeWav({ sampleRate: 44100, bits: 16, data: [0, 0] }));
    assert.equal(audio.sampleRate, 44100);
  });

  test("reads the extensible format", () => {
    const audio = decodeWav(makeWav({ extensible: true, bits: 16, data: [5, 0] }));
    assert.deepEqual([...audio.pcm], [5]);
  });

  test("skips unknown chunks with padding", () => {
    const audio = decodeWav(makeWav({ extraChunk: true, bits: 16, data: [7, 0] }));
    assert.deepEqual([...audio.pcm], [7]);
  });

  test("drops a trailing partial frame", () => {
    const audio = decodeWav(makeWav({ channels: 2, bits: 16, data: [1, 0, 2, 0, 3, 0] }));
    assert.deepEqual([...audio.pcm], [1, 2]);
  });

  test("returns null for other files", () => {
    assert.equal(decodeWav(new TextEncoder().encode("ID3 not a wav file").buffer), null);
    assert.equal(decodeWav(new ArrayBuffer(0)), null);
  });

  test("rejects unsupported encodings", () => {
    const wav = makeWav({ format: 2, bits: 4, data: [0, 0] });
    assert.throws(() => decodeWav(wav), WavError);
    assert.throws(() => decodeWav(wav), /encoding 2 with 4-bit samples is not supported/);
  });

  test("rejects a file without data", () => {
    const wav = makeWav({ bits: 16, data: [] }).slice(0, 36);
    assert.throws(() => decodeWav(wav), /no data chunk/);
  });
});

describe("encodeWav", () => {
  test("round-trips through decodeWav", () => {
    const pcm = new Int16Array([0, 1, -1, 32767, -32768, 1234]);
    const audio = decodeWav(encodeWav({ sampleRate: 22050, channels: 2, pcm }));
    assert.equal(audio.sampleRate, 22050);
    assert.equal(audio.channels, 2);
    assert.deepEqual([...audio.pcm], [...pcm]);
  });

  test("writes a 44-byte header", () => {
    const bytes = encodeWav({ sampleRate: 16000, channels: 1, pcm: new Int16Array(3) });
    assert.equal(bytes.byteLength, 44 + 6);
    const view = new DataView(bytes);
    assert.equal(view.getUint32(4, true), 36 + 6);
    assert.equal(view.getUint32(28, true), 32000);
    assert.equal(view.getUint32(40, true), 6);
  });
});

describe("sample conversion", () => {
  test("floatToInt16 clamps and rounds", () => {
    assert.equal(floatToInt16(0), 0);
    assert.equal(floatToInt16(1), 32767);
    assert.equal(floatToInt16(-1), -32768);
    assert.equal(floatToInt16(-3), -32768);
    assert.equal(floatToInt16(NaN), 0);
  });

  test("int16 survives a float round trip", () => {
    for (const sample of [-32768, -8192, -1, 0, 1, 8192, 32767]) {
      assert.equal(floatToInt16(sample / 32768), sample);
    }
  });

  test("interleaveFloat orders frames then channels", () => {
    const pcm = interleaveFloat([new Float32Array([0.5, 0]), new Float32Array([-0.5, 1])]);
    assert.deepEqual([...pcm], [16384, -16384, 0, 32767]);
  });

  test("pcm bytes are little-endian", () => {
    const bytes = pcmToBytes(new Int16Array([0x0102, -2]));
    assert.deepEqual([...new Uint8Array(bytes)], [0x02, 0x01, 0xfe, 0xff]);
    assert.deepEqual([...pcmFromBytes(bytes)], [0x0102, -2]);
  });

  test("pcmFromBytes ignores an odd last byte", () => {
    assert.equal(pcmFromBytes(new ArrayBuffer(5)).length, 2);
  });
});

describe("formatDuration", () => {
  test("rounds to whole seconds", () => {
    assert.equal(formatDuration(1.0), "0:01");
    assert.equal(formatDuration(0.4), "0:00");
    assert.equal(formatDuration(59.6), "1:00");
    assert.equal(formatDuration(125), "2:05");
  });
});

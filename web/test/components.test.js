import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readAudioValue } from "../src/components/audio.js";
import { normalizeChoices } from "../src/components/radio.js";

describe("readAudioValue", () => {
  test("reads the protocol shape", () => {
    const pcm = new Int16Array([1, -1]).buffer;
    const audio = readAudioValue({ sample_rate: 16000, channels: 1, pcm });
    assert.equal(audio.sampleRate, 16000);
    assert.deepEqual([...audio.pcm], [1, -1]);
  });

  test("reads null as empty", () => {
    assert.equal(readAudioValue(null), null);
  });

  test("rejects pcm as a JSON list", () => {
    assert.throws(() => readAudioValue({ sample_rate: 16000, channels: 1, pcm: [1, 2] }),
      /pcm as a binary buffer/);
  });
});

describe("normalizeChoices", () => {
  test("keeps pairs and pairs bare values", () => {
    assert.deepEqual(normalizeChoices([["Text box", "textbox"], "button"]),
      [["Text box", "textbox"], ["button", "button"]]);
  });

  test("reads a missing list as empty", () => {
    assert.deepEqual(normalizeChoices(null), []);
  });
});

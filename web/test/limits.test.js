import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  MAX_MESSAGE_BYTES, MAX_MESSAGE_CHARS, MAX_MESSAGE_DEPTH, checkPageMessage,
} from "../src/limits.js";

/** Returns an array nested `depth` levels deep. */
function nested(depth) {
  let value = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

describe("checkPageMessage", () => {
  test("accepts ordinary messages", () => {
    const messages = [
      { type: "edit", id: 3, value: "Buy milk", t: 1.5, seq: 2 },
      { type: "event", id: 4, name: "click", t: 1, seq: 2 },
      { type: "edit", id: 5, value: { sample_rate: 8000, channels: 1, pcm: new ArrayBuffer(16) } },
      { type: "edit", id: 6, value: [1, [2, "x"], { a: null, b: true }] },
      { type: "edit", id: 7, value: "x".repeat(MAX_MESSAGE_CHARS - 100) },
    ];
    for (const message of messages) assert.equal(checkPageMessage(message), null);
  });

  test("rejects a message that is not an object", () => {
    assert.match(checkPageMessage("text"), /must be an object, not a string/);
    assert.match(checkPageMessage(null), /not null/);
    assert.match(checkPageMessage([1]), /not an array/);
    assert.match(checkPageMessage(7), /not a number/);
  });

  test("rejects a 50 MB string", () => {
    const value = "x".repeat(50_000_000);
    const problem = checkPageMessage({ type: "edit", id: 1, value });
    assert.match(problem, /larger than 4,000,000 characters of JSON/);
  });

  test("rejects a long array before walking it", () => {
    const value = new Array(MAX_MESSAGE_CHARS).fill(0);
    assert.match(checkPageMessage({ type: "edit", id: 1, value }), /characters of JSON/);
  });

  test("rejects many short strings that add up", () => {
    const value = new Array(100_000).fill("x".repeat(50));
    assert.match(checkPageMessage({ type: "edit", id: 1, value }), /characters of JSON/);
  });

  test("rejects too many bytes", () => {
    const pcm = new ArrayBuffer(MAX_MESSAGE_BYTES + 1);
    const message = { type: "edit", id: 1, value: { sample_rate: 8000, channels: 1, pcm } };
    assert.match(checkPageMessage(message), /more than 67,108,864 bytes/);
    const view = new Uint8Array(MAX_MESSAGE_BYTES + 1);
    assert.match(checkPageMessage({ type: "edit", id: 1, value: view }), /bytes/);
  });

  test("limits nesting", () => {
    const ok = { type: "edit", id: 1, value: nested(MAX_MESSAGE_DEPTH - 1) };
    assert.equal(checkPageMessage(ok), null);
    const deep = { type: "edit", id: 1, value: nested(100_000) };
    assert.match(checkPageMessage(deep), /nested more than 32 levels deep/);
  });

  test("rejects a $buffer key at any depth", () => {
    assert.match(checkPageMessage({ type: "edit", id: 1, value: { $buffer: 0 } }),
      /"\$buffer" key/);
    assert.match(checkPageMessage({ type: "edit", id: 1, value: [{ a: { $buffer: "x" } }] }),
      /"\$buffer" key/);
  });
});

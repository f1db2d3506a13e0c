import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extractBuffers, findTransferables, isBufferRef, resolveBuffers } from "../src/buffers.js";

describe("extractBuffers", () => {
  test("replaces nested buffers in order", () => {
    const first = new ArrayBuffer(4);
    const second = new Uint8Array([1, 2, 3]);
    const buffers = [];
    const value = extractBuffers({ a: [first, { b: second }], c: "text", d: null }, buffers);
    assert.deepEqual(value, { a: [{ $buffer: 0 }, { b: { $buffer: 1 } }], c: "text", d: null });
    assert.equal(buffers[0], first);
    assert.deepEqual([...new Uint8Array(buffers[1])], [1, 2, 3]);
  });

  test("copies only the bytes a view covers", () => {
    const backing = new Uint8Array([9, 8, 7, 6, 5]);
    const view = new Int16Array(backing.buffer, 2, 1);
    const buffers = [];
    extractBuffers(view, buffers);
    assert.equal(buffers[0].byteLength, 2);
    assert.deepEqual([...new Uint8Array(buffers[0])], [7, 6]);
  });

  test("leaves the input unchanged", () => {
    const pcm = new ArrayBuffer(2);
    const message = { type: "edit", id: 3, value: { pcm } };
    extractBuffers(message, []);
    assert.equal(message.value.pcm, pcm);
  });

  test("keeps plain JSON values", () => {
    const buffers = [];
    const value = { n: 1.5, s: "x", list: [true, false, null], nested: { empty: {} } };
    assert.deepEqual(extractBuffers(value, buffers), value);
    assert.equal(buffers.length, 0);
  });
});

describe("resolveBuffers", () => {
  test("puts buffers back in place", () => {
    const pcm = new ArrayBuffer(8);
    const value = resolveBuffers({ value: { sample_rate: 16000, pcm: { $buffer: 0 } } }, [pcm]);
    assert.equal(value.value.pcm, pcm);
    assert.equal(value.value.sample_rate, 16000);
  });

  test("round-trips with extractBuffers", () => {
    const pcm = new ArrayBuffer(6);
    const buffers = [];
    const json = JSON.stringify(extractBuffers({ list: [pcm, 1] }, buffers));
    const value = resolveBuffers(JSON.parse(json), buffers);
    assert.equal(value.list[0], pcm);
    assert.equal(value.list[1], 1);
  });

  test("rejects an index past the end", () => {
    assert.throws(() => resolveBuffers({ $buffer: 1 }, [new ArrayBuffer(1)]),
      /Invalid buffer reference \{"\$buffer": 1\}: the message carries 1 buffer/);
  });

  test("rejects a non-integer index", () => {
    assert.throws(() => resolveBuffers({ $buffer: "0" }, [new ArrayBuffer(1)]), RangeError);
  });

  test("ignores objects with more keys", () => {
    const value = { $buffer: 0, other: 1 };
    assert.deepEqual(resolveBuffers(value, []), value);
    assert.equal(isBufferRef(value), false);
  });
});

describe("findTransferables", () => {
  test("lists each buffer once", () => {
    const pcm = new ArrayBuffer(2);
    assert.deepEqual(findTransferables({ a: pcm, b: [pcm], c: "x" }), [pcm]);
  });

  test("skips typed arrays", () => {
    assert.deepEqual(findTransferables({ view: new Uint8Array(2) }), []);
  });
});

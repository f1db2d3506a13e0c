import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Batcher, encodeMessage } from "../src/batcher.js";

/** Creates a batcher whose drains run only when the test calls runPending(). */
function manualBatcher() {
  const pending = [];
  const batcher = new Batcher((drain) => pending.push(drain));
  const received = [];
  const runPending = () => {
    for (const drain of pending.splice(0)) drain();
  };
  const start = () => batcher.start((json, buffers) => received.push({ json, buffers }));
  return { batcher, pending, received, runPending, start };
}

describe("Batcher", () => {
  test("queues messages until started", () => {
    const { batcher, pending, received, runPending, start } = manualBatcher();
    batcher.push({ type: "edit", id: 1, value: "a" });
    assert.equal(pending.length, 0);
    start();
    runPending();
    assert.equal(received.length, 1);
    assert.deepEqual(JSON.parse(received[0].json), [{ type: "edit", id: 1, value: "a" }]);
  });

  test("sends one batch per drain", () => {
    const { batcher, pending, received, runPending, start } = manualBatcher();
    start();
    batcher.push({ type: "edit", id: 1, value: "a" });
    batcher.push({ type: "edit", id: 1, value: "ab" });
    batcher.push({ type: "event", id: 2, name: "click" });
    assert.equal(pending.length, 1);
    runPending();
    assert.equal(received.length, 1);
    const batch = JSON.parse(received[0].json);
    assert.deepEqual(batch.map((message) => message.value ?? message.name), ["a", "ab", "click"]);
  });

  test("numbers buffers across the batch", () => {
    const { batcher, received, runPending, start } = manualBatcher();
    start();
    batcher.push({ type: "edit", id: 1, value: { pcm: new ArrayBuffer(4) } });
    batcher.push({ type: "edit", id: 2, value: { pcm: new ArrayBuffer(6) } });
    runPending();
    const batch = JSON.parse(received[0].json);
    assert.deepEqual(batch[1].value, { pcm: { $buffer: 1 } });
    assert.deepEqual(received[0].buffers.map((buffer) => buffer.byteLength), [4, 6]);
    assert.ok(received[0].buffers[0] instanceof Uint8Array);
  });

  test("skips malformed messages", (context) => {
    context.mock.method(console, "warn", () => {});
    const { batcher, received, runPending, start } = manualBatcher();
    start();
    const circular = { type: "edit", id: 1 };
    circular.value = circular;
    batcher.push("text");
    batcher.push(null);
    batcher.push(circular);
    batcher.push({ type: "edit", id: 3, value: 1n });
    batcher.push({ type: "edit", id: 2, value: "kept" });
    runPending();
    assert.deepEqual(JSON.parse(received[0].json), [{ type: "edit", id: 2, value: "kept" }]);
    assert.equal(console.warn.mock.callCount(), 4);
  });

  test("sends nothing for an empty batch", (context) => {
    context.mock.method(console, "warn", () => {});
    const { batcher, received, runPending, start } = manualBatcher();
    start();
    batcher.push(42);
    runPending();
    assert.equal(received.length, 0);
  });

  test("reports each drain's message count", (context) => {
    context.mock.method(console, "warn", () => {});
    const pending = [];
    const counts = [];
    const batcher = new Batcher((drain) => pending.push(drain), (count) => counts.push(count));
    const received = [];
    batcher.start((json) => received.push(json));
    batcher.push({ type: "edit", id: 1, value: "a" });
    batcher.push("not an object");
    for (const drain of pending.splice(0)) drain();
    batcher.push(42);
    for (const drain of pending.splice(0)) drain();
    assert.deepEqual(counts, [2, 1]);
    assert.equal(received.length, 1);
  });

  test("reports a drain whose receiver throws", () => {
    const pending = [];
    const counts = [];
    const batcher = new Batcher((drain) => pending.push(drain), (count) => counts.push(count));
    batcher.start(() => {
      throw new Error("engine failed");
    });
    batcher.push({ type: "event", id: 1, name: "click" });
    assert.throws(() => pending[0](), /engine failed/);
    assert.deepEqual(counts, [1]);
  });

  test("drops messages after close", () => {
    const { batcher, pending, received, runPending, start } = manualBatcher();
    batcher.push({ type: "edit", id: 1, value: "a" });
    batcher.close();
    batcher.push({ type: "edit", id: 1, value: "b" });
    start();
    runPending();
    assert.equal(pending.length, 0);
    assert.equal(received.length, 0);
  });
});

describe("encodeMessage", () => {
  test("drops a failed message's buffers", (context) => {
    context.mock.method(console, "warn", () => {});
    const buffers = [];
    assert.equal(encodeMessage({ pcm: new ArrayBuffer(2), bad: 1n }, buffers), null);
    assert.equal(buffers.length, 0);
  });
});

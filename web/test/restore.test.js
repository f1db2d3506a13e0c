import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { EditLog, copyValue, describeNode, restoreEdits } from "../src/restore.js";

/** A stand-in renderer with the nodes given by id, recording applied ops. */
function fakeRenderer(nodes) {
  const applied = [];
  return {
    applied,
    node: (id) => nodes[id],
    apply: (ops) => applied.push(...ops),
  };
}

const box = (label, props = {}) => ({ kind: "textbox", props: { label, ...props } });

describe("EditLog", () => {
  test("keeps the last value per node, in order of the latest edit", () => {
    const log = new EditLog();
    log.record(3, "a", box("First"));
    log.record(4, "x", box("Second"));
    log.record(3, "ab", box("First"));
    assert.deepEqual(log.entries.map((entry) => [entry.id, entry.value]), [[4, "x"], [3, "ab"]]);
    assert.equal(log.entries[1].label, "First");
  });

  test("copies buffers, which posting transfers", () => {
    const log = new EditLog();
    const pcm = new Uint8Array([1, 2, 3]).buffer;
    log.record(5, { sample_rate: 8000, channels: 1, pcm }, { kind: "audio", props: {} });
    const stored = /** @type {any} */ (log.entries[0].value);
    assert.notEqual(stored.pcm, pcm);
    assert.deepEqual([...new Uint8Array(stored.pcm)], [1, 2, 3]);
  });

  test("ignores an edit of an unknown node", () => {
    const log = new EditLog();
    log.record(9, "a", undefined);
    assert.deepEqual(log.entries, []);
  });
});

describe("restoreEdits", () => {
  test("puts values back into nodes of the same id and kind", () => {
    const log = new EditLog();
    log.record(3, "Buy milk", box("Task Name"));
    log.record(7, 5, { kind: "slider", props: { label: "Level" } });
    const renderer = fakeRenderer({ 3: box("Task Name"), 7: { kind: "slider", props: {} } });
    const sent = [];
    const result = restoreEdits(log.entries, renderer, (id, value) => sent.push([id, value]));
    assert.deepEqual(sent, [[3, "Buy milk"], [7, 5]]);
    assert.deepEqual(renderer.applied, [
      { op: "update", id: 3, props: { value: "Buy milk" } },
      { op: "update", id: 7, props: { value: 5 } },
    ]);
    assert.deepEqual(result, { restored: ["Task Name", "Level"], missing: [], messages: 2 });
  });

  test("reports nodes that are gone, changed kind or read-only", () => {
    const log = new EditLog();
    log.record(3, "a", box("Box 3"));
    log.record(4, "b", box("Box 4"));
    log.record(5, "c", box("Box 5"));
    const renderer = fakeRenderer({
      4: { kind: "slider", props: {} },
      5: box("Box 5", { interactive: false }),
    });
    const sent = [];
    const result = restoreEdits(log.entries, renderer, (id, value) => sent.push([id, value]));
    assert.deepEqual(sent, []);
    assert.deepEqual(result.missing, ["Box 3", "Box 4", "Box 5"]);
  });
});

describe("describeNode", () => {
  test("uses the label, else the kind", () => {
    assert.equal(describeNode(box(" Name ")), "Name");
    assert.equal(describeNode({ kind: "slider", props: { label: null } }), "slider");
  });
});

describe("copyValue", () => {
  test("returns values without buffers as they are", () => {
    const value = { a: [1, "x"] };
    assert.equal(copyValue(value), value);
  });
});

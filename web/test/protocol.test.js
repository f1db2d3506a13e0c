import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { KINDS, PatchError, expectOpList, validateOp } from "../src/protocol.js";

describe("validateOp", () => {
  test("accepts one op of each name", () => {
    const ops = [
      { op: "create", id: 1, kind: "textbox", parent: null, index: 0, props: {} },
      { op: "create", id: 2, kind: "row", parent: 1, index: 3, props: { scale: 1 } },
      { op: "update", id: 1, props: { value: "x" } },
      { op: "move", id: 2, parent: null, index: 0 },
      { op: "remove", id: 2 },
    ];
    ops.forEach((op, position) => assert.equal(validateOp(op, position), op));
  });

  test("accepts every documented kind", () => {
    for (const kind of KINDS) {
      const op = { op: "create", id: 1, kind, parent: null, index: 0, props: {} };
      assert.equal(validateOp(op, 0), op);
    }
  });

  const invalid = [
    ["not an object", "create", /must be an object/],
    ["unknown op", { op: "replace", id: 1 }, /unknown op "replace"/],
    ["missing op", { id: 1 }, /unknown op nothing/],
    ["negative id", { op: "remove", id: -1 }, /"id" must be a non-negative integer, got -1/],
    ["string id", { op: "remove", id: "1" }, /"id" must be a non-negative integer, got "1"/],
    ["unknown kind", { op: "create", id: 1, kind: "gallery", parent: null, index: 0, props: {} },
      /"kind" must be one of blocks/],
    ["missing parent", { op: "create", id: 1, kind: "row", index: 0, props: {} },
      /"parent" must be a node id or null, got nothing/],
    ["fractional index", { op: "move", id: 1, parent: 2, index: 0.5 },
      /"index" must be a non-negative integer, got 0.5/],
    ["props list", { op: "update", id: 1, props: [] }, /"props" must be an object, got \[\]/],
    ["null props", { op: "create", id: 1, kind: "row", parent: null, index: 0, props: null },
      /"props" must be an object, got null/],
  ];
  for (const [name, op, message] of invalid) {
    test(`rejects ${name}`, () => {
      assert.throws(() => validateOp(op, 4), PatchError);
      assert.throws(() => validateOp(op, 4), message);
      assert.throws(() => validateOp(op, 4), /op 4 of the patch/);
    });
  }
});

describe("expectOpList", () => {
  test("accepts a list", () => {
    assert.deepEqual(expectOpList([]), []);
  });

  test("rejects an object", () => {
    assert.throws(() => expectOpList({ op: "remove" }), /must carry a list of ops/);
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { choiceIndex, labelOf, valueOfText } from "../src/components/dropdown-choices.js";

/** @type {Array<[unknown, unknown]>} */
const CHOICES = [["One", 1], ["Two", "2"], ["Pair", [1, 2]]];

describe("choiceIndex", () => {
  test("matches values by JSON", () => {
    assert.equal(choiceIndex(CHOICES, [1, 2]), 2);
    assert.equal(choiceIndex(CHOICES, "2"), 1);
  });

  test("tells a number from its text", () => {
    assert.equal(choiceIndex(CHOICES, "1"), -1);
  });
});

describe("labelOf", () => {
  test("returns the choice's label", () => {
    assert.equal(labelOf(CHOICES, 1), "One");
  });

  test("shows a custom value as itself", () => {
    assert.equal(labelOf(CHOICES, "typed"), "typed");
    assert.equal(labelOf(CHOICES, null), "");
  });
});

describe("valueOfText", () => {
  test("reads a label as its choice's value", () => {
    assert.equal(valueOfText(CHOICES, "Two"), "2");
  });

  test("keeps other text and reads no text as null", () => {
    assert.equal(valueOfText(CHOICES, "two"), "two");
    assert.equal(valueOfText(CHOICES, ""), null);
  });
});

// What the user entered, kept on the page so that a restarted worker can be
// given it back. The log keeps the last value of each node the user edited.
// A fresh session of the same app gives its static blocks, and the blocks of
// the first run of each render, the same node ids as before. So an entry is
// put back when the new page has a node of the same id and kind that still
// accepts input.

import { findTransferables } from "./buffers.js";

/** @typedef {import("./renderer/index.js").Renderer} Renderer */

/**
 * The last value the user gave one node.
 * @typedef {{id: number, kind: string, label: string, value: unknown}} LoggedEdit
 */

/**
 * The outcome of restoreEdits(): the labels of the nodes it put values back
 * into, of those it could not find on the new page, and the number of edit
 * messages it sent.
 * @typedef {{restored: string[], missing: string[], messages: number}} RestoreResult
 */

export class EditLog {
  /** @type {Map<number, LoggedEdit>} */
  #entries = new Map();

  /**
   * Records the value of an edit message, with the kind and label of its node.
   * The value is copied when it contains ArrayBuffers, because posting the
   * message transfers them.
   * @param {number} id
   * @param {unknown} value
   * @param {{kind: string, props: Record<string, unknown>} | undefined} node
   */
  record(id, value, node) {
    if (!node) return;
    // Deleting first keeps the map in the order of the latest edits.
    this.#entries.delete(id);
    this.#entries.set(id, {
      id, kind: node.kind, label: describeNode(node), value: copyValue(value),
    });
  }

  /** The logged edits, oldest first. */
  get entries() {
    return [...this.#entries.values()];
  }

  /** Forgets every edit. */
  clear() {
    this.#entries.clear();
  }
}

/**
 * Puts the logged values back into the nodes of a new page: shows each value
 * in its node and sends it to the worker as an edit, as if the user had
 * entered it again.
 * @param {LoggedEdit[]} entries
 * @param {Renderer} renderer the new page's renderer, after its first patch
 * @param {(id: number, value: unknown) => void} sendEdit
 * @returns {RestoreResult}
 */
export function restoreEdits(entries, renderer, sendEdit) {
  /** @type {RestoreResult} */
  const result = { restored: [], missing: [], messages: 0 };
  for (const entry of entries) {
    const node = renderer.node(entry.id);
    if (!node || node.kind !== entry.kind || node.props.interactive === false) {
      result.missing.push(entry.label);
      continue;
    }
    renderer.apply([{ op: "update", id: entry.id, props: { value: copyValue(entry.value) } }]);
    sendEdit(entry.id, copyValue(entry.value));
    result.restored.push(entry.label);
    result.messages += 1;
  }
  return result;
}

/**
 * Returns a name for a node that the user recognizes: its label, or its kind
 * and id.
 * @param {{kind: string, props: Record<string, unknown>}} node
 */
export function describeNode(node) {
  const label = node.props.label;
  if (typeof label === "string" && label.trim()) return label.trim();
  return `${node.kind} ${String(node.props.elem_id ?? "")}`.trim();
}

/**
 * Copies a value deeply enough that no ArrayBuffer is shared with the original.
 * @param {unknown} value
 * @returns {unknown}
 */
export function copyValue(value) {
  if (findTransferables(value).length === 0) return value;
  if (value instanceof ArrayBuffer) return value.slice(0);
  if (Array.isArray(value)) return value.map(copyValue);
  if (typeof value === "object" && value !== null) {
    /** @type {Record<string, unknown>} */
    const copy = {};
    for (const [key, item] of Object.entries(value)) copy[key] = copyValue(item);
    return copy;
  }
  return value;
}

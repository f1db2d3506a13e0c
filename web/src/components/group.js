// A column whose children share one frame, without gaps between them.

import { make } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @param {Props} _props
 * @returns {import("../renderer/index.js").ComponentView}
 */
export function create(_props) {
  const element = make("div", "lite-group");
  return { element, childContainer: element };
}

/**
 * @param {NodeRecord} _node
 * @param {Props} _changed
 */
export function update(_node, _changed) {}

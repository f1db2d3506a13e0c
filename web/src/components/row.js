// A flex row that wraps when its children reach their minimum widths.

import { make } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @param {Props} _props
 * @returns {import("../renderer/index.js").ComponentView}
 */
export function create(_props) {
  const element = make("div", "lite-row");
  return { element, childContainer: element };
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const classes = node.element.classList;
  if ("variant" in changed) {
    classes.toggle("lite-panel", changed.variant === "panel");
    classes.toggle("lite-compact", changed.variant === "compact");
  }
  if ("equal_height" in changed) {
    classes.toggle("lite-equal-height", changed.equal_height === true);
  }
}

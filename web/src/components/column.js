// A flex column; variant "panel" gives it a panel background.

import { make } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @param {Props} _props
 * @returns {import("../renderer/index.js").ComponentView}
 */
export function create(_props) {
  const element = make("div", "lite-column");
  return { element, childContainer: element };
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  if ("variant" in changed) {
    node.element.classList.toggle("lite-panel", changed.variant === "panel");
  }
}

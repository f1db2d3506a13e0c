// The area a @gr.render function's output goes into. It takes no space of
// its own (display: contents), so its children lay out as its parent's.

import { make } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @param {Props} _props
 * @returns {import("../renderer/index.js").ComponentView}
 */
export function create(_props) {
  const element = make("div", "lite-render");
  return { element, childContainer: element };
}

/**
 * @param {NodeRecord} _node
 * @param {Props} _changed
 */
export function update(_node, _changed) {}

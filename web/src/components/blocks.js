// The app root. Its `title` becomes the document title when the page has
// none of its own, so an app embedded in a titled page leaves it alone.

import { make } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../protocol.js").Props} Props */

const pageTitle = typeof document === "undefined" ? "" : document.title;

/**
 * @param {Props} _props
 * @returns {import("../renderer/index.js").ComponentView}
 */
export function create(_props) {
  const element = make("div", "lite-blocks");
  return { element, childContainer: element };
}

/**
 * @param {NodeRecord} _node
 * @param {Props} changed
 */
export function update(_node, changed) {
  if (typeof changed.title === "string" && changed.title && !pageTitle) {
    document.title = changed.title;
  }
}

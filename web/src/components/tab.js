// One panel of a Tabs. The tab button lives in the Tabs' tab list, so this
// module only marks its element with what the button shows (label, id,
// disabled), and tabs.js builds the buttons from those marks.

import { make, text } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/** The context of each tab element, so tabs.js can send a tab's `select`. */
const contexts = new WeakMap();

/**
 * Returns the context of the tab whose element is `element`.
 * @param {Element} element
 * @returns {ComponentContext | undefined}
 */
export function tabContext(element) {
  return contexts.get(element);
}

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {import("../renderer/index.js").ComponentView}
 */
export function create(_props, context) {
  const element = make("div", "lite-tab");
  const panel = make("div", "lite-tab-panel");
  panel.setAttribute("role", "tabpanel");
  panel.id = context.uniqueId();
  element.append(panel);
  contexts.set(element, context);
  return { element, childContainer: panel };
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const data = node.element.dataset;
  if ("label" in changed) data.tabLabel = text(changed.label);
  if ("id" in changed) data.tabId = JSON.stringify(changed.id ?? null);
  if ("interactive" in changed) data.tabDisabled = String(changed.interactive === false);
}

// A <details> whose <summary> is the label. When the user opens or closes
// it, the page sends `expand` or `collapse`, which the engine lists in
// `events` even without listeners, so the engine records what the page shows.

import { make, text } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   details: HTMLDetailsElement, summary: HTMLElement, open: boolean}} AccordionView
 */

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {AccordionView}
 */
export function create(_props, context) {
  const details = make("details", "lite-accordion");
  const summary = make("summary", "lite-accordion-label");
  const body = make("div", "lite-accordion-body");
  details.append(summary, body);

  /** @type {AccordionView} */
  const view = { element: details, childContainer: body, details, summary, open: false };
  // "toggle" does not bubble, so it cannot go through the delegated listeners.
  details.addEventListener("toggle", () => {
    // A toggle that update() caused matches view.open; only the user's differ.
    if (details.open === view.open) return;
    view.open = details.open;
    context.props().open = details.open;
    context.trigger(details.open ? "expand" : "collapse");
  });
  return view;
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {AccordionView} */ (node.view);
  if ("label" in changed) view.summary.textContent = text(changed.label);
  if ("open" in changed) {
    view.open = changed.open !== false;
    view.details.open = view.open;
  }
}

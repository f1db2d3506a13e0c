// HTML from the app. The text may come from the app's users, so a DOMPurify
// instance of this module's own removes scripts, event handler attributes
// and javascript: URLs before anything reaches the page. The sanitized
// markup goes in as DOM nodes, never as an HTML string. A click anywhere
// inside fires `click`.

import DOMPurify from "dompurify";
import { cssLength } from "../renderer/common.js";
import { make, makeBlock, setLabel, text } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   label: HTMLElement, content: HTMLElement}} HtmlView
 */

const purify = DOMPurify(window);

// Links open in a new tab instead of replacing the app page.
purify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A" && node.hasAttribute("href")) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
});

/**
 * Converts HTML source to a sanitized DOM fragment.
 * @param {string} source
 * @returns {DocumentFragment}
 */
export function sanitizeHtml(source) {
  // A form would reload the app page when submitted, losing what the user entered.
  return purify.sanitize(source, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ["form"] });
}

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {HtmlView}
 */
export function create(_props, context) {
  const element = makeBlock("html");
  const label = make("div", "lite-label");
  const content = make("div", "lite-html-content");
  element.append(label, content);

  /** @type {HtmlView} */
  const view = { element, label, content };
  view.listeners = {
    click: () => {
      context.trigger("click");
    },
  };
  return view;
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {HtmlView} */ (node.view);
  const props = node.props;
  if ("value" in changed) view.content.replaceChildren(sanitizeHtml(text(props.value)));
  if ("label" in changed || "show_label" in changed) {
    setLabel(view.label, props.label, props.show_label);
    view.label.hidden = props.show_label !== true;
  }
  if ("min_height" in changed) view.element.style.minHeight = cssLength(props.min_height);
  if ("max_height" in changed) {
    view.element.style.maxHeight = cssLength(props.max_height);
    view.element.classList.toggle("lite-scroll", Boolean(cssLength(props.max_height)));
  }
  if ("padding" in changed) {
    view.element.classList.toggle("lite-html-padded", props.padding !== false);
  }
  if ("container" in changed) {
    view.element.classList.toggle("lite-framed", props.container === true);
  }
}

// A <button> whose text, and so its accessible name, is the `value` prop.

import { isInteractive, make, makeBlock, text } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   button: HTMLButtonElement, icon: HTMLImageElement | null,
 *   caption: HTMLElement}} ButtonView
 */

const VARIANTS = ["primary", "secondary", "stop", "huggingface"];
const SIZES = ["sm", "md", "lg"];

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {ButtonView}
 */
export function create(_props, context) {
  const element = makeBlock("button-block");
  const button = make("button", "lite-button");
  button.type = "button";
  const caption = make("span", "lite-button-text");
  button.append(caption);
  element.append(button);

  /** @type {ButtonView} */
  const view = { element, button, icon: null, caption };
  view.listeners = {
    click: (event) => {
      if (!(event.target instanceof Node) || !button.contains(event.target)) return;
      context.trigger("click");
      openLink(context.props().link);
    },
  };
  return view;
}

/**
 * Opens a button's `link` in a new tab. Only http(s) and relative URLs are
 * followed, so a javascript: URL never runs.
 * @param {unknown} link
 */
function openLink(link) {
  if (typeof link !== "string" || !link) return;
  const url = new URL(link, document.baseURI);
  if (url.protocol === "http:" || url.protocol === "https:") {
    window.open(url.href, "_blank", "noopener");
  }
}

/**
 * @param {ButtonView} view
 * @param {unknown} source
 */
function setIcon(view, source) {
  if (typeof source !== "string" || !source) {
    view.icon?.remove();
    view.icon = null;
    return;
  }
  if (!view.icon) {
    view.icon = make("img", "lite-button-icon");
    view.icon.alt = "";
    view.button.prepend(view.icon);
  }
  view.icon.src = source;
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {ButtonView} */ (node.view);
  const props = node.props;
  if ("value" in changed) view.caption.textContent = text(props.value);
  if ("variant" in changed) {
    for (const variant of VARIANTS) {
      view.button.classList.toggle(`lite-variant-${variant}`, props.variant === variant);
    }
  }
  if ("size" in changed) {
    for (const size of SIZES) {
      view.button.classList.toggle(`lite-size-${size}`, props.size === size);
    }
  }
  if ("interactive" in changed) view.button.disabled = !isInteractive(props);
  if ("icon" in changed) setIcon(view, props.icon);
}

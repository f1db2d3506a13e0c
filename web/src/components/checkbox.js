// A checkbox with its label beside the box; the label names the box even
// when `show_label` hides it. An edit carries true or false.

import { isInteractive, make, makeBlock, setContainer, setInfo, setLabel } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   caption: HTMLElement, info: HTMLElement, box: HTMLInputElement}} CheckboxView
 */

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {CheckboxView}
 */
export function create(_props, context) {
  const element = makeBlock("checkbox");
  const info = make("div", "lite-info");
  info.id = context.uniqueId();
  const box = make("input");
  box.type = "checkbox";
  const caption = make("span", "lite-checkbox-text");
  const option = make("label", "lite-checkbox-label");
  option.append(box, caption);
  element.append(info, option);

  /** @type {CheckboxView} */
  const view = { element, caption, info, box };
  view.listeners = {
    change: (event) => {
      if (event.target === box) context.edit(box.checked);
    },
  };
  return view;
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {CheckboxView} */ (node.view);
  const props = node.props;
  if ("label" in changed || "show_label" in changed) {
    setLabel(view.caption, props.label, props.show_label);
  }
  if ("info" in changed) {
    setInfo(view.info, props.info);
    if (view.info.hidden) view.box.removeAttribute("aria-describedby");
    else view.box.setAttribute("aria-describedby", view.info.id);
  }
  if ("value" in changed) view.box.checked = props.value === true;
  if ("interactive" in changed) view.box.disabled = !isInteractive(props);
  if ("container" in changed) setContainer(node.element, props.container);
}

// A number field labelled by `label`. An edit carries a finite number, or
// null for an empty field. Text the browser cannot read as a number, and a
// number outside `minimum`..`maximum`, mark the field invalid and send
// nothing. Enter fires `submit`.

import { isInteractive, make, makeBlock, setContainer, setInfo, setLabel, text } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   label: HTMLLabelElement, info: HTMLElement, field: HTMLInputElement,
 *   value: number | null}} NumberView
 */

/**
 * Reads the field: a finite number in range, null when it is empty, or
 * undefined when its text is not a valid number.
 * @param {HTMLInputElement} field
 * @returns {number | null | undefined}
 */
export function readNumber(field) {
  const validity = field.validity;
  if (validity.badInput || validity.rangeUnderflow || validity.rangeOverflow) {
    return undefined;
  }
  if (field.value === "") return null;
  const value = field.valueAsNumber;
  return Number.isFinite(value) ? value : undefined;
}

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {NumberView}
 */
export function create(_props, context) {
  const element = makeBlock("number");
  const fieldId = context.uniqueId();
  const label = make("label", "lite-label");
  label.htmlFor = fieldId;
  const info = make("div", "lite-info");
  info.id = `${fieldId}-info`;
  const field = make("input", "lite-input");
  field.type = "number";
  field.id = fieldId;
  element.append(label, info, field);

  /** @type {NumberView} */
  const view = { element, label, info, field, value: null };
  view.listeners = {
    input: (event) => {
      if (event.target === field) commit(view, context);
    },
    keydown: (event) => {
      const key = /** @type {KeyboardEvent} */ (event);
      if (key.target !== field || key.key !== "Enter" || key.isComposing) return;
      key.preventDefault();
      context.trigger("submit");
    },
  };
  return view;
}

/**
 * Sends the field's number when it is valid and differs from the last one
 * the page knew.
 * @param {NumberView} view
 * @param {ComponentContext} context
 */
function commit(view, context) {
  const value = readNumber(view.field);
  setInvalid(view.field, value === undefined);
  if (value === undefined || value === view.value) return;
  view.value = value;
  context.edit(value);
}

/**
 * @param {HTMLInputElement} field
 * @param {boolean} invalid
 */
function setInvalid(field, invalid) {
  field.classList.toggle("lite-invalid", invalid);
  if (invalid) field.setAttribute("aria-invalid", "true");
  else field.removeAttribute("aria-invalid");
}

/**
 * Sets a numeric attribute of the field, or removes it for a non-number.
 * @param {HTMLInputElement} field
 * @param {"min" | "max" | "step"} name
 * @param {unknown} value
 */
function setBound(field, name, value) {
  if (typeof value === "number" && Number.isFinite(value)) {
    field.setAttribute(name, String(value));
  } else {
    field.removeAttribute(name);
  }
}

/**
 * @param {NumberView} view
 * @param {unknown} value
 */
function showValue(view, value) {
  const number = typeof value === "number" && Number.isFinite(value) ? value : null;
  view.value = number;
  // Rewriting the number the user is typing ("1." is 1) would drop the dot.
  const typing = document.activeElement === view.field && readNumber(view.field) === number;
  if (!typing) view.field.value = number === null ? "" : String(number);
  setInvalid(view.field, false);
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {NumberView} */ (node.view);
  const props = node.props;
  const field = view.field;
  if ("label" in changed || "show_label" in changed) {
    setLabel(view.label, props.label, props.show_label);
  }
  if ("info" in changed) {
    setInfo(view.info, props.info);
    if (view.info.hidden) field.removeAttribute("aria-describedby");
    else field.setAttribute("aria-describedby", view.info.id);
  }
  if ("minimum" in changed) setBound(field, "min", props.minimum);
  if ("maximum" in changed) setBound(field, "max", props.maximum);
  if ("step" in changed) setBound(field, "step", props.step);
  if ("value" in changed) showValue(view, props.value);
  if ("placeholder" in changed) field.placeholder = text(props.placeholder);
  if ("interactive" in changed) {
    field.readOnly = !isInteractive(props);
    node.element.classList.toggle("lite-readonly", field.readOnly);
  }
  if ("container" in changed) setContainer(node.element, props.container);
}

// A range slider labelled by `label`, with a number box beside it. Both edit
// the same value; an edit is sent only when the number actually changes.

import { isInteractive, make, makeBlock, setContainer, setInfo, setLabel } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   label: HTMLLabelElement, info: HTMLElement, range: HTMLInputElement,
 *   number: HTMLInputElement, value: number | null}} SliderView
 */

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {SliderView}
 */
export function create(_props, context) {
  const element = makeBlock("slider");
  const rangeId = context.uniqueId();
  const header = make("div", "lite-slider-header");
  const label = make("label", "lite-label");
  label.htmlFor = rangeId;
  const number = make("input", "lite-slider-number");
  number.type = "number";
  // A name of its own keeps getByLabel(label) pointing at the slider alone.
  number.setAttribute("aria-label", "Number");
  header.append(label, number);
  const info = make("div", "lite-info");
  const range = make("input", "lite-slider-range");
  range.type = "range";
  range.id = rangeId;
  element.append(header, info, range);

  /** @type {SliderView} */
  const view = { element, label, info, range, number, value: null };
  view.listeners = {
    input: (event) => {
      if (event.target === range) commit(view, context, range.valueAsNumber);
      if (event.target === number && number.value !== "") {
        // The range clamps and snaps the typed number to min, max and step.
        range.value = number.value;
        commit(view, context, range.valueAsNumber, false);
      }
    },
    change: (event) => {
      if (event.target === number) number.value = range.value;
    },
  };
  return view;
}

/**
 * Sends the new value when it differs from the last one the page knew.
 * @param {SliderView} view
 * @param {ComponentContext} context
 * @param {number} value
 * @param {boolean} [syncNumber] whether to show the value in the number box
 */
function commit(view, context, value, syncNumber = true) {
  if (Number.isNaN(value)) return;
  if (syncNumber) view.number.value = String(value);
  if (value === view.value) return;
  view.value = value;
  context.edit(value);
}

/**
 * @param {SliderView} view
 * @param {Props} props
 */
function setBounds(view, props) {
  for (const input of [view.range, view.number]) {
    input.min = String(props.minimum ?? 0);
    input.max = String(props.maximum ?? 100);
    input.step = props.step ? String(props.step) : "any";
  }
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {SliderView} */ (node.view);
  const props = node.props;
  if ("minimum" in changed || "maximum" in changed || "step" in changed) {
    setBounds(view, props);
  }
  if ("label" in changed || "show_label" in changed) {
    setLabel(view.label, props.label, props.show_label);
  }
  if ("info" in changed) setInfo(view.info, props.info);
  if ("value" in changed || "minimum" in changed || "maximum" in changed) {
    const value = typeof props.value === "number" ? props.value : Number(props.minimum ?? 0);
    view.range.value = String(value);
    view.value = value;
    if (document.activeElement !== view.number || view.number.valueAsNumber !== value) {
      view.number.value = String(value);
    }
  }
  if ("interactive" in changed) {
    view.range.disabled = !isInteractive(props);
    view.number.disabled = view.range.disabled;
  }
  if ("container" in changed) setContainer(node.element, props.container);
}

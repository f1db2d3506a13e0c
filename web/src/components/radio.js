// A <fieldset> of radio buttons, one per [label, value] choice. An edit
// carries the chosen choice's value, whatever its JSON type.

import { isInteractive, make, makeBlock, setContainer, setInfo, setLabel, text } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   legend: HTMLLegendElement, info: HTMLElement, options: HTMLElement,
 *   inputs: HTMLInputElement[], choices: Array<[unknown, unknown]>,
 *   groupName: string}} RadioView
 */

/**
 * Reads `choices` as [label, value] pairs; a bare value is its own label.
 * @param {unknown} choices
 * @returns {Array<[unknown, unknown]>}
 */
export function normalizeChoices(choices) {
  if (!Array.isArray(choices)) return [];
  return choices.map((choice) => (Array.isArray(choice) && choice.length === 2
    ? /** @type {[unknown, unknown]} */ (choice)
    : [choice, choice]));
}

/**
 * Compares two JSON values, so that a value [1, 2] matches a choice [1, 2].
 * @param {unknown} a
 * @param {unknown} b
 */
function sameValue(a, b) {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {RadioView}
 */
export function create(_props, context) {
  const element = makeBlock("radio", "fieldset");
  const legend = make("legend", "lite-label");
  const info = make("div", "lite-info");
  const options = make("div", "lite-choices");
  element.append(legend, info, options);

  /** @type {RadioView} */
  const view = {
    element, legend, info, options, inputs: [], choices: [],
    groupName: context.uniqueId(),
  };
  view.listeners = {
    change: (event) => {
      const index = view.inputs.indexOf(/** @type {HTMLInputElement} */ (event.target));
      if (index >= 0 && view.inputs[index].checked) context.edit(view.choices[index][1]);
    },
  };
  return view;
}

/** @param {RadioView} view */
function buildChoices(view) {
  view.inputs = view.choices.map(([label], index) => {
    const input = make("input");
    input.type = "radio";
    input.name = view.groupName;
    input.value = String(index);
    const option = make("label", "lite-choice");
    option.append(input, make("span", "", text(label)));
    view.options.append(option);
    return input;
  });
}

/**
 * @param {RadioView} view
 * @param {unknown} value
 */
function checkValue(view, value) {
  view.choices.forEach(([, choiceValue], index) => {
    view.inputs[index].checked = sameValue(choiceValue, value);
  });
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {RadioView} */ (node.view);
  const props = node.props;
  if ("choices" in changed) {
    view.choices = normalizeChoices(props.choices);
    view.options.replaceChildren();
    buildChoices(view);
  }
  if ("label" in changed || "show_label" in changed) {
    setLabel(view.legend, props.label, props.show_label);
  }
  if ("info" in changed) setInfo(view.info, props.info);
  if ("choices" in changed || "value" in changed) checkValue(view, props.value);
  if ("choices" in changed || "interactive" in changed) {
    for (const input of view.inputs) input.disabled = !isInteractive(props);
  }
  if ("container" in changed) setContainer(node.element, props.container);
}

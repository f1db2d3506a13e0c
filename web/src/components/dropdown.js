// A dropdown in one of three shapes, picked by the props:
// - a <select> of the choices' labels;
// - with `allow_custom_value`, a text field that suggests the labels and
//   takes any text, sent on Enter, on leaving the field or on picking a
//   suggestion;
// - with `multiselect`, the chosen values as removable tokens and a control
//   of either kind above that adds one (dropdown-multi.js).
// Edits carry choice values, whatever their JSON type; typed text that
// matches a label is sent as that choice's value.

import { isInteractive, make, makeBlock, setContainer, setInfo, setLabel, text } from "./field.js";
import {
  choiceIndex, fillSuggestions, labelOf, makeSuggestField, pickedSuggestion, send,
  valueOfText,
} from "./dropdown-choices.js";
import { addTyped, buildMulti, fillMulti, onMultiChange, onMultiClick } from "./dropdown-multi.js";
import { normalizeChoices } from "./radio.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */
/** @typedef {import("./dropdown-choices.js").Choices} Choices */

/**
 * @typedef {"select" | "custom" | "multi" | "multi-custom"} DropdownMode
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   label: HTMLLabelElement, info: HTMLElement, body: HTMLElement,
 *   mode: DropdownMode | null, fieldId: string, listId: string,
 *   choices: Choices, control: HTMLSelectElement | HTMLInputElement,
 *   list: HTMLDataListElement | null, tokens: HTMLElement | null,
 *   sent: unknown}} DropdownView
 */

/**
 * @param {Props} props
 * @returns {DropdownMode}
 */
function modeOf(props) {
  const custom = props.allow_custom_value === true;
  if (props.multiselect === true) return custom ? "multi-custom" : "multi";
  return custom ? "custom" : "select";
}

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {DropdownView}
 */
export function create(_props, context) {
  const element = makeBlock("dropdown");
  const fieldId = context.uniqueId();
  const label = make("label", "lite-label");
  label.htmlFor = fieldId;
  const info = make("div", "lite-info");
  info.id = `${fieldId}-info`;
  const body = make("div", "lite-dropdown-body");
  element.append(label, info, body);

  /** @type {DropdownView} */
  const view = {
    element, label, info, body, mode: null, fieldId, listId: context.uniqueId(),
    choices: [], control: make("select"), list: null, tokens: null, sent: undefined,
  };
  view.listeners = {
    change: (event) => {
      if (event.target !== view.control) return;
      if (view.mode === "select") commitSelect(view, context);
      else if (view.mode === "custom") commitText(view, context);
      else onMultiChange(view, context);
    },
    input: (event) => {
      if (event.target !== view.control || !pickedSuggestion(event)) return;
      if (view.mode === "custom") commitText(view, context);
      if (view.mode === "multi-custom") addTyped(view, context);
    },
    keydown: (event) => {
      const key = /** @type {KeyboardEvent} */ (event);
      if (key.target !== view.control || key.key !== "Enter" || key.isComposing) return;
      if (view.mode === "custom") commitText(view, context);
      if (view.mode === "multi-custom") {
        key.preventDefault();
        addTyped(view, context);
      }
    },
    click: (event) => onMultiClick(view, context, event),
  };
  return view;
}

/**
 * @param {DropdownView} view
 * @param {ComponentContext} context
 */
function commitSelect(view, context) {
  const select = /** @type {HTMLSelectElement} */ (view.control);
  const choice = view.choices[Number(select.value)];
  if (choice) send(view, context, choice[1]);
}

/**
 * @param {DropdownView} view
 * @param {ComponentContext} context
 */
function commitText(view, context) {
  send(view, context, valueOfText(view.choices, view.control.value));
}

/**
 * Replaces the body with the controls of `mode`.
 * @param {DropdownView} view
 * @param {DropdownMode} mode
 */
function build(view, mode) {
  view.mode = mode;
  view.tokens = null;
  view.list = null;
  if (mode === "multi" || mode === "multi-custom") {
    buildMulti(view, mode === "multi-custom");
  } else if (mode === "custom") {
    const { field, list } = makeSuggestField(view.fieldId, view.listId);
    view.control = field;
    view.list = list;
    view.body.replaceChildren(field, list);
  } else {
    view.control = make("select", "lite-input lite-select");
    view.control.id = view.fieldId;
    view.body.replaceChildren(view.control);
  }
}

/**
 * Shows the value in a single dropdown. A value that is no choice gets an
 * option of its own, so an output can show any value.
 * @param {DropdownView} view
 * @param {unknown} value
 */
function fillSingle(view, value) {
  if (view.mode === "custom") {
    fillSuggestions(/** @type {HTMLDataListElement} */ (view.list), view.choices);
    const shown = labelOf(view.choices, value);
    if (view.control.value !== shown) view.control.value = shown;
    return;
  }
  const options = view.choices.map(([label], index) => {
    const option = make("option", "", text(label));
    option.value = String(index);
    return option;
  });
  const index = choiceIndex(view.choices, value);
  const other = index < 0 && value !== null && value !== undefined;
  if (other) {
    const option = make("option", "", text(value));
    option.value = "";
    option.disabled = true;
    options.push(option);
  }
  const select = /** @type {HTMLSelectElement} */ (view.control);
  select.replaceChildren(...options);
  select.selectedIndex = other ? options.length - 1 : index;
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {DropdownView} */ (node.view);
  const props = node.props;
  const mode = modeOf(props);
  if (mode !== view.mode) {
    build(view, mode);
    changed = props;
  }
  if ("label" in changed || "show_label" in changed) {
    setLabel(view.label, props.label, props.show_label);
  }
  if ("info" in changed) {
    setInfo(view.info, props.info);
    if (view.info.hidden) view.control.removeAttribute("aria-describedby");
    else view.control.setAttribute("aria-describedby", view.info.id);
  }
  if ("choices" in changed) view.choices = normalizeChoices(props.choices);
  if ("choices" in changed || "value" in changed) {
    view.sent = props.value;
    if (view.tokens) fillMulti(view, props);
    else fillSingle(view, props.value);
  }
  if ("interactive" in changed || "max_choices" in changed) {
    if (view.tokens) fillMulti(view, props);
    else view.control.disabled = !isInteractive(props);
  }
  if ("container" in changed) setContainer(node.element, props.container);
}

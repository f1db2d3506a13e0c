// The multiselect shape of a dropdown: the chosen values as a list of
// tokens, each with a remove button, and below them a control that adds a
// value: a <select> of the choices not yet chosen, or, with custom values
// allowed, a text field that adds its text on Enter or on picking a
// suggestion. The control is disabled once `max_choices` values are chosen.

import { isInteractive, make, text } from "./field.js";
import {
  choiceIndex, fillSuggestions, labelOf, makeSuggestField, sameValue, send, valueOfText,
} from "./dropdown-choices.js";

/** @typedef {import("./dropdown.js").DropdownView} DropdownView */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * Replaces the dropdown's body with the token list and the add control.
 * @param {DropdownView} view
 * @param {boolean} custom whether the control takes typed values
 */
export function buildMulti(view, custom) {
  view.tokens = make("ul", "lite-tokens");
  // A name with the label in it would make getByLabel(label) find two elements.
  view.tokens.setAttribute("aria-label", "Chosen");
  if (custom) {
    const { field, list } = makeSuggestField(view.fieldId, view.listId);
    field.placeholder = "Type a value and press Enter";
    view.control = field;
    view.list = list;
    view.body.replaceChildren(view.tokens, field, list);
  } else {
    view.control = make("select", "lite-input lite-select");
    view.control.id = view.fieldId;
    view.body.replaceChildren(view.tokens, view.control);
  }
}

/**
 * @param {unknown} value
 * @returns {unknown[]}
 */
function asList(value) {
  return Array.isArray(value) ? value : [];
}

/**
 * Shows the chosen values as tokens, and offers the other choices.
 * @param {DropdownView} view
 * @param {Props} props
 */
export function fillMulti(view, props) {
  const values = asList(props.value);
  const interactive = isInteractive(props);
  const tokens = /** @type {HTMLElement} */ (view.tokens);
  tokens.replaceChildren(...values.map((value, index) =>
    makeToken(labelOf(view.choices, value), index, interactive)));
  tokens.hidden = values.length === 0;

  const open = view.choices.filter(([, value]) =>
    !values.some((chosen) => sameValue(chosen, value)));
  if (view.list) {
    fillSuggestions(view.list, open);
  } else {
    const placeholder = make("option", "", open.length ? "Add a choice" : "No more choices");
    placeholder.value = "";
    const options = open.map(([label, value]) => {
      const option = make("option", "", text(label));
      option.value = String(choiceIndex(view.choices, value));
      return option;
    });
    view.control.replaceChildren(placeholder, ...options);
    view.control.value = "";
  }
  const max = props.max_choices;
  const full = typeof max === "number" && values.length >= max;
  view.control.disabled = !interactive || full;
}

/**
 * @param {string} label
 * @param {number} index
 * @param {boolean} removable
 */
function makeToken(label, index, removable) {
  const token = make("li", "lite-token");
  token.append(make("span", "", label));
  if (removable) {
    const remove = make("button", "lite-token-remove", "×");
    remove.type = "button";
    remove.dataset.index = String(index);
    remove.setAttribute("aria-label", `Remove ${label}`);
    token.append(remove);
  }
  return token;
}

/**
 * Sends the chosen values with `value` added, and shows them.
 * @param {DropdownView} view
 * @param {ComponentContext} context
 * @param {unknown} value
 */
function add(view, context, value) {
  const values = asList(context.props().value);
  if (!values.some((chosen) => sameValue(chosen, value))) {
    send(view, context, [...values, value]);
  }
  fillMulti(view, context.props());
}

/**
 * Adds the choice picked in the add <select>.
 * @param {DropdownView} view
 * @param {ComponentContext} context
 */
export function onMultiChange(view, context) {
  if (view.mode !== "multi" || view.control.value === "") return;
  const choice = view.choices[Number(view.control.value)];
  if (choice) add(view, context, choice[1]);
}

/**
 * Adds the text typed into the add field, as a choice's value when it is
 * that choice's label.
 * @param {DropdownView} view
 * @param {ComponentContext} context
 */
export function addTyped(view, context) {
  const typed = view.control.value;
  if (typed === "" || view.control.disabled) return;
  view.control.value = "";
  add(view, context, valueOfText(view.choices, typed));
}

/**
 * Removes a value when its token's remove button is clicked.
 * @param {DropdownView} view
 * @param {ComponentContext} context
 * @param {Event} event
 */
export function onMultiClick(view, context, event) {
  if (!view.tokens || !(event.target instanceof Element)) return;
  const button = event.target.closest(".lite-token-remove");
  if (!(button instanceof HTMLElement) || !view.tokens.contains(button)) return;
  const index = Number(button.dataset.index);
  send(view, context, asList(context.props().value).filter((_, at) => at !== index));
  fillMulti(view, context.props());
  // The clicked button is gone, so the focus goes to the add control.
  view.control.focus();
}

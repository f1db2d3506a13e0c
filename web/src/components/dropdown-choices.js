// Choice lookups and the text-field control that dropdown.js and
// dropdown-multi.js share.

import { make, text } from "./field.js";

/** @typedef {Array<[unknown, unknown]>} Choices */

/**
 * Compares two JSON values, so that a value [1, 2] matches a choice [1, 2].
 * @param {unknown} a
 * @param {unknown} b
 */
export function sameValue(a, b) {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Returns the position of the choice whose value is `value`, or -1.
 * @param {Choices} choices
 * @param {unknown} value
 */
export function choiceIndex(choices, value) {
  return choices.findIndex(([, choiceValue]) => sameValue(choiceValue, value));
}

/**
 * Returns the label of the choice whose value is `value`; a value that is no
 * choice (a custom value) is its own label.
 * @param {Choices} choices
 * @param {unknown} value
 */
export function labelOf(choices, value) {
  const index = choiceIndex(choices, value);
  return text(index >= 0 ? choices[index][0] : value);
}

/**
 * Reads typed text as a value: the value of the choice with that label, the
 * text itself when it matches no label, or null for no text.
 * @param {Choices} choices
 * @param {string} typed
 */
export function valueOfText(choices, typed) {
  if (typed === "") return null;
  const choice = choices.find(([label]) => text(label) === typed);
  return choice ? choice[1] : typed;
}

/**
 * Returns true when an input event put a suggestion of the field's
 * <datalist> in place, rather than a keystroke.
 * @param {Event} event
 */
export function pickedSuggestion(event) {
  return !(event instanceof InputEvent) || event.inputType === "insertReplacementText";
}

/**
 * Creates a text field that suggests the choices' labels from a <datalist>.
 * @param {string} fieldId
 * @param {string} listId
 */
export function makeSuggestField(fieldId, listId) {
  const field = make("input", "lite-input");
  field.type = "text";
  field.id = fieldId;
  field.autocomplete = "off";
  field.setAttribute("list", listId);
  const list = make("datalist");
  list.id = listId;
  return { field, list };
}

/**
 * Fills a <datalist> with the labels of `choices`.
 * @param {HTMLDataListElement} list
 * @param {Choices} choices
 */
export function fillSuggestions(list, choices) {
  list.replaceChildren(...choices.map(([label]) => {
    const option = make("option");
    option.value = text(label);
    return option;
  }));
}

/**
 * Sends `value` as an edit unless it is the value the page already holds.
 * @param {{sent: unknown}} view
 * @param {import("../renderer/index.js").ComponentContext} context
 * @param {unknown} value
 */
export function send(view, context, value) {
  if (view.sent !== undefined && sameValue(view.sent, value)) return;
  view.sent = value;
  context.edit(value);
}

// A text field: <input> when max_lines is 1 (or for password and email),
// otherwise a <textarea> that grows from `lines` up to `max_lines` rows.
// NOTE: `stop_btn` is not drawn, because the protocol has no stop trigger,
// and `autoscroll` is ignored.

import { isInteractive, make, makeBlock, setContainer, setInfo, setLabel, text } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   label: HTMLLabelElement, info: HTMLElement,
 *   field: HTMLInputElement | HTMLTextAreaElement,
 *   submitButton: HTMLButtonElement | null, copyButton: HTMLButtonElement | null,
 *   fieldId: string}} TextboxView
 */

const INPUT_TYPES = new Set(["password", "email"]);

/** @param {Props} props */
function wantsInput(props) {
  return props.max_lines === 1 || INPUT_TYPES.has(props.type);
}

/**
 * Returns true when Enter submits instead of starting a new line: always in
 * an <input>, and in a <textarea> whose `lines` is 1.
 * @param {Props} props
 */
function enterSubmits(props) {
  return wantsInput(props) || (props.lines ?? 1) === 1;
}

/**
 * Returns the input type for an <input> field, or null for a <textarea>.
 * @param {Props} props
 */
function inputType(props) {
  if (!wantsInput(props)) return null;
  return INPUT_TYPES.has(props.type) ? props.type : "text";
}

/**
 * @param {Props} props
 * @param {string} id
 */
function makeField(props, id) {
  const type = inputType(props);
  const field = type ? make("input") : make("textarea");
  if (field instanceof HTMLInputElement) field.type = /** @type {string} */ (type);
  field.id = id;
  field.className = "lite-input";
  return field;
}

/**
 * Sets a textarea's rows from its content, between `lines` and `max_lines`.
 * @param {TextboxView} view
 * @param {Props} props
 */
function fitRows(view, props) {
  const field = view.field;
  if (!(field instanceof HTMLTextAreaElement)) return;
  const min = Math.max(1, Number(props.lines) || 1);
  const max = Math.max(min, Number(props.max_lines) || min);
  const needed = field.value.split("\n").length;
  field.rows = Math.min(max, Math.max(min, needed));
}

/**
 * @param {Props} props
 * @param {ComponentContext} context
 * @returns {TextboxView}
 */
export function create(props, context) {
  const element = makeBlock("textbox");
  const fieldId = context.uniqueId();
  const label = make("label", "lite-label");
  label.htmlFor = fieldId;
  const info = make("div", "lite-info");
  info.id = `${fieldId}-info`;
  const field = makeField(props, fieldId);
  const row = make("div", "lite-textbox-row");
  row.append(field);
  element.append(label, info, row);

  /** @type {TextboxView} */
  const view = {
    element, label, info, field, submitButton: null, copyButton: null, fieldId,
  };
  view.listeners = {
    input: (event) => {
      if (event.target !== view.field) return;
      fitRows(view, context.props());
      context.edit(view.field.value);
    },
    keydown: (event) => onKeydown(view, context, /** @type {KeyboardEvent} */ (event)),
    click: (event) => {
      const target = /** @type {Node} */ (event.target);
      if (view.submitButton?.contains(target)) context.trigger("submit");
      if (view.copyButton?.contains(target)) copyValue(view);
    },
  };
  if (props.autofocus) {
    // The element is inserted into the page after create() returns.
    queueMicrotask(() => view.field.focus());
  }
  return view;
}

/**
 * @param {TextboxView} view
 * @param {ComponentContext} context
 * @param {KeyboardEvent} event
 */
function onKeydown(view, context, event) {
  if (event.target !== view.field || event.key !== "Enter") return;
  if (event.shiftKey || event.isComposing) return;
  if (!enterSubmits(context.props())) return;
  event.preventDefault();
  context.trigger("submit");
}

/**
 * Puts a new field element in place of the old one when the props switch
 * between <input> and <textarea>, keeping the value and focus.
 * @param {TextboxView} view
 * @param {Props} props
 */
function replaceField(view, props) {
  const old = view.field;
  const field = makeField(props, view.fieldId);
  field.value = old.value;
  const hadFocus = document.activeElement === old;
  old.replaceWith(field);
  view.field = field;
  if (hadFocus) field.focus();
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {TextboxView} */ (node.view);
  const props = node.props;
  const shownType = view.field instanceof HTMLInputElement ? view.field.type : null;
  if (inputType(props) !== shownType) {
    replaceField(view, props);
    changed = props;
  }
  const field = view.field;

  if ("label" in changed || "show_label" in changed) {
    setLabel(view.label, props.label, props.show_label);
  }
  if ("info" in changed) {
    setInfo(view.info, props.info);
    if (view.info.hidden) field.removeAttribute("aria-describedby");
    else field.setAttribute("aria-describedby", view.info.id);
  }
  if ("value" in changed) {
    const value = text(props.value);
    // Writing the same value again would move the caret to the end.
    if (field.value !== value) field.value = value;
  }
  if ("placeholder" in changed) field.placeholder = text(props.placeholder);
  if ("max_length" in changed) {
    if (Number.isInteger(props.max_length) && props.max_length > 0) {
      field.maxLength = props.max_length;
    } else {
      field.removeAttribute("maxlength");
    }
  }
  if ("interactive" in changed) {
    field.readOnly = !isInteractive(props);
    node.element.classList.toggle("lite-readonly", field.readOnly);
  }
  if ("rtl" in changed) field.dir = props.rtl ? "rtl" : "";
  if ("text_align" in changed) field.style.textAlign = text(props.text_align);
  if ("container" in changed) setContainer(node.element, props.container);
  if ("submit_btn" in changed) setSubmitButton(view, props.submit_btn);
  if ("show_copy_button" in changed) setCopyButton(view, props.show_copy_button === true);
  if ("value" in changed || "lines" in changed || "max_lines" in changed) {
    fitRows(view, props);
  }
}

/**
 * Shows a submit button next to the field when `submitButton` is true or a
 * string (its text).
 * @param {TextboxView} view
 * @param {unknown} submitButton
 */
function setSubmitButton(view, submitButton) {
  if (!submitButton) {
    view.submitButton?.remove();
    view.submitButton = null;
    return;
  }
  if (!view.submitButton) {
    view.submitButton = make("button", "lite-button lite-variant-primary lite-submit");
    view.submitButton.type = "button";
    view.field.after(view.submitButton);
  }
  view.submitButton.textContent = typeof submitButton === "string" ? submitButton : "Submit";
}

/**
 * Shows or removes the button that copies the field's text.
 * @param {TextboxView} view
 * @param {boolean} show
 */
function setCopyButton(view, show) {
  if (!show) {
    view.copyButton?.remove();
    view.copyButton = null;
    return;
  }
  if (view.copyButton) return;
  view.copyButton = make("button", "lite-button lite-size-sm lite-copy", "Copy");
  view.copyButton.type = "button";
  view.copyButton.setAttribute("aria-label", "Copy text");
  view.label.after(view.copyButton);
}

/** @param {TextboxView} view */
async function copyValue(view) {
  const button = /** @type {HTMLButtonElement} */ (view.copyButton);
  try {
    await navigator.clipboard.writeText(view.field.value);
    button.textContent = "Copied";
  } catch (error) {
    // The Clipboard API needs a secure context and the page's permission.
    console.warn("lite: copying the text failed:", error);
    button.textContent = "Copy failed";
  }
  setTimeout(() => { button.textContent = "Copy"; }, 1500);
}

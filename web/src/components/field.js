// DOM helpers the form components share: the block frame, labels and info.
// Every text goes in through textContent.

/**
 * Creates an element with a class and, optionally, text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function make(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Creates the outer element of a component of `kind`.
 * @param {string} kind
 * @param {keyof HTMLElementTagNameMap} [tag]
 */
export function makeBlock(kind, tag = "div") {
  return make(tag, `lite-block lite-${kind}`);
}

/**
 * Converts a prop to display text: null and undefined become "".
 * @param {unknown} value
 */
export function text(value) {
  return value === null || value === undefined ? "" : String(value);
}

/**
 * Sets a label's text, and hides it visually (it stays the accessible name)
 * when `show` is false.
 * @param {HTMLElement} label
 * @param {unknown} value
 * @param {unknown} show
 */
export function setLabel(label, value, show) {
  label.textContent = text(value);
  label.classList.toggle("lite-sr-only", show === false);
}

/**
 * Sets the info line under a label; an empty info hides it.
 * @param {HTMLElement} info
 * @param {unknown} value
 */
export function setInfo(info, value) {
  info.textContent = text(value);
  info.hidden = info.textContent === "";
}

/**
 * Draws the block frame unless `container` is false.
 * @param {HTMLElement} element
 * @param {unknown} container
 */
export function setContainer(element, container) {
  element.classList.toggle("lite-no-container", container === false);
}

/**
 * Returns true when a component accepts user input. The engine resolves
 * Gradio's interactive=None rule, so only an explicit false means read-only.
 * @param {Record<string, any>} props
 */
export function isInteractive(props) {
  return props.interactive !== false;
}

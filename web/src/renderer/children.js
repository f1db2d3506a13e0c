// Keeps a node's `children` list and its DOM children in the same order.
// Every position is an index into the parent's final child list, as the ops
// of docs/architecture.md define it.

/** @typedef {import("./index.js").NodeRecord} NodeRecord */

/**
 * @param {NodeRecord} parent
 * @param {number} index
 */
function expectIndex(parent, index) {
  if (index > parent.children.length) {
    throw new RangeError(
      `index ${index} is out of range: ${describeNode(parent)} has ` +
        `${parent.children.length} child(ren), so the index must be at most ` +
        `${parent.children.length}.`,
    );
  }
}

/**
 * Names a node in messages: "node 4 (row)", or "the root".
 * @param {NodeRecord} node
 */
export function describeNode(node) {
  return node.id === null ? "the root" : `node ${node.id} (${node.kind})`;
}

/**
 * Returns the DOM element that child number `index` should sit before.
 * @param {NodeRecord} parent
 * @param {number} index
 */
function referenceElement(parent, index) {
  return parent.children[index]?.element ?? null;
}

/**
 * Inserts a new node as child number `index` of `parent`.
 * @param {NodeRecord} parent
 * @param {NodeRecord} child
 * @param {number} index
 * @throws {RangeError} when `index` is past the end of the child list
 */
export function insertChild(parent, child, index) {
  expectIndex(parent, index);
  const container = /** @type {HTMLElement} */ (parent.childContainer);
  container.insertBefore(child.element, referenceElement(parent, index));
  parent.children.splice(index, 0, child);
  child.parent = parent;
}

/**
 * Moves an existing node to child number `index` of `parent`. The element is
 * moved, never rebuilt, and keeps focus and the caret when it had them.
 * @param {NodeRecord} child
 * @param {NodeRecord} parent
 * @param {number} index
 * @throws {RangeError} when `index` is past the end of the new child list
 */
export function moveChild(child, parent, index) {
  const oldParent = /** @type {NodeRecord} */ (child.parent);
  const oldIndex = oldParent.children.indexOf(child);
  oldParent.children.splice(oldIndex, 1);
  try {
    expectIndex(parent, index);
  } catch (error) {
    oldParent.children.splice(oldIndex, 0, child);
    throw error;
  }

  const container = /** @type {HTMLElement} */ (parent.childContainer);
  const before = referenceElement(parent, index);
  const alreadyPlaced = child.element.parentNode === container
    && child.element.nextSibling === before;
  if (!alreadyPlaced) moveElement(container, child.element, before);
  parent.children.splice(index, 0, child);
  child.parent = parent;
}

/**
 * Moves `element` before `before`. Chromium's moveBefore keeps focus, the
 * selection and playing media; elsewhere the focus and caret are put back.
 * @param {HTMLElement} container
 * @param {HTMLElement} element
 * @param {Element | null} before
 */
function moveElement(container, element, before) {
  const moveBefore = /** @type {any} */ (container).moveBefore;
  if (typeof moveBefore === "function" && container.isConnected && element.isConnected) {
    moveBefore.call(container, element, before);
    return;
  }
  const active = document.activeElement;
  const hadFocus = active instanceof HTMLElement && element.contains(active);
  const selection = hadFocus ? readSelection(active) : null;
  container.insertBefore(element, before);
  if (hadFocus && document.activeElement !== active) {
    active.focus({ preventScroll: true });
    if (selection) restoreSelection(active, selection);
  }
}

/** @param {HTMLElement} element */
function readSelection(element) {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) {
    return null;
  }
  try {
    return { start: element.selectionStart, end: element.selectionEnd };
  } catch {
    // Inputs such as type=range have no selection and throw on access.
    return null;
  }
}

/**
 * @param {HTMLElement} element
 * @param {{start: number | null, end: number | null}} selection
 */
function restoreSelection(element, { start, end }) {
  const field = /** @type {HTMLInputElement} */ (element);
  if (start !== null && end !== null) field.setSelectionRange(start, end);
}

/**
 * Detaches a node from its parent, in the list and in the DOM.
 * @param {NodeRecord} child
 */
export function removeChild(child) {
  const parent = child.parent;
  if (parent) {
    parent.children.splice(parent.children.indexOf(child), 1);
  }
  child.element.remove();
  child.parent = null;
}

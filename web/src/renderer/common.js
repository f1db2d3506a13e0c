// The props every kind has (docs/architecture.md, "Kinds and props"), plus
// the layout props `scale` and `min_width` that most kinds share.

/** @typedef {import("./index.js").NodeRecord} NodeRecord */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @param {NodeRecord} node
 * @param {unknown} classes
 */
function applyClasses(node, classes) {
  const list = Array.isArray(classes)
    ? classes.filter((name) => typeof name === "string" && name.trim() !== "")
    : [];
  node.element.classList.remove(...node.userClasses);
  node.element.classList.add(...list);
  node.userClasses = list;
}

/**
 * Shows an "Error" badge over the node while `message` is a string.
 * @param {NodeRecord} node
 * @param {unknown} message
 */
function applyError(node, message) {
  const hasError = typeof message === "string";
  node.element.classList.toggle("lite-has-error", hasError);
  if (!hasError) {
    node.errorBadge?.remove();
    node.errorBadge = null;
    return;
  }
  if (!node.errorBadge) {
    const badge = document.createElement("span");
    badge.className = "lite-error-badge";
    badge.textContent = "Error";
    node.errorBadge = badge;
  }
  node.errorBadge.title = message;
  node.errorBadge.setAttribute("aria-label", message ? `Error: ${message}` : "Error");
  // Keep the badge last so it never shifts a layout's child positions.
  node.element.append(node.errorBadge);
}

/**
 * Converts a number of pixels or a CSS string to a CSS length, or to "" for
 * any other value.
 * @param {unknown} value
 */
export function cssLength(value) {
  if (typeof value === "number" && Number.isFinite(value)) return `${value}px`;
  if (typeof value === "string") return value;
  return "";
}

/**
 * Applies the common props listed in `changed` to the node's element.
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function applyCommonProps(node, changed) {
  const element = node.element;
  if ("visible" in changed) element.hidden = changed.visible === false;
  if ("elem_id" in changed) {
    if (typeof changed.elem_id === "string" && changed.elem_id) {
      element.id = changed.elem_id;
    } else {
      element.removeAttribute("id");
    }
  }
  if ("elem_classes" in changed) applyClasses(node, changed.elem_classes);
  if ("error" in changed) applyError(node, changed.error);
  if ("scale" in changed) {
    // Rows read the custom property, so a scale means nothing in a column.
    const scale = changed.scale;
    if (typeof scale === "number") {
      element.style.setProperty("--lite-scale", String(scale));
    } else {
      element.style.removeProperty("--lite-scale");
    }
    element.classList.toggle("lite-no-grow", scale === 0);
  }
  if ("min_width" in changed) element.style.minWidth = cssLength(changed.min_width);
}

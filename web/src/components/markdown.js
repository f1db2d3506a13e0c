// Markdown, the only component that renders HTML. marked turns the text
// into HTML and DOMPurify removes scripts, event handler attributes and
// javascript: URLs before anything reaches the page.

import DOMPurify from "dompurify";
import { Marked } from "marked";
import { cssLength } from "../renderer/common.js";
import { make, makeBlock, text } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../protocol.js").Props} Props */

/** @typedef {import("../renderer/index.js").ComponentView & {prose: HTMLElement}} MarkdownView */

const parsers = {
  plain: new Marked({ gfm: true, breaks: false }),
  lineBreaks: new Marked({ gfm: true, breaks: true }),
};

// Links leave the app page instead of replacing it.
DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A" && node.hasAttribute("href")) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
});

/**
 * Converts Markdown to a sanitized DOM fragment.
 * NOTE: `sanitize_html: false` is ignored: the page always sanitizes,
 * because the app's text may come from its users.
 * @param {string} source
 * @param {boolean} lineBreaks
 * @returns {DocumentFragment}
 */
export function renderMarkdown(source, lineBreaks) {
  const parser = lineBreaks ? parsers.lineBreaks : parsers.plain;
  const html = /** @type {string} */ (parser.parse(source, { async: false }));
  // A form would reload the app page when submitted, losing what the user entered.
  return DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ["form"] });
}

/**
 * Gives each heading an id made from its text, so it can be linked to.
 * @param {HTMLElement} prose
 */
function addHeadingIds(prose) {
  const used = new Set();
  for (const heading of prose.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    const base = (heading.textContent ?? "").trim().toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "section";
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    heading.id = slug;
  }
}

/**
 * @param {Props} _props
 * @returns {MarkdownView}
 */
export function create(_props) {
  const element = makeBlock("markdown");
  const prose = make("div", "lite-prose");
  element.append(prose);
  return { element, prose };
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {MarkdownView} */ (node.view);
  const props = node.props;
  if ("value" in changed || "line_breaks" in changed || "header_links" in changed) {
    view.prose.replaceChildren(renderMarkdown(text(props.value), props.line_breaks === true));
    if (props.header_links) addHeadingIds(view.prose);
  }
  if ("rtl" in changed) view.prose.dir = props.rtl ? "rtl" : "";
  if ("min_height" in changed) view.element.style.minHeight = cssLength(props.min_height);
  if ("max_height" in changed) {
    view.element.style.maxHeight = cssLength(props.max_height);
    view.element.classList.toggle("lite-scroll", Boolean(cssLength(props.max_height)));
  }
  if ("container" in changed) {
    view.element.classList.toggle("lite-framed", props.container === true);
  }
}

// Toasts for the `notices` of a patch. All text goes in through textContent.

/** @typedef {import("../protocol.js").Notice} Notice */

/** How long a toast stays, in milliseconds, unless the user closes it. */
export const TOAST_DURATION_MS = { error: 8000, warning: 6000, info: 4000 };

const DEFAULT_TITLES = { error: "Error", warning: "Warning", info: "Info" };

/**
 * @param {string} tag
 * @param {string} className
 * @param {string} [text]
 */
function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Builds one toast element.
 * @param {Notice} notice
 * @param {() => void} close
 * @returns {HTMLElement}
 */
function buildToast(notice, close) {
  const level = notice.level in DEFAULT_TITLES ? notice.level : "info";
  const toast = element("div", `lite-toast lite-toast-${level}`);
  toast.setAttribute("role", level === "error" ? "alert" : "status");

  const header = element("div", "lite-toast-header");
  header.append(element("strong", "lite-toast-title",
    String(notice.title || DEFAULT_TITLES[level])));
  const closeButton = element("button", "lite-toast-close", "×");
  closeButton.setAttribute("type", "button");
  closeButton.setAttribute("aria-label", "Close");
  closeButton.addEventListener("click", close);
  header.append(closeButton);
  toast.append(header);

  if (notice.message) {
    toast.append(element("div", "lite-toast-message", String(notice.message)));
  }
  if (notice.traceback) {
    const details = element("details", "lite-toast-traceback");
    details.append(element("summary", "", "Traceback"),
      element("pre", "", String(notice.traceback)));
    toast.append(details);
  }
  return toast;
}

/**
 * Shows each notice as a toast in `container`. A toast closes itself after
 * TOAST_DURATION_MS for its level, or when the user clicks its close button.
 * @param {HTMLElement} container
 * @param {Notice[]} notices
 */
export function showNotices(container, notices) {
  for (const notice of notices) {
    if (typeof notice !== "object" || notice === null) continue;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const close = () => {
      clearTimeout(timer);
      toast.remove();
    };
    const toast = buildToast(notice, close);
    const duration = TOAST_DURATION_MS[notice.level] ?? TOAST_DURATION_MS.info;
    timer = setTimeout(close, duration);
    container.append(toast);
  }
}

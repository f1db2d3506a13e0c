// The parts of <lite-app> that are not the app: the loading indicator and
// the panel that replaces the app when it cannot run. Text only.

/** @type {Record<string, string>} */
const STAGE_LABELS = {
  fetch: "Fetching the app",
  runtime: "Loading the Python runtime",
  engine: "Loading the lite engine",
  packages: "Installing packages",
  app: "Starting the app",
};

/**
 * @param {string} tag
 * @param {string} className
 * @param {string} [text]
 */
function make(tag, className, text) {
  const element = document.createElement(tag);
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Shows the boot stage and progress in `container`.
 * @param {HTMLElement} container
 * @param {string} stage
 * @param {string | undefined} detail
 * @param {number | null | undefined} progress 0..1, or null when unknown
 */
export function showLoading(container, stage, detail, progress) {
  const text = detail || STAGE_LABELS[stage] || stage;
  const box = make("div", "lite-loading");
  box.setAttribute("role", "status");
  box.dataset.stage = stage;
  const spinner = make("span", "lite-spinner");
  spinner.setAttribute("aria-hidden", "true");
  const bar = document.createElement("progress");
  bar.className = "lite-progress";
  bar.max = 1;
  bar.setAttribute("aria-label", "Loading progress");
  let label = `${text}…`;
  if (typeof progress === "number" && Number.isFinite(progress)) {
    bar.value = Math.max(0, Math.min(1, progress));
    label += ` ${Math.round(bar.value * 100)}%`;
  }
  box.append(spinner, make("span", "lite-loading-text", label), bar);
  container.replaceChildren(box);
}

/**
 * Shows why the app cannot run: a title, a message and, when there is one,
 * a Python traceback.
 * @param {HTMLElement} container
 * @param {{title?: unknown, message?: unknown, traceback?: unknown}} failure
 */
export function showFailure(container, { title, message, traceback }) {
  const panel = make("div", "lite-fatal");
  panel.setAttribute("role", "alert");
  panel.append(make("h2", "lite-fatal-title", String(title || "The app could not start")));
  if (message) panel.append(make("p", "lite-fatal-message", String(message)));
  if (traceback) panel.append(make("pre", "lite-fatal-traceback", String(traceback)));
  container.replaceChildren(panel);
}

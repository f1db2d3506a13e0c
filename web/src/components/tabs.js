// A tab list above the panels of the Tab nodes inside (tab.js). One panel
// shows: the one whose `id` is the `selected` prop, else the first visible
// one. A click on a tab button, or the arrow, Home and End keys in the tab
// list (the WAI-ARIA tabs pattern, with automatic activation), shows that
// tab and sends its `select`, which the engine lists in the tab's `events`.
// The tabs may sit inside render areas, and their list changes without any
// call into this module, so a MutationObserver rebuilds the buttons.

import { make } from "./field.js";
import { tabContext } from "./tab.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */

/**
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   tablist: HTMLElement, panels: HTMLElement,
 *   buttons: Map<HTMLElement, HTMLButtonElement>, current: HTMLElement | null,
 *   context: ComponentContext, observer: MutationObserver}} TabsView
 */

// The marks that tab.js sets, and `hidden` for a tab's `visible`.
const WATCHED = ["hidden", "data-tab-label", "data-tab-id", "data-tab-disabled"];

/**
 * Returns the tab elements in `container`, looking through render areas.
 * @param {Element} container
 * @returns {HTMLElement[]}
 */
function findTabs(container) {
  /** @type {HTMLElement[]} */
  const found = [];
  for (const child of container.children) {
    if (!(child instanceof HTMLElement)) continue;
    if (child.classList.contains("lite-tab")) found.push(child);
    else if (child.classList.contains("lite-render")) found.push(...findTabs(child));
  }
  return found;
}

/** @param {HTMLElement} tab */
function canSelect(tab) {
  return !tab.hidden && tab.dataset.tabDisabled !== "true";
}

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {TabsView}
 */
export function create(_props, context) {
  const element = make("div", "lite-tabs");
  const tablist = make("div", "lite-tablist");
  tablist.setAttribute("role", "tablist");
  const panels = make("div", "lite-tab-panels");
  element.append(tablist, panels);

  /** @type {TabsView} */
  const view = /** @type {any} */ ({
    element, childContainer: panels, tablist, panels, buttons: new Map(), current: null,
    context,
  });
  view.observer = new MutationObserver(() => refresh(view, context, false));
  view.observer.observe(panels, {
    childList: true, subtree: true, attributes: true, attributeFilter: WATCHED,
  });
  view.listeners = {
    click: (event) => {
      const tab = tabOfButton(view, event.target);
      if (tab && canSelect(tab)) choose(view, context, tab);
    },
    keydown: (event) => onKeydown(view, context, /** @type {KeyboardEvent} */ (event)),
  };
  return view;
}

/**
 * @param {TabsView} view
 * @param {EventTarget | null} target
 */
function tabOfButton(view, target) {
  for (const [tab, button] of view.buttons) {
    if (target instanceof Node && button.contains(target)) return tab;
  }
  return undefined;
}

/**
 * Shows `tab` because the user picked it, and sends the tab's `select`.
 * @param {TabsView} view
 * @param {ComponentContext} context
 * @param {HTMLElement} tab
 */
function choose(view, context, tab) {
  view.buttons.get(tab)?.focus();
  if (tab === view.current) return;
  context.props().selected = JSON.parse(tab.dataset.tabId ?? "null");
  show(view, tab);
  tabContext(tab)?.trigger("select");
}

/**
 * @param {TabsView} view
 * @param {ComponentContext} context
 * @param {KeyboardEvent} event
 */
function onKeydown(view, context, event) {
  const from = tabOfButton(view, event.target);
  if (!from) return;
  const tabs = [...view.buttons.keys()].filter((tab) => tab === from || canSelect(tab));
  const at = tabs.indexOf(from);
  const next = {
    ArrowRight: tabs[(at + 1) % tabs.length],
    ArrowLeft: tabs[(at - 1 + tabs.length) % tabs.length],
    Home: tabs[0],
    End: tabs[tabs.length - 1],
  }[event.key];
  if (!next) return;
  event.preventDefault();
  if (canSelect(next)) choose(view, context, next);
}

/**
 * Matches the buttons to the tabs and picks the tab to show.
 * @param {TabsView} view
 * @param {ComponentContext} context
 * @param {boolean} selectedChanged whether the engine just set `selected`
 */
function refresh(view, context, selectedChanged) {
  const tabs = findTabs(view.panels);
  syncButtons(view, context, tabs);
  const current = view.current;
  if (!selectedChanged && current && tabs.includes(current) && !current.hidden) {
    show(view, current);
    return;
  }
  const selectedId = JSON.stringify(context.props().selected ?? null);
  const visible = tabs.filter((tab) => !tab.hidden);
  const match = visible.find((tab) => tab.dataset.tabId === selectedId);
  show(view, (selectedId !== "null" && match) || visible[0] || null);
}

/**
 * @param {TabsView} view
 * @param {ComponentContext} context
 * @param {HTMLElement[]} tabs
 */
function syncButtons(view, context, tabs) {
  /** @type {Map<HTMLElement, HTMLButtonElement>} */
  const buttons = new Map();
  tabs.forEach((tab, index) => {
    const button = view.buttons.get(tab) ?? makeButton(context.uniqueId());
    button.textContent = tab.dataset.tabLabel || `Tab ${index + 1}`;
    button.hidden = tab.hidden;
    button.disabled = tab.dataset.tabDisabled === "true";
    const panel = /** @type {HTMLElement} */ (tab.firstElementChild);
    button.setAttribute("aria-controls", panel.id);
    panel.setAttribute("aria-labelledby", button.id);
    buttons.set(tab, button);
  });
  for (const [tab, button] of view.buttons) {
    if (!buttons.has(tab)) button.remove();
  }
  const order = [...buttons.values()];
  if (order.some((button, index) => view.tablist.children[index] !== button)) {
    view.tablist.append(...order);
  }
  view.buttons = buttons;
}

/** @param {string} id */
function makeButton(id) {
  const button = make("button", "lite-tab-button");
  button.type = "button";
  button.id = id;
  button.setAttribute("role", "tab");
  return button;
}

/**
 * Shows `tab`'s panel and hides the others.
 * @param {TabsView} view
 * @param {HTMLElement | null} tab
 */
function show(view, tab) {
  view.current = tab;
  for (const [other, button] of view.buttons) {
    const selected = other === tab;
    other.classList.toggle("lite-tab-selected", selected);
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
  }
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {TabsView} */ (node.view);
  if ("selected" in changed) refresh(view, view.context, true);
}

/** @param {NodeRecord} node */
export function dispose(node) {
  /** @type {TabsView} */ (node.view).observer.disconnect();
}

// DOM input → page messages. One listener per DOM event type sits on the
// app root. It finds the node whose element contains the target, and calls
// the handler that the node's component registered for that type.

import { findTransferables } from "../buffers.js";

/** @typedef {import("./index.js").NodeRecord} NodeRecord */
/** @typedef {import("../protocol.js").PageMessage} PageMessage */

/**
 * Sends one message to the worker, transferring the listed buffers. Returns
 * false when the message was rejected and not sent.
 * @typedef {(message: PageMessage, transfer: ArrayBuffer[]) => boolean | void} SendFunction
 */

/** The DOM event types components may handle. */
export const DELEGATED_EVENT_TYPES = Object.freeze([
  "input",
  "change",
  "click",
  "keydown",
  "focusin",
  "focusout",
  "dragover",
  "dragleave",
  "drop",
]);

/** Returns the current time in milliseconds since the Unix epoch. */
export function eventTime() {
  return performance.timeOrigin + performance.now();
}

/**
 * Sends an `edit` message. ArrayBuffers inside `value` are transferred, so
 * the caller must not use them afterwards.
 * @param {SendFunction} send
 * @param {number} id
 * @param {unknown} value
 * @param {number} seq the `seq` of the last patch the page applied
 * @returns {boolean} false when `send` rejected the message
 */
export function sendEdit(send, id, value, seq) {
  return send({ type: "edit", id, value, t: eventTime(), seq }, findTransferables(value)) !== false;
}

/**
 * Sends an `event` message when the node has a listener for `name`.
 * @param {SendFunction} send
 * @param {NodeRecord} node
 * @param {string} name
 * @param {number} seq the `seq` of the last patch the page applied
 * @returns {boolean} whether a message was sent
 */
export function sendTrigger(send, node, name, seq) {
  const events = node.props.events;
  if (!Array.isArray(events) || !events.includes(name)) return false;
  const id = /** @type {number} */ (node.id);
  send({ type: "event", id, name, t: eventTime(), seq }, []);
  return true;
}

/**
 * Installs the delegated listeners on `root`. Focus and blur triggers are
 * sent when the focus enters or leaves a node's element from outside it, not
 * when it moves inside the element.
 * @param {HTMLElement} root
 * @param {(element: Element) => NodeRecord | undefined} findNode
 * @param {(node: NodeRecord, name: string) => void} trigger
 * @returns {() => void} a function that removes the listeners
 */
export function listen(root, findNode, trigger) {
  /** @param {Event} event */
  const dispatch = (event) => {
    if (!(event.target instanceof Element)) return;
    const node = findNode(event.target);
    if (!node) return;
    node.view.listeners?.[event.type]?.(event);
    if (event.type === "focusin" || event.type === "focusout") {
      const related = /** @type {FocusEvent} */ (event).relatedTarget;
      if (related instanceof Node && node.element.contains(related)) return;
      trigger(node, event.type === "focusin" ? "focus" : "blur");
    }
  };
  for (const type of DELEGATED_EVENT_TYPES) root.addEventListener(type, dispatch);
  return () => {
    for (const type of DELEGATED_EVENT_TYPES) root.removeEventListener(type, dispatch);
  };
}

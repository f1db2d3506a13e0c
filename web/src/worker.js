// The module worker that runs the Python engine in Pyodide. It boots on the
// page's `init` message, then hands page messages to the engine in batches
// and posts the engine's messages back to the page.

import { Batcher } from "./batcher.js";
import { checkPageMessage } from "./limits.js";
import { bootEngine, BootError } from "./worker-boot.js";

/** @typedef {import("./protocol.js").InitMessage} InitMessage */
/** @typedef {import("./worker-boot.js").Bridge} Bridge */

/**
 * The parts of DedicatedWorkerGlobalScope this file uses; the DOM library
 * types `self` as a Window.
 * @typedef {{onmessage: ((event: MessageEvent) => void) | null,
 *   postMessage: (message: unknown, transfer: Transferable[]) => void,
 *   addEventListener: (type: string, listener: (event: any) => void) => void}} WorkerScope
 */

const scope = /** @type {WorkerScope} */ (/** @type {unknown} */ (self));

const batcher = new Batcher(undefined, reportHandled);
let booting = false;
/** The page messages finished with so far; the page's watchdog compares it with what it sent. */
let handled = 0;
let reportScheduled = false;
/** Shared with the page, which writes SIGINT into it to stop Python. */
let interruptBuffer = /** @type {Uint8Array | null} */ (null);

// Set before anything is awaited, so that no page message is lost while
// Pyodide loads.
scope.onmessage = (event) => {
  const message = event.data;
  if (isInit(message)) {
    if (booting) {
      console.warn("lite worker: ignoring a second init message.");
      return;
    }
    booting = true;
    boot(message);
    return;
  }
  const problem = checkPageMessage(message);
  if (problem) {
    console.warn(`lite worker: rejected a page message: ${problem}.`);
    reportHandledLater(1);
    return;
  }
  batcher.push(message);
};

scope.addEventListener("unhandledrejection", (event) => {
  console.error("lite worker: unhandled error:", event.reason);
});

/**
 * @param {unknown} message
 * @returns {message is InitMessage}
 */
function isInit(message) {
  return typeof message === "object" && message !== null
    && /** @type {{type?: unknown}} */ (message).type === "init";
}

/**
 * Counts messages the engine has finished with and reports the total to the page at once.
 * @param {number} count
 */
function reportHandled(count) {
  handled += count;
  postPlain({ type: "handled", count: handled });
}

/**
 * Counts rejected messages, and reports the total to the page once for all
 * those rejected in a row.
 * @param {number} count
 */
function reportHandledLater(count) {
  handled += count;
  if (reportScheduled) return;
  reportScheduled = true;
  setTimeout(() => {
    reportScheduled = false;
    postPlain({ type: "handled", count: handled });
  }, 0);
}

/**
 * Posts a message the worker makes itself (status, fatal, handled) to the page.
 * @param {Record<string, unknown>} message
 */
function postPlain(message) {
  scope.postMessage(message, []);
}

/**
 * Posts an engine message to the page; the engine calls it with a JSON string
 * and its byte buffers. A Python list is converted with toJs, which copies the
 * bytes out of Python's memory, and a JS array from to_js is used as it is.
 * Either way the buffers are transferred to the page.
 * @param {string} json
 * @param {any} buffers a Python list of bytes-like objects, a JS array, or None
 */
function post(json, buffers) {
  const list = toArrayBuffers(buffers);
  scope.postMessage({ json: String(json), buffers: list }, list);
}

/**
 * @param {any} buffers
 * @returns {ArrayBuffer[]}
 */
function toArrayBuffers(buffers) {
  if (buffers === null || buffers === undefined) return [];
  const items = typeof buffers.toJs === "function"
    ? buffers.toJs({ create_pyproxies: false })
    : buffers;
  return Array.from(items, (item) => {
    if (item instanceof ArrayBuffer) return item;
    if (ArrayBuffer.isView(item)) {
      const whole = item.byteOffset === 0 && item.byteLength === item.buffer.byteLength;
      return whole && item.buffer instanceof ArrayBuffer
        ? item.buffer
        : new Uint8Array(item.buffer, item.byteOffset, item.byteLength).slice().buffer;
    }
    throw new TypeError(`post() expects byte buffers, got ${Object.prototype.toString.call(item)}.`);
  });
}

/** @param {InitMessage} init */
async function boot(init) {
  /** @type {Bridge | null} */
  let bridge;
  try {
    bridge = await bootEngine(init, post, (stage, detail, progress) => {
      postPlain({ type: "status", stage, detail, progress });
    });
  } catch (error) {
    const fatal = error instanceof BootError
      ? error.toMessage()
      : { title: "The app could not start", message: String(error), traceback: null };
    postPlain({ type: "fatal", ...fatal });
    batcher.close();
    return;
  }
  if (!bridge) {
    batcher.close();
    return;
  }
  const receive = bridge.receive;
  const buffer = /** @type {{interruptBuffer?: unknown}} */ (init).interruptBuffer;
  interruptBuffer = buffer instanceof Uint8Array ? buffer : null;
  batcher.start((batchJson, buffers) => {
    // A stop that came after the last batch had finished must not hit this one.
    if (interruptBuffer) interruptBuffer[0] = 0;
    try {
      settle(receive(batchJson, buffers));
    } catch (error) {
      console.error("lite worker: the engine failed to handle page messages:", error);
    }
  });
}

/**
 * Waits for an awaitable result of the engine and releases PyProxies.
 * @param {any} result
 */
function settle(result) {
  if (result && typeof result.then === "function") {
    Promise.resolve(result).then(
      (value) => release(value),
      (error) => console.error("lite worker: the engine failed to handle page messages:", error),
    ).finally(() => release(result));
    return;
  }
  release(result);
}

/** @param {any} value */
function release(value) {
  if (value && typeof value.destroy === "function") value.destroy();
}

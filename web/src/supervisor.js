// Keeps <lite-app> usable whatever its Python code does. Every message the
// renderer sends passes through here: it is checked against the size limits,
// the user's edits are logged, and the watchdog counts it. When the worker is
// busy for too long, a banner offers to stop it. When stopping needs a new
// worker, the element restarts it, and this module puts the logged edits back
// once the new worker has sent its first patch.

import { findTransferables } from "./buffers.js";
import { checkPageMessage, formatCount, MAX_MESSAGE_BYTES, MAX_MESSAGE_CHARS } from "./limits.js";
import { eventTime } from "./renderer/events.js";
import { showNotices } from "./renderer/notices.js";
import { describeNode, EditLog, restoreEdits } from "./restore.js";
import { createInterruptBuffer, isHandled, Watchdog } from "./watchdog.js";

/** @typedef {import("./renderer/index.js").Renderer} Renderer */
/** @typedef {import("./protocol.js").PageMessage} PageMessage */
/** @typedef {import("./watchdog.js").WatchdogState} WatchdogState */

/**
 * @typedef {object} SupervisorOptions
 * @property {HTMLElement} toasts the container of the element's toasts
 * @property {(message: PageMessage, transfer: ArrayBuffer[]) => void} post
 *   posts a message to the current worker
 * @property {() => Renderer | null} renderer the current renderer
 * @property {() => void} restart ends the worker and starts the app again;
 *   the element then calls nextWorker() for the new worker
 * @property {number} [busyAfterMs]
 * @property {number} [stopGraceMs]
 */

export class Supervisor {
  /** The banner shown while the app is busy, with its Stop button. */
  banner;
  #options;
  #watchdog;
  #log = new EditLog();
  /** @type {string | null} why the worker is being restarted */
  #restartReason = null;
  /** Whether the next first patch must be followed by putting edits back. */
  #restorePending = false;
  /** The `sent` count that the edits put back by the last restore end at. */
  #restoreEnd = 0;
  /** Node ids whose last edit was rejected as too large, so the user is warned once. */
  #rejected = new Set();
  /** Whether the current worker has an interrupt buffer. */
  #interruptible = false;
  #text;
  #button;

  /** @param {SupervisorOptions} options */
  constructor(options) {
    this.#options = options;
    this.banner = document.createElement("div");
    this.banner.className = "lite-busy-banner";
    this.banner.setAttribute("role", "status");
    this.banner.hidden = true;
    const spinner = document.createElement("span");
    spinner.className = "lite-spinner";
    spinner.setAttribute("aria-hidden", "true");
    this.#text = document.createElement("span");
    this.#text.className = "lite-busy-text";
    this.#button = document.createElement("button");
    this.#button.type = "button";
    this.#button.className = "lite-button lite-variant-stop lite-size-sm";
    this.#button.addEventListener("click", () => this.#watchdog.stop());
    this.banner.append(spinner, this.#text, this.#button);
    this.#watchdog = new Watchdog({
      interruptBuffer: null,
      onState: (state) => this.#showState(state),
      onRestart: (reason) => this.#restart(reason),
      busyAfterMs: options.busyAfterMs,
      stopGraceMs: options.stopGraceMs,
    });
  }

  /** The watchdog's state: idle, busy, stopping or restarting. */
  get state() {
    return this.#watchdog.state;
  }

  /**
   * Prepares for a new worker and returns the fields its `init` message
   * carries: the interrupt buffer when the page is cross-origin isolated.
   * @returns {{interruptBuffer?: Uint8Array}}
   */
  nextWorker() {
    const interruptBuffer = createInterruptBuffer();
    this.#interruptible = interruptBuffer !== null;
    this.#watchdog.reset(interruptBuffer);
    return interruptBuffer ? { interruptBuffer } : {};
  }

  /**
   * Posts one renderer message to the worker, unless it is too large. Then
   * the user gets one warning, and the app keeps the value it had.
   * @param {PageMessage} message
   * @param {ArrayBuffer[]} transfer
   * @returns {boolean} false when the message was rejected
   */
  send(message, transfer) {
    if (this.#watchdog.state === "restarting") return false;
    const problem = checkPageMessage(message);
    if (problem) {
      this.#reject(message, problem);
      return false;
    }
    if (message.type === "edit") {
      this.#rejected.delete(message.id);
      this.#log.record(message.id, message.value, this.#options.renderer()?.node(message.id));
    }
    this.#options.post(message, transfer);
    this.#watchdog.posted();
    return true;
  }

  /**
   * Looks at a message from the worker before the element handles it.
   * @param {unknown} data
   * @returns {boolean} true when the message was the worker's `handled`
   *   report, which needs no further handling
   */
  heard(data) {
    this.#watchdog.heard(data);
    return isHandled(data);
  }

  /**
   * Called after the element applied a patch. After a restart, the first
   * patch is followed by putting the user's edits back.
   */
  patched() {
    const reason = this.#restartReason;
    if (reason === null) return;
    this.#restartReason = null;
    const renderer = this.#options.renderer();
    if (!renderer) return;
    let result = null;
    if (this.#restorePending) {
      result = restoreEdits(this.#log.entries, renderer, (id, value) => {
        const message = { type: "edit", id, value, t: eventTime(), seq: renderer.seq };
        this.send(/** @type {PageMessage} */ (message), findTransferables(value));
      });
      this.#restoreEnd = this.#watchdog.sent;
    } else {
      this.#log.clear();
    }
    showNotices(this.#options.toasts, [restartNotice(reason, result)]);
  }

  /** Stops the watchdog's timers. */
  dispose() {
    this.#watchdog.dispose();
    this.banner.hidden = true;
  }

  /**
   * @param {PageMessage} message
   * @param {string} problem
   */
  #reject(message, problem) {
    const node = this.#options.renderer()?.node(message.id);
    const name = node ? describeNode(node) : `node ${message.id}`;
    if (this.#rejected.has(message.id)) return;
    this.#rejected.add(message.id);
    console.warn(`lite: rejected the ${message.type} message for ${name}: ${problem}.`);
    showNotices(this.#options.toasts, [{
      level: "warning",
      title: "Too large to send",
      message: `The value of ${name} was not sent to the app: ${problem}. ` +
        `A message may take at most ${formatCount(MAX_MESSAGE_CHARS)} characters ` +
        `and ${formatCount(MAX_MESSAGE_BYTES)} bytes of audio. ` +
        "The app keeps the value it had.",
    }]);
  }

  /** @param {string} reason */
  #restart(reason) {
    // Putting the edits back again when that is what made the worker busy
    // would restart it forever, so a restart during a restore drops them.
    const restoring = this.#restoreEnd > 0 && this.#watchdog.handled < this.#restoreEnd;
    this.#restorePending = !restoring;
    this.#restoreEnd = 0;
    this.#restartReason = restoring
      ? `${reason} Putting your entries back made the app busy again, so they were dropped.`
      : reason;
    this.#options.restart();
  }

  /** @param {WatchdogState} state */
  #showState(state) {
    const isolated = this.#interruptible;
    this.banner.hidden = state === "idle" || state === "restarting";
    this.#button.disabled = state !== "busy";
    if (state === "busy") {
      this.#text.textContent = isolated
        ? "The app is busy."
        : "The app is busy. Stopping it restarts the app; what you entered is kept.";
      this.#button.textContent = isolated ? "Stop" : "Stop and restart";
    } else if (state === "stopping") {
      this.#text.textContent = "Stopping the app…";
    }
  }
}

/**
 * Builds the notice shown after a restart.
 * @param {string} reason
 * @param {import("./restore.js").RestoreResult | null} result
 * @returns {import("./protocol.js").Notice}
 */
function restartNotice(reason, result) {
  const parts = [reason];
  if (result?.restored.length) {
    parts.push(`Your entries were put back: ${result.restored.join(", ")}.`);
  }
  if (result?.missing.length) {
    parts.push("These entries could not be put back, because the restarted app " +
      `does not show them: ${result.missing.join(", ")}.`);
  }
  parts.push("Values the app had computed and its session state (gr.State) were reset.");
  return { level: "warning", title: "The app was restarted", message: parts.join(" ") };
}

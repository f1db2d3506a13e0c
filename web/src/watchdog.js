// Notices when the worker is stuck in Python and stops it. The worker cannot
// post messages while Python runs, so this runs on the main thread. It counts
// the page messages posted and the ones the worker reports as handled, and
// calls the app busy when messages are pending and the worker has been silent
// for BUSY_AFTER_MS. Stopping writes SIGINT into Pyodide's interrupt buffer when
// the page is cross-origin isolated, so Python raises KeyboardInterrupt and
// the session is kept; when the worker is still silent STOP_GRACE_MS later
// (Python is stuck in C code, such as time.sleep), or when there is no
// interrupt buffer, the watchdog asks for a restart.

/** How long the worker may be silent with messages pending before the app is busy. */
export const BUSY_AFTER_MS = 1000;

/** How long the worker may stay silent after an interrupt before it is restarted. */
export const STOP_GRACE_MS = 3000;

/** The value Stop writes into the interrupt buffer: SIGINT, which raises KeyboardInterrupt. */
export const SIGINT = 2;

/**
 * `idle`: nothing is pending, or the worker posted recently. `busy`: the
 * worker has been silent too long. `stopping`: an interrupt was sent.
 * `restarting`: the worker is being replaced.
 * @typedef {"idle" | "busy" | "stopping" | "restarting"} WatchdogState
 */

/**
 * @typedef {object} WatchdogOptions
 * @property {Uint8Array | null} interruptBuffer shared with the worker, or
 *   null when the page is not cross-origin isolated
 * @property {(state: WatchdogState) => void} onState called on each change
 * @property {(reason: string) => void} onRestart called when the worker must
 *   be replaced; the reason is a sentence for the user
 * @property {number} [busyAfterMs]
 * @property {number} [stopGraceMs]
 * @property {() => number} [now] milliseconds on a monotonic clock
 * @property {(callback: () => void, ms: number) => unknown} [setTimer]
 * @property {(timer: any) => void} [clearTimer]
 */

/**
 * Creates the interrupt buffer for a new worker, or returns null when the
 * page cannot share memory with it (not cross-origin isolated).
 * @returns {Uint8Array | null}
 */
export function createInterruptBuffer() {
  const scope = /** @type {{crossOriginIsolated?: boolean}} */ (globalThis);
  if (!scope.crossOriginIsolated || typeof SharedArrayBuffer !== "function") return null;
  return new Uint8Array(new SharedArrayBuffer(1));
}

export class Watchdog {
  /** @type {WatchdogState} */
  #state = "idle";
  #sent = 0;
  #handled = 0;
  /** When the worker was last heard from, or when the wait began. */
  #since = 0;
  /** @type {unknown} */
  #busyTimer = null;
  /** @type {unknown} */
  #stopTimer = null;
  #options;
  #busyAfterMs;
  #stopGraceMs;
  #now;
  #setTimer;
  #clearTimer;

  /** @param {WatchdogOptions} options */
  constructor(options) {
    this.#options = options;
    this.#busyAfterMs = options.busyAfterMs ?? BUSY_AFTER_MS;
    this.#stopGraceMs = options.stopGraceMs ?? STOP_GRACE_MS;
    this.#now = options.now ?? (() => performance.now());
    this.#setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.#clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer));
  }

  get state() {
    return this.#state;
  }

  /** The number of posted page messages the worker has not reported as handled. */
  get pending() {
    return Math.max(0, this.#sent - this.#handled);
  }

  /** The number of page messages posted to the current worker. */
  get sent() {
    return this.#sent;
  }

  /** The number of page messages the current worker has reported as handled. */
  get handled() {
    return this.#handled;
  }

  /** Records that one page message was posted to the worker. */
  posted() {
    if (this.pending === 0) this.#since = this.#now();
    this.#sent += 1;
    this.#armBusyTimer();
  }

  /**
   * Records a message from the worker. A `handled` message carries the
   * number of page messages the worker has finished with since it started.
   * @param {unknown} message
   */
  heard(message) {
    this.#since = this.#now();
    const count = /** @type {{type?: unknown, count?: unknown}} */ (message)?.count;
    if (isHandled(message) && typeof count === "number" && count > this.#handled) {
      this.#handled = Math.min(count, this.#sent);
    }
    if (this.#state === "restarting") return;
    this.#clearStopTimer();
    this.#setState("idle");
    this.#armBusyTimer();
  }

  /**
   * Stops the running Python code: interrupts it when there is an interrupt
   * buffer, and restarts the worker otherwise or when the worker stays silent
   * after the interrupt. Does nothing unless the app is busy.
   */
  stop() {
    if (this.#state !== "busy") return;
    const buffer = this.#options.interruptBuffer;
    if (!buffer) {
      this.#restart("Python could not be interrupted, because the page is not " +
        "cross-origin isolated.");
      return;
    }
    buffer[0] = SIGINT;
    this.#setState("stopping");
    this.#stopTimer = this.#setTimer(() => {
      this.#stopTimer = null;
      this.#restart(`Python did not stop within ${this.#stopGraceMs / 1000} s of ` +
        "the interrupt; it was probably running C code, such as time.sleep.");
    }, this.#stopGraceMs);
  }

  /**
   * Asks for a restart, as stop() does when interrupting fails.
   * @param {string} reason
   */
  restart(reason) {
    if (this.#state !== "restarting") this.#restart(reason);
  }

  /**
   * Starts watching a new worker: counts start from zero.
   * @param {Uint8Array | null} interruptBuffer the new worker's buffer
   */
  reset(interruptBuffer) {
    this.#clearBusyTimer();
    this.#clearStopTimer();
    this.#options.interruptBuffer = interruptBuffer;
    this.#sent = 0;
    this.#handled = 0;
    this.#setState("idle");
  }

  /** Stops every timer; the watchdog does nothing afterwards. */
  dispose() {
    this.#clearBusyTimer();
    this.#clearStopTimer();
    this.#state = "restarting";
  }

  /** @param {string} reason */
  #restart(reason) {
    this.#clearBusyTimer();
    this.#clearStopTimer();
    this.#setState("restarting");
    this.#options.onRestart(reason);
  }

  #armBusyTimer() {
    if (this.#busyTimer !== null || this.pending === 0 || this.#state !== "idle") return;
    const wait = Math.max(0, this.#since + this.#busyAfterMs - this.#now());
    this.#busyTimer = this.#setTimer(() => this.#checkBusy(), wait);
  }

  #checkBusy() {
    this.#busyTimer = null;
    if (this.pending === 0 || this.#state !== "idle") return;
    if (this.#now() - this.#since >= this.#busyAfterMs) {
      this.#setState("busy");
    } else {
      this.#armBusyTimer();
    }
  }

  #clearBusyTimer() {
    if (this.#busyTimer !== null) this.#clearTimer(this.#busyTimer);
    this.#busyTimer = null;
  }

  #clearStopTimer() {
    if (this.#stopTimer !== null) this.#clearTimer(this.#stopTimer);
    this.#stopTimer = null;
  }

  /** @param {WatchdogState} state */
  #setState(state) {
    if (state === this.#state) return;
    this.#state = state;
    this.#options.onState(state);
  }
}

/**
 * Returns true for the worker's `handled` message.
 * @param {unknown} message
 */
export function isHandled(message) {
  return typeof message === "object" && message !== null
    && /** @type {{type?: unknown}} */ (message).type === "handled";
}

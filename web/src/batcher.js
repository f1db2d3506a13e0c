// Collects the page messages that reach the worker while one drain is
// pending, and hands them to the engine as one JSON list plus the buffers.

import { extractBuffers } from "./buffers.js";

/**
 * Receives one batch: a JSON list of messages and the buffers that its
 * {"$buffer": n} values point at.
 * @typedef {(batchJson: string, buffers: Uint8Array[]) => void} BatchReceiver
 */

/**
 * Encodes one page message as JSON, moving its binary data into `buffers`.
 * Returns null for a message that is not an object or cannot be encoded,
 * after a warning, because one bad message must not stop the others.
 * @param {unknown} message
 * @param {ArrayBuffer[]} buffers
 * @returns {string | null}
 */
export function encodeMessage(message, buffers) {
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    console.warn("lite worker: dropping a page message that is not an object:", message);
    return null;
  }
  const mark = buffers.length;
  try {
    return JSON.stringify(extractBuffers(message, buffers));
  } catch (error) {
    buffers.length = mark;
    console.warn("lite worker: dropping a page message that cannot be encoded:", error);
    return null;
  }
}

export class Batcher {
  /** @type {unknown[]} */
  #queue = [];
  #scheduled = false;
  #closed = false;
  /** @type {BatchReceiver | null} */
  #receive = null;
  #schedule;
  #onDrained;

  /**
   * @param {(drain: () => void) => void} [schedule] runs the drain later;
   *   a zero-delay timer by default, so messages posted together batch
   * @param {(count: number) => void} [onDrained] called after each drain,
   *   once the receiver has returned, with the number of messages the drain
   *   took off the queue, the dropped ones included
   */
  constructor(schedule = (drain) => setTimeout(drain, 0), onDrained = () => {}) {
    this.#schedule = schedule;
    this.#onDrained = onDrained;
  }

  /**
   * Queues a page message. Messages wait until start() names the receiver.
   * @param {unknown} message
   */
  push(message) {
    if (this.#closed) return;
    this.#queue.push(message);
    this.#scheduleDrain();
  }

  /**
   * Starts handing queued and later messages to `receive`.
   * @param {BatchReceiver} receive
   */
  start(receive) {
    this.#receive = receive;
    this.#scheduleDrain();
  }

  /** Drops the queued messages and every later one. */
  close() {
    this.#closed = true;
    this.#receive = null;
    this.#queue.length = 0;
  }

  #scheduleDrain() {
    if (!this.#receive || this.#scheduled || this.#queue.length === 0) return;
    this.#scheduled = true;
    this.#schedule(() => this.#drain());
  }

  #drain() {
    this.#scheduled = false;
    const receive = this.#receive;
    if (!receive) return;
    const buffers = /** @type {ArrayBuffer[]} */ ([]);
    const parts = [];
    const messages = this.#queue.splice(0);
    for (const message of messages) {
      const json = encodeMessage(message, buffers);
      if (json !== null) parts.push(json);
    }
    try {
      if (parts.length) {
        receive(`[${parts.join(",")}]`, buffers.map((buffer) => new Uint8Array(buffer)));
      }
    } finally {
      this.#onDrained(messages.length);
    }
  }
}

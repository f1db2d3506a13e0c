// Limits on one page message. The worker checks every message it receives
// against them before passing it to the engine. The page checks the messages
// of its renderer before posting them, so that an oversized edit costs
// neither thread more than the check.

/** The maximum number of characters of JSON in one page message. */
export const MAX_MESSAGE_CHARS = 4_000_000;

/** The maximum number of bytes of binary data (audio PCM) in one page message: 64 MiB. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** The maximum nesting depth of objects and arrays in one page message. */
export const MAX_MESSAGE_DEPTH = 32;

/** The maximum number of characters of a boolean, null or undefined in JSON. */
const SCALAR_CHARS = 9;

/**
 * Returns why a page message must be rejected, or null when it is within the
 * limits. The size is an estimate of the message's JSON: a string counts its
 * length plus quotes, not its escapes, and ArrayBuffers and typed arrays
 * count their bytes against MAX_MESSAGE_BYTES instead. The walk stops at the
 * first limit passed, so a huge message costs no more than the limit.
 *
 * A `"$buffer"` key is rejected too, because inside a batch it means "the
 * n-th binary buffer", and only the worker may write it.
 * @param {unknown} message
 * @returns {string | null}
 */
export function checkPageMessage(message) {
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    return `a page message must be an object, not ${describeType(message)}`;
  }
  let chars = 0;
  let bytes = 0;
  /** @type {Array<[unknown, number]>} */
  const pending = [[message, 1]];
  while (pending.length) {
    const [value, depth] = /** @type {[unknown, number]} */ (pending.pop());
    if (typeof value === "string") {
      chars += value.length + 2;
    } else if (typeof value === "number") {
      chars += String(value).length;
    } else if (typeof value !== "object" || value === null) {
      chars += SCALAR_CHARS;
    } else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      bytes += value.byteLength;
    } else if (depth > MAX_MESSAGE_DEPTH) {
      return `it is nested more than ${MAX_MESSAGE_DEPTH} levels deep`;
    } else if (Array.isArray(value)) {
      chars += 2 + value.length;
      // Each item takes at least one more character, so a long array is
      // rejected before its items are queued.
      if (chars + value.length <= MAX_MESSAGE_CHARS) {
        for (const item of value) pending.push([item, depth + 1]);
      } else {
        chars += value.length;
      }
    } else {
      for (const key of Object.keys(value)) {
        if (key === "$buffer") return 'it contains a "$buffer" key';
        chars += key.length + 4;
        pending.push([/** @type {Record<string, unknown>} */ (value)[key], depth + 1]);
      }
    }
    if (chars > MAX_MESSAGE_CHARS) {
      return `it is larger than ${formatCount(MAX_MESSAGE_CHARS)} characters of JSON`;
    }
    if (bytes > MAX_MESSAGE_BYTES) {
      return `it carries more than ${formatCount(MAX_MESSAGE_BYTES)} bytes of binary data`;
    }
  }
  return null;
}

/**
 * Formats a count with thousands separators: 4000000 → "4,000,000".
 * @param {number} count
 */
export function formatCount(count) {
  return count.toLocaleString("en-US");
}

/** @param {unknown} value */
function describeType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

// Binary data crosses the worker boundary as transferable ArrayBuffers. Inside
// JSON, the object {"$buffer": n} is the n-th buffer of the message.

/**
 * Returns true for the placeholder object {"$buffer": n}.
 * @param {unknown} value
 * @returns {value is {$buffer: number}}
 */
export function isBufferRef(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === "$buffer";
}

/**
 * Copies the bytes a typed array or DataView covers into an ArrayBuffer of
 * their own, so that transferring it detaches nothing else.
 * @param {ArrayBufferView} view
 * @returns {ArrayBuffer}
 */
function ownBytes(view) {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return bytes.slice().buffer;
}

/**
 * Replaces every ArrayBuffer and typed array inside `value` by
 * {"$buffer": n} and appends the buffer to `buffers`. Returns a new value and
 * leaves `value` unchanged.
 * @param {unknown} value
 * @param {ArrayBuffer[]} buffers
 * @returns {unknown}
 */
export function extractBuffers(value, buffers) {
  if (value instanceof ArrayBuffer) {
    buffers.push(value);
    return { $buffer: buffers.length - 1 };
  }
  if (ArrayBuffer.isView(value)) {
    buffers.push(ownBytes(value));
    return { $buffer: buffers.length - 1 };
  }
  if (Array.isArray(value)) {
    return value.map((item) => extractBuffers(item, buffers));
  }
  if (typeof value === "object" && value !== null) {
    /** @type {Record<string, unknown>} */
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = extractBuffers(item, buffers);
    }
    return copy;
  }
  return value;
}

/**
 * Replaces every {"$buffer": n} inside a parsed JSON value by `buffers[n]`.
 * @param {unknown} value
 * @param {ArrayBuffer[]} buffers
 * @returns {unknown}
 * @throws {RangeError} when n is not an index of `buffers`
 */
export function resolveBuffers(value, buffers) {
  if (isBufferRef(value)) {
    const n = value.$buffer;
    if (!Number.isInteger(n) || n < 0 || n >= buffers.length) {
      throw new RangeError(
        `Invalid buffer reference {"$buffer": ${JSON.stringify(n)}}: ` +
          `the message carries ${buffers.length} buffer(s).`,
      );
    }
    return buffers[n];
  }
  if (Array.isArray(value)) {
    return value.map((item) => resolveBuffers(item, buffers));
  }
  if (typeof value === "object" && value !== null) {
    /** @type {Record<string, unknown>} */
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = resolveBuffers(item, buffers);
    }
    return copy;
  }
  return value;
}

/**
 * Lists the ArrayBuffers directly inside `value`, for a postMessage transfer
 * list. Each buffer appears once.
 * @param {unknown} value
 * @param {Set<ArrayBuffer>} [found]
 * @returns {ArrayBuffer[]}
 */
export function findTransferables(value, found = new Set()) {
  if (value instanceof ArrayBuffer) {
    found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) findTransferables(item, found);
  } else if (typeof value === "object" && value !== null
    && !ArrayBuffer.isView(value)) {
    for (const item of Object.values(value)) findTransferables(item, found);
  }
  return [...found];
}

// Opt-in tracing of applied ops. Turn it on with ?debug=patches in the page
// URL or window.liteDebug = true. Each record goes to console.debug, and to
// window.liteDebugLog as well when the page has set that to an array.

/** @typedef {import("../protocol.js").Op} Op */

/** Returns true when the page asked for op tracing. */
export function isDebugEnabled() {
  const scope = /** @type {any} */ (globalThis);
  if (scope.liteDebug === true) return true;
  try {
    const debug = new URLSearchParams(scope.location?.search ?? "").get("debug");
    return debug === "patches";
  } catch {
    return false;
  }
}

/**
 * Records one applied op with its name and node id. A create adds its kind,
 * parent and index, and a create or an update adds the names of its props.
 * @param {Op} op
 */
export function logOp(op) {
  /** @type {Record<string, unknown>} */
  const record = { op: op.op, id: op.id };
  if (op.op === "create") Object.assign(record, { kind: op.kind });
  if (op.op === "create" || op.op === "move") {
    Object.assign(record, { parent: op.parent, index: op.index });
  }
  if (op.op === "create" || op.op === "update") record.props = Object.keys(op.props);

  const log = /** @type {any} */ (globalThis).liteDebugLog;
  if (Array.isArray(log)) log.push(record);
  console.debug("lite op", record);
}

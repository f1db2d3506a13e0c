// The message and op shapes of docs/architecture.md, and the checks the
// renderer runs on every op before it touches the DOM.

/** @typedef {Record<string, any>} Props */

/**
 * @typedef {{op: "create", id: number, kind: string, parent: number | null,
 *   index: number, props: Props}} CreateOp
 * @typedef {{op: "update", id: number, props: Props}} UpdateOp
 * @typedef {{op: "move", id: number, parent: number | null, index: number}} MoveOp
 * @typedef {{op: "remove", id: number}} RemoveOp
 * @typedef {CreateOp | UpdateOp | MoveOp | RemoveOp} Op
 */

/**
 * @typedef {{level: "error" | "warning" | "info", title?: string,
 *   message?: string, traceback?: string | null}} Notice
 * @typedef {{type: "status", stage: string, detail?: string,
 *   progress?: number | null}} StatusMessage
 * @typedef {{type: "patch", seq: number, ops: Op[], notices?: Notice[]}} PatchMessage
 * @typedef {{type: "fatal", title: string, message: string,
 *   traceback?: string | null}} FatalMessage
 * @typedef {StatusMessage | PatchMessage | FatalMessage} WorkerMessage
 */

/**
 * @typedef {{type: "edit", id: number, value: unknown, t: number, seq: number}} EditMessage
 * @typedef {{type: "event", id: number, name: string, t: number,
 *   seq: number}} EventMessage
 * @typedef {EditMessage | EventMessage} PageMessage
 */

/**
 * @typedef {{type: "init", files: Record<string, string | Uint8Array>, entry: string,
 *   requirements: string[], indexUrls?: string[], pyodideUrl: string,
 *   engineUrl: string}} InitMessage
 */

/** The node kinds the renderer can build. */
export const KINDS = Object.freeze([
  "blocks",
  "render",
  "row",
  "column",
  "textbox",
  "button",
  "markdown",
  "radio",
  "slider",
  "audio",
  "number",
  "checkbox",
  "dropdown",
  "html",
  "group",
  "accordion",
  "tabs",
  "tab",
]);

/** An op that does not have the shape docs/architecture.md gives it. */
export class PatchError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "PatchError";
  }
}

/** @param {unknown} value */
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @param {unknown} value */
function isId(value) {
  return Number.isSafeInteger(value) && /** @type {number} */ (value) >= 0;
}

/** @param {unknown} value */
function describe(value) {
  if (value === undefined) return "nothing";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Checks one field and throws a PatchError that names the op and the field.
 * @param {boolean} valid
 * @param {string} where
 * @param {string} field
 * @param {string} expected
 * @param {unknown} actual
 */
function expectField(valid, where, field, expected, actual) {
  if (!valid) {
    throw new PatchError(
      `${where}: "${field}" must be ${expected}, got ${describe(actual)}.`,
    );
  }
}

/**
 * Checks the shape of one op (not whether its nodes exist).
 * @param {unknown} op
 * @param {number} position the op's index in its patch, for the message
 * @returns {Op}
 * @throws {PatchError} when a field is missing or has the wrong type
 */
export function validateOp(op, position) {
  const where = `op ${position} of the patch`;
  if (!isPlainObject(op)) {
    throw new PatchError(`${where} must be an object, got ${describe(op)}.`);
  }
  const record = /** @type {Record<string, unknown>} */ (op);
  const name = record.op;
  if (!["create", "update", "move", "remove"].includes(/** @type {any} */ (name))) {
    throw new PatchError(
      `${where} has unknown op ${describe(name)}; ` +
        "expected create, update, move or remove.",
    );
  }
  const label = `${where} (${name})`;
  expectField(isId(record.id), label, "id", "a non-negative integer", record.id);

  if (name === "create") {
    const kind = record.kind;
    expectField(KINDS.includes(/** @type {any} */ (kind)), label, "kind",
      `one of ${KINDS.join(", ")}`, kind);
  }
  if (name === "create" || name === "move") {
    const parent = record.parent;
    expectField(parent === null || isId(parent), label, "parent",
      "a node id or null", parent);
    expectField(isId(record.index), label, "index",
      "a non-negative integer", record.index);
  }
  if (name === "create" || name === "update") {
    expectField(isPlainObject(record.props), label, "props", "an object",
      record.props);
  }
  return /** @type {Op} */ (op);
}

/**
 * Checks that a patch message carries a list of ops.
 * @param {unknown} ops
 * @returns {unknown[]}
 */
export function expectOpList(ops) {
  if (!Array.isArray(ops)) {
    throw new PatchError(`A patch must carry a list of ops, got ${describe(ops)}.`);
  }
  return ops;
}

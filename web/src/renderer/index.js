// The renderer turns patches into DOM. It keeps a map from node id to node
// record and applies ops in order. It contains no app logic.

import { COMPONENTS } from "../components/index.js";
import { PatchError, expectOpList, validateOp } from "../protocol.js";
import { describeNode, insertChild, moveChild, removeChild } from "./children.js";
import { applyCommonProps } from "./common.js";
import { isDebugEnabled, logOp } from "./debug.js";
import { listen, sendEdit, sendTrigger } from "./events.js";

/** @typedef {import("../protocol.js").Props} Props */
/** @typedef {import("../protocol.js").Op} Op */
/** @typedef {import("./events.js").SendFunction} SendFunction */

/**
 * The result of a component's create(): its element, the element its
 * children go into (layouts only) and its handlers by DOM event type.
 * @typedef {{element: HTMLElement, childContainer?: HTMLElement,
 *   listeners?: Record<string, (event: Event) => void>}} ComponentView
 */

/**
 * The functions a component uses to talk to the worker.
 * @typedef {{id: number, props: () => Props, edit: (value: unknown) => void,
 *   trigger: (name: string) => boolean, uniqueId: () => string}} ComponentContext
 */

/**
 * One module in src/components/.
 * @typedef {{create: (props: Props, context: ComponentContext) => ComponentView,
 *   update: (node: NodeRecord, changed: Props) => void,
 *   dispose?: (node: NodeRecord) => void}} ComponentModule
 */

/**
 * One node of the page's tree. The root record has id null and no component.
 * @typedef {{id: number | null, kind: string, props: Props,
 *   element: HTMLElement, childContainer: HTMLElement | null,
 *   children: NodeRecord[], parent: NodeRecord | null, view: ComponentView,
 *   component: ComponentModule | null, userClasses: string[],
 *   errorBadge: HTMLElement | null}} NodeRecord
 */

let idCounter = 0;

/** Returns an id attribute value that is unique in the document. */
function uniqueId() {
  idCounter += 1;
  return `lite-${idCounter}`;
}

export class Renderer {
  /** @type {Map<number, NodeRecord>} */
  #nodes = new Map();
  /** @type {NodeRecord} */
  #root;
  /** @type {SendFunction} */
  #send;
  #debug;
  #unlisten;
  /** The `seq` of the last patch applied; page messages carry it. */
  #seq = 0;

  /**
   * @param {HTMLElement} root the element the app's root node goes into
   * @param {{send?: SendFunction, debug?: boolean}} [options]
   */
  constructor(root, options = {}) {
    this.#send = options.send ?? (() => {});
    this.#debug = options.debug ?? isDebugEnabled();
    this.#root = {
      id: null, kind: "root", props: {}, element: root, childContainer: root,
      children: [], parent: null, view: { element: root }, component: null,
      userClasses: [], errorBadge: null,
    };
    this.#unlisten = listen(root, (element) => this.#findNode(element),
      (node, name) => sendTrigger(this.#send, node, name, this.#seq));
  }

  /**
   * Applies the ops of one patch in order.
   * @param {unknown} ops
   * @throws {PatchError} on an invalid op, or one that names a missing node;
   *   the ops before it stay applied
   */
  apply(ops) {
    const list = expectOpList(ops).map((op, position) => validateOp(op, position));
    list.forEach((op, position) => {
      try {
        this.#applyOp(op);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new PatchError(`Could not apply op ${position} of the patch ` +
          `(${op.op} of node ${op.id}): ${reason}`);
      }
      if (this.#debug) logOp(op);
    });
  }

  /**
   * Applies a `patch` message's ops and remembers its `seq`.
   * @param {{seq?: unknown, ops: unknown}} patch
   * @throws {PatchError} as apply() does
   */
  applyPatch(patch) {
    this.apply(patch.ops);
    if (Number.isSafeInteger(patch.seq)) this.#seq = /** @type {number} */ (patch.seq);
  }

  /** The `seq` of the last patch applied with applyPatch(), or 0. */
  get seq() {
    return this.#seq;
  }

  /**
   * Returns the record of node `id`, or undefined.
   * @param {number} id
   */
  node(id) {
    return this.#nodes.get(id);
  }

  /** The number of nodes on the page. */
  get size() {
    return this.#nodes.size;
  }

  /** Removes every node and the event listeners. */
  destroy() {
    for (const child of [...this.#root.children]) this.#remove(child);
    this.#unlisten();
  }

  /** @param {Op} op */
  #applyOp(op) {
    switch (op.op) {
      case "create":
        return this.#create(op);
      case "update":
        return this.#update(this.#existing(op.id), op.props);
      case "move":
        return this.#move(this.#existing(op.id), this.#parent(op.parent), op.index);
      case "remove":
        return this.#remove(this.#existing(op.id));
    }
  }

  /** @param {number} id */
  #existing(id) {
    const node = this.#nodes.get(id);
    if (!node) throw new PatchError(`node ${id} does not exist.`);
    return node;
  }

  /** @param {number | null} id */
  #parent(id) {
    const parent = id === null ? this.#root : this.#nodes.get(id);
    if (!parent) throw new PatchError(`the parent node ${id} does not exist.`);
    if (!parent.childContainer) {
      throw new PatchError(`${describeNode(parent)} cannot have children.`);
    }
    return parent;
  }

  /** @param {import("../protocol.js").CreateOp} op */
  #create(op) {
    if (this.#nodes.has(op.id)) throw new PatchError(`node ${op.id} already exists.`);
    const parent = this.#parent(op.parent);
    const component = COMPONENTS[op.kind];
    /** @type {NodeRecord} */
    const node = /** @type {any} */ ({ id: op.id, kind: op.kind, props: { ...op.props } });
    const view = component.create(node.props, this.#context(node));
    Object.assign(node, {
      element: view.element, childContainer: view.childContainer ?? null,
      children: [], parent: null, view, component, userClasses: [], errorBadge: null,
    });
    view.element.dataset.liteId = String(op.id);
    applyCommonProps(node, node.props);
    component.update(node, node.props);
    insertChild(parent, node, op.index);
    this.#nodes.set(op.id, node);
  }

  /**
   * @param {NodeRecord} node
   * @param {Props} changed
   */
  #update(node, changed) {
    Object.assign(node.props, changed);
    applyCommonProps(node, changed);
    node.component?.update(node, changed);
  }

  /**
   * @param {NodeRecord} node
   * @param {NodeRecord} parent
   * @param {number} index
   */
  #move(node, parent, index) {
    for (let ancestor = /** @type {NodeRecord | null} */ (parent); ancestor;
      ancestor = ancestor.parent) {
      if (ancestor === node) {
        throw new PatchError(`${describeNode(node)} cannot move into its own subtree.`);
      }
    }
    moveChild(node, parent, index);
  }

  /** @param {NodeRecord} node */
  #remove(node) {
    removeChild(node);
    this.#forget(node);
  }

  /**
   * Releases the resources of a removed subtree (object URLs, timers).
   * @param {NodeRecord} node
   */
  #forget(node) {
    for (const child of node.children) this.#forget(child);
    node.component?.dispose?.(node);
    if (node.id !== null) this.#nodes.delete(node.id);
  }

  /**
   * @param {NodeRecord} node
   * @returns {ComponentContext}
   */
  #context(node) {
    const id = /** @type {number} */ (node.id);
    return {
      id,
      props: () => node.props,
      edit: (value) => {
        const previous = node.props.value;
        // The props track what the page shows, so a later update of other
        // props does not put back a value the user has changed.
        node.props.value = value;
        if (!sendEdit(this.#send, id, value, this.#seq)) {
          // The page rejected the edit, so show the value the app still has.
          this.#update(node, { value: previous });
        }
      },
      trigger: (name) => sendTrigger(this.#send, node, name, this.#seq),
      uniqueId,
    };
  }

  /**
   * Returns the record of the innermost node whose element contains `element`.
   * @param {Element} element
   */
  #findNode(element) {
    const owner = element.closest("[data-lite-id]");
    if (!owner || !this.#root.element.contains(owner)) return undefined;
    const node = this.#nodes.get(Number(/** @type {HTMLElement} */ (owner).dataset.liteId));
    return node?.element === owner ? node : undefined;
  }
}

/**
 * Creates a renderer whose root node goes into `root`.
 * @param {HTMLElement} root
 * @param {{send?: SendFunction, debug?: boolean}} [options]
 * @returns {Renderer}
 */
export function createRenderer(root, options) {
  return new Renderer(root, options);
}

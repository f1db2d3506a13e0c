// The page module. It defines <lite-app>, which runs one app in its own
// module worker and renders the worker's patches, and it exports the
// renderer so that it can be used and tested without a worker.

import { resolveBuffers } from "./buffers.js";
import { createRenderer, Renderer } from "./renderer/index.js";
import { showNotices } from "./renderer/notices.js";
import { AppSourceError, readApp, readInlineApp } from "./app-files.js";
import {
  directoryUrl, parseRequirements, resolveIndexUrl, resolveRequirement,
} from "./source.js";
import { showFailure, showLoading } from "./status.js";
import { Supervisor } from "./supervisor.js";

export { createRenderer, Renderer, showNotices };

/** @typedef {import("./protocol.js").WorkerMessage} WorkerMessage */
/** @typedef {import("./protocol.js").FatalMessage} FatalMessage */

const STYLESHEET_URL = new URL("./lite.css", import.meta.url).href;
const WORKER_URL = new URL("./worker.js", import.meta.url);
const ENGINE_URL = new URL("./engine.whl", import.meta.url).href;
const DEFAULT_PYODIDE_URL = new URL("../pyodide/", import.meta.url).href;

/** Adds lite.css to the document once, however many apps the page has. */
function addStylesheet() {
  if (document.querySelector("link[data-lite-styles]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = STYLESHEET_URL;
  link.dataset.liteStyles = "";
  document.head.append(link);
}

/**
 * Parses one message from the worker: {json, buffers} from the engine, or a
 * plain object the worker made itself.
 * @param {any} data
 * @returns {WorkerMessage[]}
 */
function decodeWorkerMessage(data) {
  const message = data && typeof data.json === "string"
    ? resolveBuffers(JSON.parse(data.json), data.buffers ?? [])
    : data;
  return Array.isArray(message) ? message : [message];
}

export class LiteAppElement extends HTMLElement {
  /** @type {import("./app-files.js").InlineApp | null} */
  #inline = null;
  /** @type {Worker | null} */
  #worker = null;
  /** @type {Renderer | null} */
  #renderer = null;
  #ready = false;
  #stopped = false;
  /** @type {Supervisor | null} */
  #supervisor = null;
  /**
   * The app's files, kept to start it again in a new worker.
   * @type {import("./app-files.js").AppFiles | null}
   */
  #app = null;
  #status = document.createElement("div");
  #root = document.createElement("div");
  #toasts = document.createElement("div");

  connectedCallback() {
    if (this.#worker || this.#renderer) return;
    if (document.readyState === "loading") {
      // The inline source is not parsed yet when the element is upgraded early.
      document.addEventListener("DOMContentLoaded", () => this.#start(), { once: true });
    } else {
      this.#start();
    }
  }

  disconnectedCallback() {
    // A move within the page disconnects and reconnects in one task.
    queueMicrotask(() => {
      if (!this.isConnected) this.#stop();
    });
  }

  async #start() {
    if (!this.isConnected || this.#renderer) return;
    let inlineError = null;
    try {
      this.#inline ??= readInlineApp(this);
    } catch (error) {
      if (!(error instanceof AppSourceError)) throw error;
      inlineError = error;
    }
    this.#stopped = false;
    this.#ready = false;
    addStylesheet();
    this.classList.add("lite-app");
    this.#status.className = "lite-status";
    this.#root.className = "lite-root";
    this.#root.hidden = false;
    this.#toasts.className = "lite-toasts";
    this.replaceChildren(this.#status, this.#root, this.#toasts);
    this.dataset.state = "loading";
    showLoading(this.#status, "fetch", undefined, null);
    this.#supervisor = new Supervisor({
      toasts: this.#toasts,
      post: (message, transfer) => this.#worker?.postMessage(message, transfer),
      renderer: () => this.#renderer,
      restart: () => this.#restart(),
    });
    this.append(this.#supervisor.banner);
    this.#renderer = this.#createRenderer();

    let app;
    try {
      if (inlineError) throw inlineError;
      app = await readApp({
        src: this.getAttribute("src"),
        fileList: this.getAttribute("files"),
        inline: /** @type {import("./app-files.js").InlineApp} */ (this.#inline),
        baseURI: document.baseURI,
      });
    } catch (error) {
      if (!(error instanceof AppSourceError)) throw error;
      this.#fail({ type: "fatal", title: "The app could not be loaded", message: error.message });
      return;
    }
    if (this.#stopped) return;
    this.#app = app;
    this.#startWorker(app);
  }

  /** @param {import("./app-files.js").AppFiles} app */
  #startWorker({ files, entry, base }) {
    const worker = new Worker(WORKER_URL, { type: "module" });
    this.#worker = worker;
    worker.onmessage = (event) => this.#onWorkerMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      if (this.#ready) {
        console.error("lite: error in the app's worker:", event.message);
        return;
      }
      this.#fail({ type: "fatal", title: "The app's worker could not start",
        message: `${event.message || `Loading ${WORKER_URL.href} failed`}. ` +
          "Check that lite/worker.js is served with a JavaScript MIME type." });
    };
    const pyodideUrl = directoryUrl(this.getAttribute("pyodide-url") ?? DEFAULT_PYODIDE_URL,
      document.baseURI);
    const requirements = parseRequirements(this.getAttribute("requirements") ?? "")
      .map((requirement) => resolveRequirement(requirement, base));
    const indexUrls = (this.getAttribute("index-url") ?? "").split(/\s+/).filter(Boolean)
      .map((url) => resolveIndexUrl(url, base));
    worker.postMessage({
      type: "init", files, entry, requirements, indexUrls, pyodideUrl, engineUrl: ENGINE_URL,
      ...this.#supervisor?.nextWorker(),
    });
  }

  /** @param {unknown} data */
  #onWorkerMessage(data) {
    if (this.#stopped) return;
    if (this.#supervisor?.heard(data)) return;
    let messages;
    try {
      messages = decodeWorkerMessage(data);
    } catch (error) {
      this.#fail({ type: "fatal", title: "The app sent a message the page cannot read",
        message: String(error instanceof Error ? error.message : error) });
      return;
    }
    for (const message of messages) {
      if (this.#stopped) return;
      this.#handle(message);
    }
  }

  /** @param {WorkerMessage} message */
  #handle(message) {
    switch (message?.type) {
      case "status":
        if (!this.#ready) {
          showLoading(this.#status, message.stage, message.detail, message.progress);
        }
        return;
      case "patch":
        return this.#applyPatch(message);
      case "fatal":
        this.#root.hidden = true;
        return this.#fail(message);
      default:
        console.warn("lite: ignoring an unknown message from the worker:", message);
    }
  }

  /** @param {import("./protocol.js").PatchMessage} message */
  #applyPatch(message) {
    try {
      /** @type {Renderer} */ (this.#renderer).applyPatch(message);
    } catch (error) {
      console.error("lite:", error);
      this.#fail({ type: "fatal", title: "The page could not apply an update from the app",
        message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (Array.isArray(message.notices) && message.notices.length) {
      showNotices(this.#toasts, message.notices);
    }
    if (!this.#ready) {
      this.#ready = true;
      this.#status.replaceChildren();
      this.dataset.state = "ready";
    }
    this.#supervisor?.patched();
  }

  /**
   * Shows why the app stopped and ends its worker.
   * @param {FatalMessage} failure
   */
  #fail(failure) {
    showFailure(this.#status, failure);
    this.dataset.state = "error";
    this.#stopped = true;
    this.#supervisor?.dispose();
    this.#worker?.terminate();
    this.#worker = null;
  }

  #stop() {
    this.#stopped = true;
    this.#supervisor?.dispose();
    this.#worker?.terminate();
    this.#worker = null;
    this.#renderer?.destroy();
    this.#renderer = null;
  }

  #createRenderer() {
    return createRenderer(this.#root, {
      send: (message, transfer) => this.#supervisor?.send(message, transfer),
    });
  }

  /**
   * Ends the worker and runs the app again in a new one. The page shows the
   * loading indicator until the new worker's first patch, and the supervisor
   * then puts back what the user had entered.
   */
  #restart() {
    if (this.#stopped || !this.#app) return;
    if (this.#worker) {
      // A terminated worker can still deliver an error event it had queued.
      this.#worker.onmessage = null;
      this.#worker.onerror = null;
      this.#worker.terminate();
    }
    this.#worker = null;
    this.#renderer?.destroy();
    this.#renderer = this.#createRenderer();
    this.#ready = false;
    this.dataset.state = "loading";
    showLoading(this.#status, "app", "Restarting the app", null);
    this.#startWorker(this.#app);
  }
}

if (!customElements.get("lite-app")) customElements.define("lite-app", LiteAppElement);

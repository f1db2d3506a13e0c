// The start-up sequence of docs/architecture.md: load Pyodide, put the
// engine wheel on sys.path, install requirements, write the app files and
// call lite.bridge.start(entry, post).

import { formatBytes, meterDownloads } from "./download-meter.js";

/** @typedef {import("./protocol.js").InitMessage} InitMessage */
/** @typedef {import("pyodide").PyodideInterface} Pyodide */
/** @typedef {import("./download-meter.js").DownloadProgress} DownloadProgress */

/**
 * The engine's side of the connection.
 * @typedef {{receive: (batchJson: string, buffers: Uint8Array[]) => unknown}} Bridge
 */

/**
 * @typedef {(stage: string, detail: string, progress: number | null) => void} StatusFunction
 */

export const ENGINE_PATH = "/lite/engine.whl";
export const APP_DIR = "/home/pyodide/app";

/** A start-up step that failed; it becomes the page's `fatal` message. */
export class BootError extends Error {
  /**
   * @param {string} title
   * @param {string} message
   * @param {string | null} [traceback]
   */
  constructor(title, message, traceback = null) {
    super(message);
    this.name = "BootError";
    this.title = title;
    this.traceback = traceback;
  }

  toMessage() {
    return { title: this.title, message: this.message, traceback: this.traceback };
  }
}

/**
 * Wraps a Python exception: the message is its last line (the exception type
 * and text), the traceback is the whole text.
 * @param {string} title
 * @param {unknown} error
 */
function pythonFailure(title, error) {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.trim().split("\n");
  const isTraceback = lines[0]?.startsWith("Traceback");
  return new BootError(title, isTraceback ? lines[lines.length - 1] : text,
    isTraceback ? text : null);
}

/**
 * Checks the fields of the init message.
 * @param {InitMessage} init
 */
function validateInit(init) {
  const problems = [];
  if (typeof init.entry !== "string") problems.push('"entry" must be a string');
  if (typeof init.files !== "object" || init.files === null) {
    problems.push('"files" must be an object of path → source text');
  } else if (!(init.entry in init.files)) {
    problems.push(`"files" has no entry "${init.entry}"`);
  }
  if (!isStringList(init.requirements ?? [])) {
    problems.push('"requirements" must be a list of strings');
  }
  if (!isStringList(init.indexUrls ?? [])) problems.push('"indexUrls" must be a list of strings');
  if (typeof init.pyodideUrl !== "string") problems.push('"pyodideUrl" must be a string');
  if (typeof init.engineUrl !== "string") problems.push('"engineUrl" must be a string');
  if (problems.length) {
    throw new BootError("Invalid init message", `${problems.join("; ")}.`);
  }
}

/** @param {unknown} value */
function isStringList(value) {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * @param {string} pyodideUrl
 * @returns {Promise<Pyodide>}
 */
async function loadRuntime(pyodideUrl) {
  const moduleUrl = new URL("pyodide.mjs", pyodideUrl).href;
  /** @type {typeof import("pyodide")} */
  let pyodideModule;
  try {
    pyodideModule = await import(moduleUrl);
  } catch (error) {
    throw new BootError("The Python runtime could not be loaded",
      `Loading ${moduleUrl} failed (${error}). Check that the site has the ` +
        "pyodide/ folder next to lite/, or set the pyodide-url attribute of " +
        "<lite-app> to a folder that holds pyodide.mjs.");
  }
  try {
    return await pyodideModule.loadPyodide({ indexURL: pyodideUrl });
  } catch (error) {
    throw new BootError("The Python runtime could not start",
      `loadPyodide from ${pyodideUrl} failed: ${error}`);
  }
}

/**
 * Fetches the engine wheel and puts it at the front of sys.path; Python
 * imports a pure-Python wheel straight from the zip.
 * @param {Pyodide} pyodide
 * @param {string} engineUrl
 */
async function installEngine(pyodide, engineUrl) {
  let response;
  try {
    response = await fetch(engineUrl);
  } catch (error) {
    throw new BootError("The lite engine could not be loaded",
      `Fetching ${engineUrl} failed (${error}). Check that the site is served over HTTP.`);
  }
  if (!response.ok) {
    throw new BootError("The lite engine could not be loaded",
      `Fetching ${engineUrl} failed: ${response.status} ${response.statusText}. ` +
        "Rebuild the site so that lite/engine.whl sits next to lite/worker.js.");
  }
  const wheel = new Uint8Array(await response.arrayBuffer());
  pyodide.FS.mkdirTree(ENGINE_PATH.slice(0, ENGINE_PATH.lastIndexOf("/")));
  pyodide.FS.writeFile(ENGINE_PATH, wheel);
  insertSysPath(pyodide, 0, ENGINE_PATH);
}

/**
 * @param {Pyodide} pyodide
 * @param {number} index
 * @param {string} entry
 */
function insertSysPath(pyodide, index, entry) {
  const sys = pyodide.pyimport("sys");
  const path = sys.path;
  try {
    path.insert(index, entry);
  } finally {
    path.destroy();
    sys.destroy();
  }
}

/**
 * Loads micropip from Pyodide's lock file, then installs each requirement
 * through lite.requirements, which reports which one failed and why.
 * @param {Pyodide} pyodide
 * @param {string[]} requirements
 * @param {string[]} indexUrls
 * @param {(requirement: string, index: number, count: number) => void} report
 */
async function installRequirements(pyodide, requirements, indexUrls, report) {
  const printed = capturePrinted();
  try {
    await loadMicropip(pyodide);
    const module = pyodide.pyimport("lite.requirements");
    let failureJson;
    try {
      failureJson = await module.install(JSON.stringify({ requirements, indexUrls }), report);
    } catch (error) {
      throw pythonFailure("The app's requirements could not be installed", error);
    } finally {
      module.destroy();
    }
    if (failureJson === undefined || failureJson === null) return;
    const failure = JSON.parse(String(failureJson));
    const messages = printed.lines.filter((line) => /fail|error|could not/i.test(line));
    const printedNote = messages.length ? ` Pyodide printed: ${messages.join(" / ")}` : "";
    throw new BootError(`The requirement "${failure.requirement}" could not be installed`,
      failure.message + printedNote, failure.traceback);
  } finally {
    printed.stop();
  }
}

/**
 * Loads micropip and its dependency packaging with loadPackage, which prints
 * "Failed to load" and carries on when a file is missing, so the result is
 * checked.
 * @param {Pyodide} pyodide
 */
async function loadMicropip(pyodide) {
  /** @type {string[]} */
  const errors = [];
  const loaded = await pyodide.loadPackage("micropip", {
    messageCallback: () => {},
    errorCallback: (message) => errors.push(message),
  });
  if (!loaded.some((entry) => entry.name === "micropip")) {
    throw new BootError("The app's requirements could not be installed",
      `micropip, which installs them, could not be loaded: ${errors.join(" ") || "no reason given"}. ` +
        "Check that the pyodide/ folder holds micropip and pyodide-lock.json " +
        "(run scripts/setup and rebuild the site), or set pyodide-url to a full Pyodide copy.");
  }
}

/**
 * Collects what console.log, console.warn and console.error print until
 * stop() is called, and still prints it. loadPackage, which micropip calls
 * for Pyodide's own packages, reports a missing file only there.
 */
function capturePrinted() {
  /** @type {string[]} */
  const lines = [];
  const originals = { log: console.log, warn: console.warn, error: console.error };
  for (const name of /** @type {const} */ (["log", "warn", "error"])) {
    console[name] = (...args) => {
      lines.push(args.join(" "));
      originals[name].apply(console, args);
    };
  }
  return {
    lines,
    stop() {
      Object.assign(console, originals);
    },
  };
}

/**
 * Writes the app files under APP_DIR and makes it the working directory.
 * @param {Pyodide} pyodide
 * @param {Record<string, string | Uint8Array>} files text, or bytes for
 *   binary files
 */
function writeAppFiles(pyodide, files) {
  for (const [path, source] of Object.entries(files)) {
    const parts = path.split("/").filter((part) => part && part !== ".");
    const isContent = typeof source === "string" || source instanceof Uint8Array;
    if (parts.length === 0 || parts.includes("..") || !isContent) {
      throw new BootError("Invalid init message",
        `The app file path ${JSON.stringify(path)} must be a relative path ` +
          "inside the app folder, with text or bytes.");
    }
    const folder = [APP_DIR, ...parts.slice(0, -1)].join("/");
    pyodide.FS.mkdirTree(folder);
    pyodide.FS.writeFile(`${folder}/${parts[parts.length - 1]}`, source);
  }
  pyodide.FS.mkdirTree(APP_DIR);
  pyodide.FS.chdir(APP_DIR);
}

/**
 * Imports lite.bridge and starts the app.
 * @param {Pyodide} pyodide
 * @param {string} entry
 * @param {(json: string, buffers: unknown) => void} post
 * @param {StatusFunction} status
 * @returns {Promise<Bridge | null>} null when the engine could not start the
 *   app and has posted a `fatal` message saying why
 */
async function startBridge(pyodide, entry, post, status) {
  let module;
  try {
    module = pyodide.pyimport("lite.bridge");
  } catch (error) {
    throw pythonFailure("The lite engine could not be loaded", error);
  }
  let started;
  let bridge;
  try {
    started = module.start(entry, post);
    bridge = await started;
  } catch (error) {
    throw pythonFailure("The app could not start", error);
  } finally {
    module.destroy();
  }
  if (started !== bridge) release(started);
  // start() returns None after it has posted a `fatal` message itself.
  if (bridge === undefined || bridge === null) return null;
  // The bridge proxy lives as long as the worker, and so does `receive`, which
  // Pyodide destroys together with the proxy it was read from.
  const receive = bridge?.receive;
  if (typeof receive !== "function") {
    release(bridge);
    throw new BootError("The lite engine could not be loaded",
      "lite.bridge.start() must return an object with a receive() method.");
  }
  await loadAppPackages(pyodide, bridge, status);
  return { receive };
}

/**
 * Loads the Pyodide packages the engine asks for, such as numpy for an Audio
 * input of type "numpy". A package the runtime does not have is not fatal: only
 * the listeners that need it fail, and their error names the package.
 * @param {Pyodide} pyodide
 * @param {any} bridge
 * @param {StatusFunction} status
 */
async function loadAppPackages(pyodide, bridge, status) {
  const list = bridge.packages;
  /** @type {string[]} */
  const packages = typeof list?.toJs === "function" ? list.toJs() : [];
  release(list);
  if (!packages.length) return;
  status("packages", `Loading ${packages.join(", ")}`, 0.95);
  /** @type {string[]} */
  const errors = [];
  const loaded = await pyodide.loadPackage(packages, {
    messageCallback: () => {},
    errorCallback: (message) => errors.push(message),
  });
  const names = new Set(loaded.map((entry) => entry.name));
  const missing = packages.filter((name) => !names.has(name));
  if (missing.length) {
    console.warn(`[lite] The app needs ${missing.join(", ")}, which this Pyodide ` +
      `copy could not load (${errors.join(" ") || "no reason given"}). Listeners ` +
      "that use it will fail. Set pyodide-url to a full Pyodide distribution.");
  }
}

/** @param {any} proxy */
function release(proxy) {
  if (proxy && typeof proxy.destroy === "function") proxy.destroy();
}

/**
 * Runs the start-up sequence, reporting each stage through `status`.
 * @param {InitMessage} init
 * @param {(json: string, buffers: unknown) => void} post
 * @param {StatusFunction} status
 * @returns {Promise<Bridge | null>} null when the engine has posted `fatal`
 * @throws {BootError} naming the step that failed and what to do
 */
export async function bootEngine(init, post, status) {
  validateInit(init);
  status("runtime", "Loading the Python runtime", 0.02);
  const runtimeProgress = { fraction: 0 };
  const pyodide = await withDownloads(
    (progress) => runtimeStatus(status, progress, runtimeProgress),
    () => loadRuntime(init.pyodideUrl));
  // The page writes SIGINT into this buffer to stop running Python.
  const { interruptBuffer } = /** @type {{interruptBuffer?: unknown}} */ (init);
  if (interruptBuffer instanceof Uint8Array) pyodide.setInterruptBuffer(interruptBuffer);

  status("engine", "Loading the lite engine", 0.6);
  await installEngine(pyodide, init.engineUrl);

  const requirements = init.requirements ?? [];
  if (requirements.length) {
    let current = "micropip";
    let done = 0;
    /** @type {DownloadProgress | null} */
    let downloads = null;
    const show = () => {
      const bytes = downloads?.active ? ` (${formatBytes(downloads.loaded)})` : "";
      const step = requirements.length > 1 ? `, ${done + 1} of ${requirements.length}` : "";
      status("packages", `Installing ${current}${step}${bytes}`,
        0.65 + 0.2 * (done / requirements.length));
    };
    show();
    await withDownloads((progress) => {
      downloads = progress;
      show();
    }, () => installRequirements(pyodide, requirements, init.indexUrls ?? [],
      (requirement, index) => {
        current = requirement;
        done = index;
        show();
      }));
  }

  status("app", "Starting the app", 0.88);
  writeAppFiles(pyodide, init.files);
  // After the engine, so that an app file cannot shadow the engine.
  insertSysPath(pyodide, 1, APP_DIR);
  return startBridge(pyodide, init.entry, post, status);
}

/**
 * Runs `task` while the worker's downloads are metered.
 * @template T
 * @param {(progress: DownloadProgress) => void} report
 * @param {() => Promise<T>} task
 * @returns {Promise<T>}
 */
async function withDownloads(report, task) {
  const scope = /** @type {{fetch: typeof fetch}} */ (globalThis);
  const restore = meterDownloads(scope, report);
  try {
    return await task();
  } finally {
    restore();
  }
}

/**
 * Shows the runtime's downloads, and then that Python is starting, which
 * takes longer than the downloads.
 * @param {StatusFunction} status
 * @param {DownloadProgress} progress
 * @param {{fraction: number}} shown the largest fraction shown so far. The
 *   total grows when another download starts, and the bar must not go back.
 */
function runtimeStatus(status, progress, shown) {
  if (progress.active === 0) {
    status("runtime", "Starting Python", 0.4);
    return;
  }
  const { loaded, total } = progress;
  const amount = total ? `${formatBytes(loaded)} of ${formatBytes(total)}` : formatBytes(loaded);
  shown.fraction = Math.max(shown.fraction, total ? loaded / total : 0);
  status("runtime", `Downloading the Python runtime (${amount})`, 0.02 + 0.38 * shown.fraction);
}

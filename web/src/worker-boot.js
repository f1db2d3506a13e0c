// The start-up sequence of docs/architecture.md: load Pyodide, put the
// engine wheel on sys.path, install requirements, write the app files and
// call lite.bridge.start(entry, post).

/** @typedef {import("./protocol.js").InitMessage} InitMessage */
/** @typedef {import("pyodide").PyodideInterface} Pyodide */

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
  if (typeof init.pyodideUrl !== "string") problems.push('"pyodideUrl" must be a string');
  if (typeof init.engineUrl !== "string") problems.push('"engineUrl" must be a string');
  if (problems.length) {
    throw new BootError("Invalid init message", `${problems.join("; ")}.`);
  }
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
 * @param {Pyodide} pyodide
 * @param {string[]} requirements
 */
async function installRequirements(pyodide, requirements) {
  try {
    await pyodide.loadPackage("micropip");
    const micropip = pyodide.pyimport("micropip");
    try {
      await micropip.install(requirements);
    } finally {
      micropip.destroy();
    }
  } catch (error) {
    throw pythonFailure("The app's requirements could not be installed", error);
  }
}

/**
 * Writes the app files under APP_DIR and makes it the working directory.
 * @param {Pyodide} pyodide
 * @param {Record<string, string>} files
 */
function writeAppFiles(pyodide, files) {
  for (const [path, source] of Object.entries(files)) {
    const parts = path.split("/").filter((part) => part && part !== ".");
    if (parts.length === 0 || parts.includes("..") || typeof source !== "string") {
      throw new BootError("Invalid init message",
        `The app file path ${JSON.stringify(path)} must be a relative path ` +
          "inside the app folder, with source text.");
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
 * @returns {Promise<Bridge | null>} null when the engine could not start the
 *   app and has posted a `fatal` message saying why
 */
async function startBridge(pyodide, entry, post) {
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
  return { receive };
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
  status("runtime", "Loading the Python runtime", 0.05);
  const pyodide = await loadRuntime(init.pyodideUrl);

  status("engine", "Loading the lite engine", 0.6);
  await installEngine(pyodide, init.engineUrl);

  const requirements = Array.isArray(init.requirements) ? init.requirements : [];
  if (requirements.length) {
    status("packages", `Installing ${requirements.join(", ")}`, 0.7);
    await installRequirements(pyodide, requirements);
  }

  status("app", "Starting the app", 0.85);
  writeAppFiles(pyodide, init.files);
  // After the engine, so that an app file cannot shadow the engine.
  insertSysPath(pyodide, 1, APP_DIR);
  return startBridge(pyodide, init.entry, post);
}

/**
 * Run the pytest suite in tests/ inside Pyodide under Node.js, offline.
 *
 * Usage, from anywhere in the checkout:
 *
 *     scripts/test-pyodide [PYTEST_ARGS...]
 *
 * scripts/test-pyodide downloads the test wheels listed in requirements.txt into
 * web/vendor/pyodide-test-wheels/ and then runs this file. To run it directly, both
 * that folder and web/node_modules/pyodide (from scripts/setup) must exist.
 *
 * Steps:
 *  1. Load Pyodide from web/node_modules/pyodide. `packageBaseUrl` points at that
 *     folder, so a package missing from it fails to load instead of coming from the
 *     CDN, and `fetch` rejects every request, so nothing reaches the network.
 *  2. Unpack each wheel into site-packages (no micropip).
 *  3. Mount the checkout with NODEFS at its own path, so tracebacks show the real
 *     file names, and hand over to runner.py, which excludes the tests that cannot
 *     run in Pyodide and calls pytest.main().
 *
 * The exit code is pytest's, or 1 when the run could not start.
 */

import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const runnerDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(runnerDir, "..", "..");
const pyodideDir = path.join(repoRoot, "web", "node_modules", "pyodide");
const wheelDir = path.join(repoRoot, "web", "vendor", "pyodide-test-wheels");

/**
 * Print `message` as an error and exit with code 1.
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  process.stderr.write(`run.mjs: error: ${message}\n`);
  process.exit(1);
}

/**
 * Reject every request, so that a stray download fails the run instead of going
 * to the network. Pyodide under Node reads its own files with node:fs.
 * @param {unknown} resource
 * @returns {Promise<never>}
 */
async function offlineFetch(resource) {
  throw new Error(`network access is disabled in this test run: ${resource}`);
}

/**
 * Send Python's output to this process's stream unchanged, so pytest's progress
 * line and colors come through.
 * @param {NodeJS.WriteStream} stream
 */
function writerFor(stream) {
  return {
    isatty: Boolean(stream.isTTY),
    /** @param {Uint8Array} buffer */
    write(buffer) {
      // Copy the bytes, because the buffer is a view into Pyodide's memory.
      stream.write(Buffer.from(buffer));
      return buffer.length;
    },
  };
}

/**
 * Return the paths of the wheels in `folder`, checking that there are some.
 * @param {string} folder
 * @returns {string[]}
 */
function listWheels(folder) {
  const names = existsSync(folder)
    ? readdirSync(folder).filter((name) => name.endsWith(".whl"))
    : [];
  if (names.length === 0) {
    fail(`no wheels in ${folder}; run scripts/test-pyodide, which downloads them`);
  }
  return names.sort().map((name) => path.join(folder, name));
}

async function main() {
  if (!existsSync(path.join(pyodideDir, "pyodide.mjs"))) {
    fail(`${pyodideDir} is missing; run scripts/setup first`);
  }
  const wheels = listWheels(wheelDir);
  globalThis.fetch = offlineFetch;

  const { loadPyodide } = await import(
    pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href
  );
  const pyodide = await loadPyodide({
    indexURL: pyodideDir + path.sep,
    packageBaseUrl: pyodideDir + path.sep,
    env: { COLUMNS: String(process.stdout.columns || 80) },
  });
  pyodide.setStdout(writerFor(process.stdout));
  pyodide.setStderr(writerFor(process.stderr));

  const sitePackages = pyodide.runPython(
    "import sysconfig; sysconfig.get_path('purelib')",
  );
  for (const wheel of wheels) {
    const bytes = readFileSync(wheel);
    // unpackArchive rejects a Node Buffer, so pass a plain view of the same bytes.
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    pyodide.unpackArchive(view, "wheel", { extractDir: sitePackages });
  }

  if (pyodide.FS.analyzePath(repoRoot).exists) {
    fail(`${repoRoot} already exists in Pyodide's file system; cannot mount it`);
  }
  pyodide.mountNodeFS(repoRoot, repoRoot);

  // The mount is the real checkout, so Python must not write __pycache__ into it.
  const sys = pyodide.pyimport("sys");
  sys.dont_write_bytecode = true;
  sys.path.insert(0, runnerDir);
  const runner = pyodide.pyimport("runner");
  const exitCode = runner.main(repoRoot, pyodide.toPy(process.argv.slice(2)));
  process.exit(exitCode);
}

try {
  await main();
} catch (error) {
  // Print the stack without Node's echo of the source line, which for an error
  // thrown inside Pyodide is its whole minified bundle.
  fail(error instanceof Error ? String(error.stack) : String(error));
}

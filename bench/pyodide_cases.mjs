/**
 * Run bench/cases.py inside Pyodide under Node.js, offline, and print its JSON.
 * With "engine_wheel" in the spec, bench/engine_import.py times importing the
 * engine from that wheel first, and its result is added as
 * results.engine_import.
 *
 * Usage: node bench/pyodide_cases.mjs SPEC_JSON
 *
 * Pyodide comes from web/node_modules/pyodide (scripts/setup installs it). The
 * checkout is mounted at its own path with NODEFS, so the engine imports from
 * the source tree and the app files (the examples and the variants in
 * bench/out/apps/) are readable at the paths the spec names. `fetch` rejects
 * every request, so nothing reaches the network.
 */

import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, "..");
const pyodideDir = path.join(repoRoot, "web", "node_modules", "pyodide");

async function main() {
  const spec = process.argv[2];
  if (!spec) throw new Error("usage: node bench/pyodide_cases.mjs SPEC_JSON");
  if (!existsSync(path.join(pyodideDir, "pyodide.mjs"))) {
    throw new Error(`${pyodideDir} is missing; run scripts/setup first`);
  }
  globalThis.fetch = async (resource) => {
    throw new Error(`network access is disabled in the benchmark: ${resource}`);
  };
  const moduleUrl = pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href;
  const { loadPyodide } = await import(moduleUrl);
  const pyodide = await loadPyodide({
    indexURL: pyodideDir + path.sep,
    packageBaseUrl: pyodideDir + path.sep,
  });
  /** @type {string[]} */
  const output = [];
  pyodide.setStdout({ batched: (line) => output.push(line) });
  pyodide.setStderr({ batched: (line) => process.stderr.write(`${line}\n`) });
  pyodide.mountNodeFS(repoRoot, repoRoot);

  const sys = pyodide.pyimport("sys");
  sys.dont_write_bytecode = true;
  sys.path.insert(0, repoRoot);
  const options = JSON.parse(spec);
  let engineImport = null;
  if (options.engine_wheel) {
    // First, before bench.cases imports json, cProfile and the rest.
    const timer = pyodide.pyimport("bench.engine_import");
    const measured = timer.measure(options.engine_wheel, options.repeats);
    engineImport = measured.toJs({ dict_converter: Object.fromEntries });
    measured.destroy();
  }
  const cases = pyodide.pyimport("bench.cases");
  const status = cases.main(pyodide.toPy([repoRoot, spec]));
  const result = JSON.parse(output[output.length - 1]);
  result.results.engine_import = engineImport;
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(status);
}

try {
  await main();
} catch (error) {
  const text = error instanceof Error ? error.stack : String(error);
  process.stderr.write(`pyodide_cases.mjs: error: ${text}\n`);
  process.exit(1);
}

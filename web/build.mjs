// Builds dist/: lite.js (the page module), worker.js (the module worker),
// lite.css, and reload.js (the reload client that only `lite serve` sends).
// Run with `npm run build`.

import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";

const outdir = new URL("./dist/", import.meta.url);

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

await build({
  entryPoints: { lite: "src/lite.js", worker: "src/worker.js", reload: "src/reload.js" },
  absWorkingDir: new URL(".", import.meta.url).pathname,
  outdir: "dist",
  bundle: true,
  format: "esm",
  // Module workers, import.meta and private class fields need these anyway.
  target: ["chrome111", "firefox114", "safari16.4"],
  minify: true,
  sourcemap: true,
  legalComments: "eof",
  logLevel: "warning",
});
await copyFile(new URL("./src/styles.css", import.meta.url), new URL("./lite.css", outdir));

for (const name of ["lite.js", "worker.js", "lite.css", "reload.js"]) {
  const bytes = await readFile(new URL(name, outdir));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  console.log(`dist/${name}: ${bytes.length} bytes, ${gzipped} gzipped`);
}

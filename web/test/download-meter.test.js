import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatBytes, meterDownloads } from "../src/download-meter.js";

/**
 * A scope whose fetch returns `body` for every request.
 * @param {Uint8Array} body
 * @param {Record<string, string>} headers
 */
function scopeServing(body, headers) {
  return {
    fetch: async () => new Response(body, { status: 200, headers }),
  };
}

/** Waits until the metered clones have been read. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("meterDownloads", () => {
  test("counts the bytes of each response", async () => {
    const scope = scopeServing(new Uint8Array(1000), { "Content-Length": "1000" });
    const reports = [];
    const restore = meterDownloads(scope, (progress) => reports.push(progress));

    const response = await scope.fetch("a.wasm");
    const body = new Uint8Array(await response.arrayBuffer());
    await settle();
    restore();

    assert.equal(body.length, 1000);
    assert.deepEqual(reports.at(-1), { loaded: 1000, total: 1000, active: 0, files: 1 });
    assert.deepEqual(reports[0], { loaded: 0, total: 1000, active: 1, files: 1 });
  });

  test("reports no total for a compressed body", async () => {
    const scope = scopeServing(new Uint8Array(10),
      { "Content-Length": "4", "Content-Encoding": "gzip" });
    const reports = [];
    const restore = meterDownloads(scope, (progress) => reports.push(progress));

    await scope.fetch("b.zip");
    await settle();
    restore();

    assert.equal(reports[0].total, null);
    assert.equal(reports.at(-1).total, 10);
  });

  test("leaves failed responses alone", async () => {
    const scope = { fetch: async () => new Response("missing", { status: 404 }) };
    const reports = [];
    const restore = meterDownloads(scope, (progress) => reports.push(progress));

    const response = await scope.fetch("c.whl");
    restore();

    assert.equal(await response.text(), "missing");
    assert.deepEqual(reports, []);
  });

  test("restores the original fetch", () => {
    const scope = scopeServing(new Uint8Array(1), {});
    const original = scope.fetch;

    meterDownloads(scope, () => {})();

    assert.equal(scope.fetch, original);
  });

  test("throttles reports between chunks", async () => {
    let time = 0;
    const chunks = [new Uint8Array(5), new Uint8Array(5), new Uint8Array(5)];
    const stream = new ReadableStream({
      pull(controller) {
        time += 10;
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const scope = { fetch: async () => new Response(stream, { headers: { "Content-Length": "15" } }) };
    const reports = [];
    const restore = meterDownloads(scope, (progress) => reports.push(progress.loaded),
      { intervalMs: 100, now: () => time });

    const response = await scope.fetch("d.zip");
    await response.arrayBuffer();
    await settle();
    restore();

    assert.deepEqual(reports, [0, 15]);
  });
});

describe("formatBytes", () => {
  test("uses kB below a megabyte", () => {
    assert.equal(formatBytes(850_000), "850 kB");
  });

  test("uses MB with one decimal", () => {
    assert.equal(formatBytes(9_597_892), "9.6 MB");
  });
});

// Counts the bytes that arrive through `fetch` while the worker boots, so the
// page can show how far the downloads of the runtime and the packages are.
// Pyodide and micropip call the global `fetch`, so a wrapper around it counts
// their downloads without changing how they load anything.

/**
 * Bytes received so far. `total` is the sum of the Content-Length headers of
 * the responses, or null while one of them has no usable length.
 * @typedef {{loaded: number, total: number | null, active: number,
 *   files: number}} DownloadProgress
 */

/**
 * @typedef {{fetch: typeof fetch}} FetchScope
 */

/**
 * Wraps `scope.fetch` so that `report` hears of the bytes of every response
 * body as they arrive. Each response is cloned and the clone is read; the
 * caller gets the original response, untouched.
 *
 * Reports are throttled to one per `intervalMs`, except the report at the end
 * of each download, which is always sent.
 * @param {FetchScope} scope
 * @param {(progress: DownloadProgress) => void} report
 * @param {{intervalMs?: number, now?: () => number}} [options]
 * @returns {() => void} a function that puts the original `fetch` back
 */
export function meterDownloads(scope, report, { intervalMs = 100, now = Date.now } = {}) {
  const original = scope.fetch;
  let loaded = 0;
  let total = 0;
  let unknownTotals = 0;
  let active = 0;
  let files = 0;
  let lastReport = -Infinity;

  /** @param {boolean} force */
  const send = (force) => {
    const time = now();
    if (!force && time - lastReport < intervalMs) return;
    lastReport = time;
    report({ loaded, total: unknownTotals ? null : Math.max(total, loaded), active, files });
  };

  /** @param {Response} response */
  const count = async (response) => {
    const length = contentLength(response);
    files++;
    active++;
    if (length === null) unknownTotals++;
    else total += length;
    send(true);
    try {
      const reader = /** @type {ReadableStream<Uint8Array>} */ (response.body).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        loaded += value.byteLength;
        send(false);
      }
    } catch {
      // The caller sees the same failure on its own copy of the body.
    } finally {
      active--;
      if (length === null) unknownTotals--;
      send(true);
    }
  };

  /** @type {typeof fetch} */
  const metered = async (input, init) => {
    const response = await original.call(scope, input, init);
    if (response.body && response.ok) void count(response.clone());
    return response;
  };
  scope.fetch = metered;
  return () => {
    if (scope.fetch === metered) scope.fetch = original;
  };
}

/**
 * Returns the length of the body as it will be read, or null when it is not
 * known: no Content-Length, or a compressed body whose decoded size differs.
 * @param {Response} response
 * @returns {number | null}
 */
function contentLength(response) {
  const encoding = response.headers.get("Content-Encoding");
  if (encoding && encoding !== "identity") return null;
  const length = Number(response.headers.get("Content-Length"));
  return Number.isSafeInteger(length) && length > 0 ? length : null;
}

/**
 * Formats a byte count for the loading text: `850 kB`, `9.6 MB`.
 * @param {number} bytes
 * @returns {string}
 */
export function formatBytes(bytes) {
  if (bytes < 1e6) return `${Math.max(0, Math.round(bytes / 1e3))} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

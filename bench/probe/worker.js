// The benchmark's worker probe. lite/bench-worker.js imports this module
// before lite/worker.js, so it runs first and receives every message. It records
// when the worker started, each message it received and posted, and the size
// of Pyodide's WebAssembly memory, and sends all of it to the page probe when
// asked. Times are absolute (performance.timeOrigin + performance.now()), so
// the page can put them on its own clock.

const origin = performance.timeOrigin;
const at = () => origin + performance.now();

/** @type {Array<Record<string, unknown>>} */
const events = [{ what: "start", t: at() }];
/** @type {WebAssembly.Memory[]} */
const memories = [];

const nativePost = self.postMessage.bind(self);

/**
 * Describes an outgoing message without parsing its JSON: the engine's
 * messages start with their type and seq (Patch.to_dict in lite/session.py).
 * @param {any} message
 */
function describe(message) {
  if (message && typeof message.json === "string") {
    const head = message.json.slice(0, 80);
    return {
      type: /"type":\s*"(\w+)"/.exec(head)?.[1] ?? null,
      seq: Number(/"seq":\s*(\d+)/.exec(head)?.[1] ?? NaN),
      length: message.json.length,
    };
  }
  return { type: message?.type ?? null, stage: message?.stage ?? null };
}

self.postMessage = (message, ...rest) => {
  events.push({ what: "post", t: at(), ...describe(message) });
  nativePost(message, ...rest);
};

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.__bench) {
    // lite's own handler must not see the probe's requests.
    event.stopImmediatePropagation();
    if (data.__bench === "report") nativePost({ __bench: report() });
    // Forgets the messages recorded so far; the first event (start) stays.
    if (data.__bench === "clear") events.length = 1;
    return;
  }
  events.push({
    what: "receive", t: at(), type: data?.type ?? null, name: data?.name ?? null,
  });
});

// Pyodide's memory is local to its module. Keeping a reference to every
// WebAssembly.Memory that an instantiation imports or exports makes its size
// readable without touching lite or Pyodide.
for (const name of /** @type {const} */ (["instantiate", "instantiateStreaming"])) {
  const native = WebAssembly[name];
  if (typeof native !== "function") continue;
  // @ts-ignore: same signature as the function it wraps
  WebAssembly[name] = async function (source, imports, ...rest) {
    const result = await native.call(this, source, imports, ...rest);
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    noteMemories(imports, instance);
    return result;
  };
}

/**
 * @param {any} imports
 * @param {WebAssembly.Instance | undefined} instance
 */
function noteMemories(imports, instance) {
  const candidates = [
    ...Object.values(instance?.exports ?? {}),
    ...Object.values(imports ?? {})
      .flatMap((module) => Object.values(module ?? {})),
  ];
  for (const value of candidates) {
    if (value instanceof WebAssembly.Memory && !memories.includes(value)) {
      memories.push(value);
    }
  }
}

function report() {
  return {
    timeOrigin: origin,
    events: events.slice(),
    marks: performance.getEntriesByType("mark")
      .map((entry) => ({ name: entry.name, t: origin + entry.startTime })),
    resources: performance.getEntriesByType("resource").map((entry) => ({
      name: entry.name,
      start: origin + entry.startTime,
      end: origin + entry.responseEnd,
      transferSize: /** @type {PerformanceResourceTiming} */ (entry).transferSize,
      encodedBodySize: /** @type {PerformanceResourceTiming} */ (entry).encodedBodySize,
    })),
    wasmMemoryBytes: memories.length
      ? Math.max(...memories.map((memory) => memory.buffer.byteLength))
      : null,
  };
}

// The benchmark's page probe. Playwright adds it to every page before the
// page's own scripts run (addInitScript), after a line that sets
// window.__benchConfig = {field, firstRender}. It only observes: it records
// start-up milestones, times the messages between the page and lite's worker,
// and measures how long the DOM takes to show the result of a user action.
// All times are performance.now() values of the page, in milliseconds since
// navigation start, unless a name says otherwise.

(() => {
  if (window.__bench) return;
  const config = window.__benchConfig ?? {};
  const now = () => performance.now();

  const bench = {
    /** First time of each milestone: elementDefined, workerCreated, firstRender
     *  and usable. */
    marks: {},
    /** Each change of <lite-app data-state>: {t, state}. */
    states: [],
    /** Each boot stage <lite-app> shows while loading: {t, stage, text}. */
    stages: [],
    /** Page → worker messages: {t, type, name}. */
    sent: [],
    /**
     * Worker → page messages, timed around the page's handler (parsing and
     * applying the patch): {start, end, json} or {start, end, type, stage}.
     */
    received: [],
    workers: [],
  };
  Object.defineProperty(window, "__bench", { value: bench });

  function mark(name, time = now()) {
    if (!(name in bench.marks)) bench.marks[name] = time;
  }

  // Finding things -----------------------------------------------------------

  function fieldByLabel(text) {
    for (const label of document.querySelectorAll("label")) {
      if (label.textContent.trim() === text && label.control) return label.control;
    }
    return null;
  }

  function buttonsNamed(text) {
    return Array.from(document.querySelectorAll("button"))
      .filter((button) => button.textContent.trim() === text);
  }

  function hasText(selector, text) {
    for (const element of document.querySelectorAll(selector)) {
      if (element.textContent.trim() === text) return true;
    }
    return false;
  }

  /** Evaluates a condition of bench/apps.py. */
  function holds(condition) {
    if ("all" in condition) return condition.all.every(holds);
    if ("fields" in condition) {
      return document.querySelectorAll(config.field).length === condition.fields;
    }
    if ("text" in condition) return hasText(condition.selector, condition.text);
    if ("label" in condition) return fieldByLabel(condition.label) !== null;
    throw new Error(`bench probe: unknown condition ${JSON.stringify(condition)}`);
  }

  /** Performs an action of bench/apps.py, synchronously. */
  function perform(action) {
    if ("click" in action) {
      const button = buttonsNamed(action.click)[action.index ?? 0];
      if (!button) throw new Error(`bench probe: no button "${action.click}"`);
      button.click();
      return;
    }
    const label = "enter" in action ? action.enter : action.field;
    const field = fieldByLabel(label);
    if (!field) throw new Error(`bench probe: no field labelled "${label}"`);
    if ("enter" in action) {
      const init = { key: "Enter", code: "Enter", keyCode: 13, which: 13,
        bubbles: true, cancelable: true };
      const down = new KeyboardEvent("keydown", init);
      field.dispatchEvent(down);
      if (!down.defaultPrevented) {
        field.dispatchEvent(new KeyboardEvent("keypress", init));
      }
      field.dispatchEvent(new KeyboardEvent("keyup", init));
      return;
    }
    if ("paste" in action) {
      field.value = action.paste;
      field.dispatchEvent(new InputEvent("input",
        { bubbles: true, inputType: "insertFromPaste" }));
      return;
    }
    throw new Error(`bench probe: unknown action ${JSON.stringify(action)}`);
  }

  /** Calls `callback` once the frame after the current task has been produced. */
  function afterNextFrame(callback) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback();
      channel.port2.postMessage(null);
    });
  }

  // Round trips --------------------------------------------------------------

  /**
   * Performs `action` and resolves once `condition` is true, with the time of
   * the action (start), of the mutation that made the condition true (dom) and
   * of the next frame after it (frame). The condition must be false before.
   */
  bench.measure = (action, condition, timeoutMs = 60_000) => new Promise((resolve, reject) => {
    if (holds(condition)) {
      reject(new Error(`bench probe: the condition is already true before the action: ${
        JSON.stringify(condition)}`));
      return;
    }
    let done = false;
    let start = 0;
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      done = true;
      observer.disconnect();
      reject(new Error(`bench probe: ${JSON.stringify(condition)} was still false ` +
        `${timeoutMs} ms after ${JSON.stringify(action).slice(0, 200)}`));
    }, timeoutMs);

    function check() {
      if (done || !holds(condition)) return;
      const dom = now();
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      afterNextFrame(() => resolve({ start, dom, frame: now() }));
    }

    observer.observe(document.documentElement,
      { subtree: true, childList: true, characterData: true, attributes: true });
    start = now();
    perform(action);
    check();
  });

  /** Resolves once `condition` is true (polling each frame), or rejects on timeout. */
  bench.waitFor = (condition, timeoutMs = 60_000) => new Promise((resolve, reject) => {
    const deadline = now() + timeoutMs;
    const poll = () => {
      if (holds(condition)) resolve(now());
      else if (now() > deadline) {
        reject(new Error(`bench probe: ${JSON.stringify(condition)} was still false ` +
          `after ${timeoutMs} ms`));
      } else requestAnimationFrame(poll);
    };
    poll();
  });

  bench.perform = perform;
  bench.holds = holds;

  // Start-up -----------------------------------------------------------------

  let lastState = null;
  let lastStage = null;
  const startupObserver = new MutationObserver(() => {
    const app = document.querySelector("lite-app");
    if (app) {
      const state = app.getAttribute("data-state");
      if (state !== lastState) {
        bench.states.push({ t: now(), state });
        lastState = state;
      }
      const loading = app.querySelector("[data-stage]");
      const stage = loading ? loading.getAttribute("data-stage") : null;
      if (stage && stage !== lastStage) {
        bench.stages.push({ t: now(), stage, text: loading.textContent.trim() });
        lastStage = stage;
      }
    }
    const rendered = "firstRender" in bench.marks;
    if (config.firstRender && !rendered && holds(config.firstRender)) {
      mark("firstRender");
      afterNextFrame(() => mark("usable"));
    }
    if ("usable" in bench.marks || "firstRender" in bench.marks) {
      if (lastState !== "loading") startupObserver.disconnect();
    }
  });
  startupObserver.observe(document,
    { subtree: true, childList: true, attributes: true, characterData: true });

  customElements.whenDefined("lite-app").then(() => mark("elementDefined"));

  // lite's worker ------------------------------------------------------------

  // Swaps lite/worker.js for lite/bench-worker.js, which loads the worker probe
  // and then lite/worker.js itself, and times every message both ways.
  const NativeWorker = window.Worker;
  class BenchWorker extends NativeWorker {
    #handler = null;
    #reports = [];

    constructor(url, options) {
      const target = new URL(url, document.baseURI);
      if (target.pathname.endsWith("/lite/worker.js")) {
        target.pathname = target.pathname.replace(/worker\.js$/, "bench-worker.js");
      }
      super(target, options);
      mark("workerCreated");
      bench.workers.push(this);
    }

    get onmessage() {
      return this.#handler;
    }

    set onmessage(handler) {
      this.#handler = handler;
      super.onmessage = handler === null ? null : (event) => this.#receive(event);
    }

    #receive(event) {
      const data = event.data;
      if (data && data.__bench) {
        this.#reports.shift()?.(data.__bench);
        return;
      }
      const start = now();
      this.#handler.call(this, event);
      const end = now();
      if (data && typeof data.json === "string") {
        bench.received.push({ start, end, json: data.json });
      } else {
        bench.received.push({ start, end, type: data?.type, stage: data?.stage });
      }
    }

    postMessage(message, transfer) {
      bench.sent.push({ t: now(), type: message?.type, name: message?.name });
      return super.postMessage(message, transfer);
    }

    /** Asks the worker probe to forget the messages it recorded. */
    clear() {
      super.postMessage({ __bench: "clear" });
    }

    /** Asks the worker probe for its timeline. */
    report() {
      return new Promise((resolve) => {
        this.#reports.push(resolve);
        super.postMessage({ __bench: "report" });
      });
    }
  }
  window.Worker = BenchWorker;

  // Reading the results ------------------------------------------------------

  /** Describes a received message without its JSON text. */
  function describe(entry) {
    if (entry.json === undefined) return { ...entry };
    let message;
    try {
      message = JSON.parse(entry.json);
    } catch {
      return { start: entry.start, end: entry.end, type: "unparsable" };
    }
    const size = new TextEncoder().encode(entry.json).length;
    return {
      start: entry.start, end: entry.end, type: message.type, seq: message.seq,
      ops: Array.isArray(message.ops) ? message.ops.length : null, bytes: size,
    };
  }

  /** Returns everything recorded so far, as plain data. */
  bench.summary = () => {
    const navigation = performance.getEntriesByType("navigation")[0];
    return {
      timeOrigin: performance.timeOrigin,
      marks: { ...bench.marks },
      states: bench.states.slice(),
      stages: bench.stages.slice(),
      sent: bench.sent.slice(),
      received: bench.received.map(describe),
      navigation: navigation ? navigation.toJSON() : null,
      resources: performance.getEntriesByType("resource").map((entry) => ({
        name: entry.name, start: entry.startTime, end: entry.responseEnd,
        transferSize: entry.transferSize, encodedBodySize: entry.encodedBodySize,
        decodedBodySize: entry.decodedBodySize,
      })),
    };
  };

  /** Returns the worker probe's report, or null on a page without lite's worker. */
  bench.workerReport = () => {
    const worker = bench.workers[bench.workers.length - 1];
    return worker ? worker.report() : Promise.resolve(null);
  };

  /** Forgets the messages recorded so far, to keep the next measurement's apart. */
  bench.clear = () => {
    bench.sent.length = 0;
    bench.received.length = 0;
    for (const worker of bench.workers) worker.clear();
  };
})();

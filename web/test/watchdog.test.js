import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SIGINT, Watchdog } from "../src/watchdog.js";

/** A watchdog on a fake clock; `advance(ms)` moves time and fires due timers. */
function fakeWatchdog({ interrupt = true } = {}) {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  const states = [];
  const restarts = [];
  const interruptBuffer = interrupt ? new Uint8Array(1) : null;
  const watchdog = new Watchdog({
    interruptBuffer,
    onState: (state) => states.push(state),
    onRestart: (reason) => restarts.push(reason),
    busyAfterMs: 1000,
    stopGraceMs: 3000,
    now: () => now,
    setTimer: (callback, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimer: (id) => timers.delete(id),
  });
  const advance = (ms) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, timer]) => timer.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].callback();
    }
    now = end;
  };
  return { watchdog, states, restarts, interruptBuffer, advance, timers };
}

describe("Watchdog", () => {
  test("stays idle while the worker answers in time", () => {
    const { watchdog, states, advance } = fakeWatchdog();
    watchdog.posted();
    advance(900);
    watchdog.heard({ type: "patch" });
    watchdog.heard({ type: "handled", count: 1 });
    advance(5000);
    assert.equal(watchdog.state, "idle");
    assert.deepEqual(states, []);
    assert.equal(watchdog.pending, 0);
  });

  test("is busy after a second of silence with messages pending", () => {
    const { watchdog, states, advance } = fakeWatchdog();
    watchdog.posted();
    advance(999);
    assert.equal(watchdog.state, "idle");
    advance(1);
    assert.equal(watchdog.state, "busy");
    assert.deepEqual(states, ["busy"]);
  });

  test("counts silence from the last message heard", () => {
    const { watchdog, advance } = fakeWatchdog();
    watchdog.posted();
    advance(800);
    watchdog.heard({ type: "patch" });
    advance(800);
    assert.equal(watchdog.state, "idle");
    advance(200);
    assert.equal(watchdog.state, "busy");
  });

  test("goes back to idle when the worker answers", () => {
    const { watchdog, states, advance } = fakeWatchdog();
    watchdog.posted();
    advance(1500);
    watchdog.heard({ type: "handled", count: 1 });
    assert.deepEqual(states, ["busy", "idle"]);
    advance(5000);
    assert.equal(watchdog.state, "idle");
  });

  test("stop writes SIGINT and waits for the worker", () => {
    const { watchdog, states, restarts, interruptBuffer, advance } = fakeWatchdog();
    watchdog.posted();
    advance(1000);
    watchdog.stop();
    assert.equal(interruptBuffer[0], SIGINT);
    assert.equal(watchdog.state, "stopping");
    advance(2000);
    watchdog.heard({ type: "handled", count: 1 });
    advance(5000);
    assert.deepEqual(states, ["busy", "stopping", "idle"]);
    assert.deepEqual(restarts, []);
  });

  test("restarts when the interrupt gets no answer", () => {
    const { watchdog, restarts, advance } = fakeWatchdog();
    watchdog.posted();
    advance(1000);
    watchdog.stop();
    advance(2999);
    assert.deepEqual(restarts, []);
    advance(1);
    assert.equal(restarts.length, 1);
    assert.match(restarts[0], /did not stop within 3 s/);
    assert.equal(watchdog.state, "restarting");
  });

  test("restarts at once without an interrupt buffer", () => {
    const { watchdog, restarts, advance } = fakeWatchdog({ interrupt: false });
    watchdog.posted();
    advance(1000);
    watchdog.stop();
    assert.equal(restarts.length, 1);
    assert.match(restarts[0], /not cross-origin isolated/);
  });

  test("ignores stop unless busy", () => {
    const { watchdog, restarts, interruptBuffer } = fakeWatchdog();
    watchdog.stop();
    watchdog.posted();
    watchdog.stop();
    assert.equal(interruptBuffer[0], 0);
    assert.deepEqual(restarts, []);
  });

  test("reset starts counting again for a new worker", () => {
    const { watchdog, advance, timers } = fakeWatchdog({ interrupt: false });
    watchdog.posted();
    advance(1000);
    watchdog.stop();
    watchdog.reset(null);
    assert.equal(watchdog.state, "idle");
    assert.equal(watchdog.sent, 0);
    assert.equal(timers.size, 0);
    watchdog.heard({ type: "handled", count: 5 });
    assert.equal(watchdog.handled, 0);
  });

  test("never counts more handled than sent", () => {
    const { watchdog } = fakeWatchdog();
    watchdog.posted();
    watchdog.heard({ type: "handled", count: 40 });
    assert.equal(watchdog.handled, 1);
    watchdog.posted();
    assert.equal(watchdog.pending, 1);
  });
});

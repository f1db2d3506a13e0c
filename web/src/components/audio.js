// Audio: an upload area when interactive and empty, a player once it has a
// value, an empty placeholder when read-only and empty. Files are decoded in
// the browser and sent as 16-bit PCM in a transferred ArrayBuffer.
// NOTE: only the "upload" source is offered; recording from a microphone is
// not implemented, whatever `sources` lists.

import { encodeWav, formatDuration, pcmFromBytes, pcmToBytes } from "../wav.js";
import { decodeAudioFile } from "./audio-file.js";
import { isInteractive, make, makeBlock, setContainer, setLabel } from "./field.js";

/** @typedef {import("../renderer/index.js").NodeRecord} NodeRecord */
/** @typedef {import("../renderer/index.js").ComponentContext} ComponentContext */
/** @typedef {import("../protocol.js").Props} Props */
/** @typedef {import("../wav.js").PcmAudio} PcmAudio */

/**
 * @typedef {import("../renderer/index.js").ComponentView & {
 *   label: HTMLElement, body: HTMLElement, error: HTMLElement,
 *   current: PcmAudio | null, objectUrl: string | null,
 *   loads: number, disposed: boolean}} AudioView
 */

export const UPLOAD_PROMPT = "Drop Audio Here - or - Click to Upload";

/**
 * Reads an audio value of the protocol into PCM samples.
 * @param {unknown} value
 * @returns {PcmAudio | null}
 * @throws {TypeError} when the value does not have the audio value shape
 */
export function readAudioValue(value) {
  if (value === null || value === undefined) return null;
  const audio = /** @type {Record<string, unknown>} */ (value);
  const { sample_rate: sampleRate, channels, pcm } = audio;
  if (typeof sampleRate !== "number" || sampleRate <= 0
    || !Number.isInteger(channels) || /** @type {number} */ (channels) < 1
    || !(pcm instanceof ArrayBuffer)) {
    throw new TypeError("The audio value must be null or " +
      '{"sample_rate", "channels", "pcm"} with pcm as a binary buffer.');
  }
  return { sampleRate, channels: /** @type {number} */ (channels), pcm: pcmFromBytes(pcm) };
}

/**
 * @param {Props} _props
 * @param {ComponentContext} context
 * @returns {AudioView}
 */
export function create(_props, context) {
  const element = makeBlock("audio");
  const label = make("span", "lite-label");
  label.id = context.uniqueId();
  const body = make("div", "lite-audio-body");
  const error = make("div", "lite-audio-error");
  error.setAttribute("role", "alert");
  error.hidden = true;
  element.append(label, body, error);

  /** @type {AudioView} */
  const view = {
    element, label, body, error, current: null, objectUrl: null, loads: 0, disposed: false,
  };
  view.listeners = listenersFor(view, context);
  return view;
}

/**
 * @param {AudioView} view
 * @param {ComponentContext} context
 * @returns {Record<string, (event: Event) => void>}
 */
function listenersFor(view, context) {
  const canEdit = () => isInteractive(context.props());
  return {
    change: (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
      const file = input.files?.[0];
      input.value = "";
      if (file && canEdit()) loadFile(view, context, file);
    },
    click: (event) => {
      const target = /** @type {Element} */ (event.target);
      if (!target.closest(".lite-audio-clear") || !canEdit()) return;
      setAudio(view, null, true);
      context.edit(null);
    },
    dragover: (event) => {
      if (!canEdit()) return;
      event.preventDefault();
      view.element.classList.add("lite-dragging");
    },
    dragleave: () => view.element.classList.remove("lite-dragging"),
    drop: (event) => {
      view.element.classList.remove("lite-dragging");
      if (!canEdit()) return;
      event.preventDefault();
      const file = /** @type {DragEvent} */ (event).dataTransfer?.files[0];
      if (file) loadFile(view, context, file);
    },
  };
}

/**
 * Decodes a chosen file, shows it and sends it as an edit. A file that
 * cannot be decoded shows an error and sends nothing.
 * @param {AudioView} view
 * @param {ComponentContext} context
 * @param {File} file
 */
async function loadFile(view, context, file) {
  const load = ++view.loads;
  showError(view, null);
  view.element.classList.add("lite-busy");
  /** @type {PcmAudio} */
  let audio;
  try {
    audio = await decodeAudioFile(file);
  } catch (error) {
    if (load === view.loads && !view.disposed) {
      showError(view, error instanceof Error ? error.message : String(error));
    }
    return;
  } finally {
    if (load === view.loads) view.element.classList.remove("lite-busy");
  }
  // A newer file, a value from the app or removal wins over this load.
  if (load !== view.loads || view.disposed) return;
  setAudio(view, audio, isInteractive(context.props()));
  context.edit({
    sample_rate: audio.sampleRate,
    channels: audio.channels,
    pcm: pcmToBytes(audio.pcm),
  });
}

/**
 * @param {AudioView} view
 * @param {string | null} message
 */
function showError(view, message) {
  view.error.textContent = message ?? "";
  view.error.hidden = message === null;
}

/**
 * Shows `audio` in a player, or the empty state when it is null.
 * @param {AudioView} view
 * @param {PcmAudio | null} audio
 * @param {boolean} interactive
 */
function setAudio(view, audio, interactive) {
  view.current = audio;
  if (view.objectUrl) URL.revokeObjectURL(view.objectUrl);
  view.objectUrl = null;
  if (!audio) {
    view.body.replaceChildren(interactive ? makeUpload(view) : makeEmpty());
    return;
  }
  view.objectUrl = URL.createObjectURL(new Blob([encodeWav(audio)], { type: "audio/wav" }));
  view.body.replaceChildren(makePlayer(view, audio, view.objectUrl, interactive));
}

/** @param {AudioView} view */
function makeUpload(view) {
  const area = make("label", "lite-upload");
  const input = make("input", "lite-sr-only");
  input.type = "file";
  input.accept = "audio/*";
  input.setAttribute("aria-labelledby", view.label.id);
  area.append(input, make("span", "lite-upload-text", UPLOAD_PROMPT));
  return area;
}

function makeEmpty() {
  const empty = make("div", "lite-audio-empty", "♪");
  empty.setAttribute("aria-hidden", "true");
  return empty;
}

/**
 * @param {AudioView} view
 * @param {PcmAudio} audio
 * @param {string} url
 * @param {boolean} interactive
 */
function makePlayer(view, audio, url, interactive) {
  const player = make("div", "lite-audio-player");
  const element = make("audio");
  element.controls = true;
  element.preload = "metadata";
  element.src = url;
  element.setAttribute("aria-labelledby", view.label.id);
  const seconds = audio.pcm.length / audio.channels / audio.sampleRate;
  const duration = make("span", "lite-audio-duration", formatDuration(seconds));
  player.append(element, duration);
  if (interactive) {
    const clear = make("button", "lite-button lite-size-sm lite-audio-clear", "Clear");
    clear.type = "button";
    clear.setAttribute("aria-label", "Clear audio");
    player.append(clear);
  }
  return player;
}

/**
 * @param {NodeRecord} node
 * @param {Props} changed
 */
export function update(node, changed) {
  const view = /** @type {AudioView} */ (node.view);
  const props = node.props;
  if ("label" in changed || "show_label" in changed) {
    setLabel(view.label, props.label, props.show_label);
  }
  if ("value" in changed) {
    view.loads++;
    showError(view, null);
    try {
      setAudio(view, readAudioValue(props.value), isInteractive(props));
    } catch (error) {
      setAudio(view, null, isInteractive(props));
      showError(view, /** @type {Error} */ (error).message);
    }
  } else if ("interactive" in changed) {
    setAudio(view, view.current, isInteractive(props));
  }
  if ("container" in changed) setContainer(node.element, props.container);
}

/** @param {NodeRecord} node */
export function dispose(node) {
  const view = /** @type {AudioView} */ (node.view);
  view.disposed = true;
  if (view.objectUrl) URL.revokeObjectURL(view.objectUrl);
  view.objectUrl = null;
}

// Reads the files of one app from a <lite-app> element: the app itself
// (inline or from `src`), the files the `files` attribute lists, and the
// inline <lite-file> children.

import { appFilePath, dedent, entryName, parseFileList } from "./source.js";

/**
 * The element's inline content, read before the element replaces its children
 * with the app.
 * @typedef {{source: string, files: Record<string, string>}} InlineApp
 */

/**
 * The app as the worker's init message carries it. Text files are strings,
 * files fetched through the `files` attribute are bytes.
 * @typedef {{files: Record<string, string | Uint8Array>, entry: string,
 *   base: string}} AppFiles
 */

/** A problem with the app's files that the page explains in place. */
export class AppSourceError extends Error {}

/**
 * Reads the inline app and the <lite-file name="..."> children of `element`.
 * The app is the element's text outside <lite-file> children. Both have their
 * common indentation removed, and either may be wrapped in
 * <script type="text/python"> so that HTML does not parse `<` in the code.
 * @param {HTMLElement} element
 * @returns {InlineApp}
 * @throws {AppSourceError} when a <lite-file> has no valid name or repeats one
 */
export function readInlineApp(element) {
  let source = "";
  /** @type {Record<string, string>} */
  const files = {};
  for (const node of element.childNodes) {
    if (!(node instanceof Element) || node.localName !== "lite-file") {
      source += node.textContent ?? "";
      continue;
    }
    const name = node.getAttribute("name") ?? "";
    const path = appFilePath(name);
    if (path === null) {
      throw new AppSourceError(`<lite-file name="${name}"> needs a name attribute with ` +
        'a relative path inside the app folder, such as name="helpers.py".');
    }
    if (path in files) throw new AppSourceError(`<lite-file name="${name}"> is given twice.`);
    files[path] = dedent(node.textContent ?? "");
  }
  return { source: dedent(source), files };
}

/**
 * Collects the app's files: the entry file from `src` or the inline source,
 * the inline files, and each file of the `files` attribute, fetched relative
 * to the app file (or to the page, for an inline app).
 * @param {{src: string | null, fileList: string | null, inline: InlineApp,
 *   baseURI: string}} options
 * @returns {Promise<AppFiles>}
 * @throws {AppSourceError} naming the file that is missing or invalid
 */
export async function readApp({ src, fileList, inline, baseURI }) {
  let entry = "app.py";
  /** @type {Record<string, string | Uint8Array>} */
  const files = { ...inline.files };
  let base = baseURI;
  if (src) {
    const url = new URL(src, baseURI);
    const code = await fetchAppFile(url, "text");
    if (!code.trim()) throw new AppSourceError(`The app file ${url.href} is empty.`);
    entry = entryName(url);
    base = url.href;
    files[entry] = code;
  } else {
    if (!inline.source.trim()) {
      throw new AppSourceError("<lite-app> has no app. Give it a src attribute " +
        "with the URL of a Python file, or put the Python code inside the element.");
    }
    if (entry in files) {
      throw new AppSourceError(`<lite-file name="${entry}"> has the name of the inline ` +
        "app. Give it another name.");
    }
    files[entry] = inline.source;
  }

  const listed = parseFileList(fileList ?? "");
  const paths = listed.map((name) => {
    const path = appFilePath(name);
    if (path === null) {
      throw new AppSourceError(`The files attribute of <lite-app> lists "${name}", ` +
        "which is not a relative path inside the app folder.");
    }
    if (path in files) {
      throw new AppSourceError(`The files attribute of <lite-app> lists "${name}", ` +
        "which the app already has.");
    }
    return path;
  });
  const contents = await Promise.all(
    listed.map((name) => fetchAppFile(new URL(name, base), "bytes")));
  paths.forEach((path, i) => {
    files[path] = contents[i];
  });
  return { files, entry, base };
}

/**
 * @overload
 * @param {URL} url
 * @param {"text"} as
 * @returns {Promise<string>}
 */
/**
 * @overload
 * @param {URL} url
 * @param {"bytes"} as
 * @returns {Promise<Uint8Array>}
 */
/**
 * @param {URL} url
 * @param {"text" | "bytes"} as
 * @returns {Promise<string | Uint8Array>}
 */
async function fetchAppFile(url, as) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new AppSourceError(`Fetching the app file ${url.href} failed (${error}). ` +
      "Check the src and files attributes of <lite-app> and that the page is " +
      "served over HTTP.");
  }
  if (!response.ok) {
    throw new AppSourceError(`The app file ${url.href} could not be loaded: the ` +
      `server answered ${response.status} ${response.statusText}. ` +
      "Check the src and files attributes of <lite-app>.");
  }
  return as === "text" ? response.text() : new Uint8Array(await response.arrayBuffer());
}

// Helpers that turn what the page gives <lite-app> into the app's files.

/**
 * Removes the indentation that every non-blank line shares, and the blank
 * lines at the start and end, so Python code can sit indented inside HTML.
 * @param {string} text
 * @returns {string}
 */
export function dedent(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length && lines[0].trim() === "") lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();

  let common = null;
  for (const line of lines) {
    if (line.trim() === "") continue;
    const indent = /** @type {string} */ (line.match(/^[ \t]*/)?.[0]);
    if (common === null || !indent.startsWith(common)) {
      common = commonPrefix(common ?? indent, indent);
    }
  }
  const width = common ? common.length : 0;
  const body = lines.map((line) => (line.trim() === "" ? "" : line.slice(width)));
  return body.length ? body.join("\n") + "\n" : "";
}

/**
 * @param {string} a
 * @param {string} b
 */
function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * Returns the file name an app fetched from `url` gets in the worker's file
 * system: the last path segment, or "app.py" when the URL ends in a slash.
 * @param {URL} url
 * @returns {string}
 */
export function entryName(url) {
  const segment = decodeURIComponent(url.pathname.split("/").pop() ?? "");
  return segment && segment !== "." && segment !== ".." ? segment : "app.py";
}

/**
 * Makes a directory URL end in a slash, so relative URLs resolve inside it.
 * @param {string | URL} url
 * @param {string | URL} base
 * @returns {string}
 */
export function directoryUrl(url, base) {
  const resolved = new URL(url, base);
  if (!resolved.pathname.endsWith("/")) resolved.pathname += "/";
  return resolved.href;
}

// Characters that continue a requirement across a separator: a version
// operator (`foo >= 1.0`), an extra (`foo [cli]`) or a direct URL (`foo @ URL`).
const CONTINUES = /^[<>=!~@[]/;
const OPEN_ENDED = /[<>=!~@]$/;

/**
 * Splits the `requirements` attribute into PEP 508 requirements.
 *
 * Requirements are separated by spaces, commas or new lines, and `#` starts a
 * comment that runs to the end of the line. Separators inside a requirement
 * are kept where they belong: `foo >= 1, < 2` is the one requirement
 * `foo>=1,<2`, and `foo[a, b]` keeps its extras. An environment marker
 * (`; python_version < "3.14"`) runs to the end of its line.
 * @param {string} text
 * @returns {string[]}
 */
export function parseRequirements(text) {
  /** @type {string[]} */
  const requirements = [];
  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.replace(/(^|\s)#.*$/, "");
    const markerAt = line.indexOf(";");
    const body = markerAt === -1 ? line : line.slice(0, markerAt);
    const pieces = splitTopLevel(body);
    if (markerAt !== -1) {
      const marker = line.slice(markerAt + 1).trim();
      const last = pieces.pop();
      if (last) pieces.push({ ...last, text: `${last.text}; ${marker}` });
    }
    for (const piece of pieces) {
      const previous = requirements.length ? requirements[requirements.length - 1] : null;
      const joins = previous !== null && piece.continuesLine &&
        (CONTINUES.test(piece.text) || OPEN_ENDED.test(previous));
      if (joins) {
        requirements[requirements.length - 1] = previous + (piece.afterComma ? "," : "") +
          piece.text;
      } else {
        requirements.push(piece.text);
      }
    }
  }
  return requirements;
}

/**
 * Splits one line at spaces and commas outside square brackets.
 * @param {string} line
 * @returns {{text: string, afterComma: boolean, continuesLine: boolean}[]}
 */
function splitTopLevel(line) {
  const pieces = [];
  let current = "";
  let depth = 0;
  let afterComma = false;
  for (const char of line) {
    if (char === "[") depth++;
    if (char === "]") depth = Math.max(0, depth - 1);
    const separates = depth === 0 && (char === "," || /\s/.test(char));
    if (!separates) {
      if (depth > 0 && /\s/.test(char)) continue;
      current += char;
      continue;
    }
    if (current) {
      pieces.push({ text: current, afterComma, continuesLine: pieces.length > 0 });
      current = "";
      afterComma = false;
    }
    if (char === ",") afterComma = true;
  }
  if (current) pieces.push({ text: current, afterComma, continuesLine: pieces.length > 0 });
  return pieces;
}

/**
 * Splits the `files` attribute into its entries: URLs relative to the app,
 * separated by white space. A space inside a name is written `%20`.
 * @param {string} text
 * @returns {string[]}
 */
export function parseFileList(text) {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Returns the path an app file gets inside the app folder, or null when the
 * name does not stay inside it: an absolute path, a URL with a scheme, `..`,
 * or a name that decodes to nothing.
 * @param {string} name a relative URL path, percent-encoded or not
 * @returns {string | null}
 */
export function appFilePath(name) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(name) || name.startsWith("/") || name.includes("\\")) {
    return null;
  }
  let decoded;
  try {
    decoded = decodeURIComponent(name.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  const parts = decoded.split("/").filter((part) => part && part !== ".");
  if (parts.length === 0 || parts.includes("..")) return null;
  return parts.join("/");
}

/** A URL with a scheme, such as `https:` or `emfs:`. */
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves a requirement that names a wheel by a relative URL against `base`,
 * so that `wheels/foo-1.0-py3-none-any.whl` is found next to the app and not
 * next to the worker script. Other requirements are returned as they are.
 * @param {string} requirement
 * @param {string | URL} base
 * @returns {string}
 */
export function resolveRequirement(requirement, base) {
  if (!requirement.endsWith(".whl") || ABSOLUTE_URL.test(requirement)) return requirement;
  return new URL(requirement, base).href;
}

/**
 * Resolves a package index URL against `base`, keeping micropip's
 * `{package_name}` placeholder, which URL parsing would percent-encode.
 * `PYPI` is micropip's name for the default index and is kept too.
 * @param {string} url
 * @param {string | URL} base
 * @returns {string}
 */
export function resolveIndexUrl(url, base) {
  if (url === "PYPI") return url;
  return new URL(url, base).href.replaceAll("%7Bpackage_name%7D", "{package_name}");
}

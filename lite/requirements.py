"""Install an app's requirements with micropip before the app starts.

The worker calls :func:`install` after it has loaded micropip. Each requirement is
installed on its own, so the page can show which one is being installed and, when one
fails, which one it was and why. micropip can finish without an error and still leave a
package out (Pyodide prints "Failed to load X" for a package of its lock file whose
file is missing and carries on), so every requirement is checked afterwards.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import re
import traceback
from collections.abc import Callable
from typing import Any

__all__ = ["install", "installed_name"]

Report = Callable[[str, int, int], None]

# A project name as PEP 508 spells it, at the start of a requirement.
PROJECT_NAME = re.compile(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")


async def install(request_json: str, report: Report) -> str | None:
    """Install the requirements of ``request_json`` one after the other.

    Args:
        request_json: a JSON object with ``requirements``, a list of PEP 508
            requirements or wheel URLs, and ``indexUrls``, a list of package index
            URLs. An empty or missing ``indexUrls`` means micropip's default, PyPI.
        report: called as ``report(requirement, index, count)`` before each
            requirement is installed.

    Returns:
        None when every requirement is installed. Otherwise a JSON object with
        ``requirement`` (the one that failed), ``message`` (why) and ``traceback``
        (the Python traceback, or null).
    """
    request = json.loads(request_json)
    requirements: list[str] = list(request["requirements"])
    index_urls: list[str] = list(request.get("indexUrls") or [])
    import micropip  # type: ignore[import-not-found]

    for index, requirement in enumerate(requirements):
        report(requirement, index, len(requirements))
        try:
            await micropip.install(requirement, index_urls=index_urls or None)
        except Exception as error:
            message = f"{_describe(error)} {_index_note(index_urls)}"
            return _failure(requirement, message, traceback.format_exc())
        name = installed_name(requirement)
        if name is not None and not _is_installed(name):
            message = (
                f"micropip reported no error, but no package named {name!r} is "
                f"installed. {_index_note(index_urls)} If it is one of Pyodide's own "
                "packages, this copy of the runtime lacks its file: load Pyodide from "
                "its CDN (lite build --pyodide-cdn, or the pyodide-url attribute)."
            )
            return _failure(requirement, message, None)
    return None


def installed_name(requirement: str) -> str | None:
    """Return the distribution name that installing ``requirement`` should add.

    Returns:
        The project name of a PEP 508 requirement or of a wheel file name. None
        when nothing should be installed because an environment marker is false
        here, or when the requirement has no recognizable name.
    """
    text = requirement.strip()
    path = text.split("#", 1)[0].split("?", 1)[0]
    if path.endswith(".whl"):
        # A wheel file name starts with the project name and a dash (PEP 427).
        return path.rsplit("/", 1)[-1].split("-", 1)[0] or None
    name, _, marker = text.partition(";")
    if marker.strip() and not _marker_applies(text):
        return None
    match = PROJECT_NAME.match(name)
    return match.group(1) if match else None


def _marker_applies(requirement: str) -> bool:
    try:
        from packaging.requirements import InvalidRequirement, Requirement
    except ImportError:
        # Without packaging, micropip's decision cannot be checked.
        return False
    try:
        marker = Requirement(requirement).marker
    except InvalidRequirement:
        return False
    return marker is None or bool(marker.evaluate())


def _is_installed(name: str) -> bool:
    importlib.invalidate_caches()
    try:
        importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def _describe(error: BaseException) -> str:
    """Return the error's text on one line, ending as a sentence."""
    text = " ".join(str(error).split())
    if not isinstance(error, ValueError) or not text:
        text = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _index_note(index_urls: list[str]) -> str:
    if not index_urls:
        return "Package index: Pyodide's own packages, then PyPI (the default)."
    return f"Package index: {', '.join(index_urls)}."


def _failure(requirement: str, message: str, trace: str | None) -> str:
    failure: dict[str, Any] = {
        "requirement": requirement,
        "message": message,
        "traceback": trace,
    }
    return json.dumps(failure)

"""The guide's own mixer on a Pyodide copy without numpy: it starts, and Merge says
what is missing and what to do, instead of failing silently."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect
from wavs import write_tone

OpenApp = Callable[[str | Path], Page]


def test_verbatim_mixer_names_missing_numpy(open_app: OpenApp, tmp_path: Path):
    page = open_app("examples/audio_mixer.py")
    page.get_by_label("Track 0", exact=True).set_input_files(
        write_tone(tmp_path / "a.wav", 440, 0.25))
    expect(page.locator("lite-app audio")).to_have_count(1)
    page.get_by_role("button", name="Merge Tracks").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("No module named 'numpy'")
    expect(alert).to_contain_text("pyodide-url")
    expect(page.get_by_role("button", name="Add Track")).to_be_enabled()

"""The audio mixer in Chromium, with WAV files uploaded as a person would.

These tests run examples/audio_mixer_wave.py, not the guide's examples/audio_mixer.py:
the guide's mixer needs numpy to merge, and the Pyodide files this project serves do
not include numpy (test_audio_mixer_numpy.py checks that it says so). The wave
version receives each track
as a WAV file path and mixes with the standard library, counting each track once
and trimming the mix to the shortest track.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect
from wavs import read_wav, tone_samples, write_tone

OpenApp = Callable[[str | Path], Page]

APP = "examples/audio_mixer_wave.py"
RATE = 16000
UPLOAD_PROMPT = "Drop Audio Here - or - Click to Upload"

READ_PLAYER_BYTES = """async (player) => {
  const response = await fetch(player.src);
  return Array.from(new Uint8Array(await response.arrayBuffer()));
}"""


def track(page: Page, number: int) -> Locator:
    """Return Track ``number``, which is its file input while empty and its player
    once loaded."""
    return page.get_by_label(f"Track {number}", exact=True)


def audio_block(page: Page, label: str) -> Locator:
    """Return the whole audio component whose label shows ``label``."""
    return page.locator(".lite-audio").filter(
        has=page.get_by_text(label, exact=True)
    )


def error_mark(page: Page, label: str) -> Locator:
    """Return the "Error" mark shown over the audio component labelled ``label``."""
    return audio_block(page, label).get_by_text("Error", exact=True)


def output_player(page: Page) -> Locator:
    return page.get_by_label("Output", exact=True)


def players(page: Page) -> Locator:
    return page.locator("lite-app audio")


def add_track(page: Page, new_count: int) -> None:
    page.get_by_role("button", name="Add Track").click()
    expect(page.get_by_text(f"Track {new_count - 1}", exact=True)).to_be_visible()
    expect(page.get_by_role("slider", name="Volume")).to_have_count(new_count)


def upload(page: Page, number: int, path: Path, seconds: float) -> None:
    """Upload ``path`` to Track ``number`` and wait until its player has loaded it."""
    track(page, number).set_input_files(path)
    player = audio_block(page, f"Track {number}").locator("audio")
    expect(player).to_have_js_property("duration", seconds)


def merge(page: Page) -> None:
    page.get_by_role("button", name="Merge Tracks").click()


def output_samples(page: Page) -> tuple[int, int, list[int]]:
    """Return the sample rate, channels and samples of the Output player's WAV."""
    data = bytes(output_player(page).evaluate(READ_PLAYER_BYTES))
    rate, channels, samples = read_wav(data)
    return rate, channels, list(samples)


def test_mixer_opens_with_one_track(open_app: OpenApp) -> None:
    page = open_app(APP)

    expect(page.get_by_placeholder("Track Name")).to_have_count(1)
    expect(page.get_by_text("Track 0", exact=True)).to_be_visible()
    expect(audio_block(page, "Track 0").get_by_text(UPLOAD_PROMPT)).to_be_visible()
    volume = page.get_by_role("slider", name="Volume")
    expect(volume).to_have_value("100")
    expect(volume).to_be_enabled()
    expect(page.get_by_role("button", name="Merge Tracks")).to_be_visible()
    expect(page.get_by_text("Output", exact=True)).to_be_visible()
    expect(players(page)).to_have_count(0)


def test_mixer_merges_two_tracks(open_app: OpenApp, tmp_path: Path) -> None:
    page = open_app(APP)
    first = write_tone(tmp_path / "first.wav", 440, 0.5)
    second = write_tone(tmp_path / "second.wav", 660, 0.25)
    add_track(page, 2)
    names = page.get_by_placeholder("Track Name")
    names.nth(0).fill("left")
    names.nth(1).fill("right")

    upload(page, 0, first, 0.5)
    upload(page, 1, second, 0.25)
    volume = page.get_by_role("slider", name="Volume").nth(1)
    volume.fill("50")
    expect(volume).to_have_value("50")
    merge(page)

    output = output_player(page)
    expect(output).to_have_js_property("duration", 0.25)
    expect(error_mark(page, "Output")).to_have_count(0)
    rate, channels, mixed = output_samples(page)
    assert rate == RATE
    assert channels == 1
    assert len(mixed) == 4000
    first_tone, second_tone = tone_samples(440, 0.5), tone_samples(660, 0.25)
    expected = [first_tone[i] + int(second_tone[i] * 0.5) for i in range(4000)]
    assert mixed == expected
    expect(names.nth(0)).to_have_value("left")
    expect(names.nth(1)).to_have_value("right")


def test_mixer_add_track_keeps_first_track(open_app: OpenApp, tmp_path: Path) -> None:
    page = open_app(APP)
    first = write_tone(tmp_path / "first.wav", 440, 0.5)
    page.get_by_placeholder("Track Name").fill("left")
    upload(page, 0, first, 0.5)
    volume = page.get_by_role("slider", name="Volume")
    volume.fill("30")
    player = audio_block(page, "Track 0").locator("audio")
    player.evaluate("(element) => { element.liteTestTag = 'track 0'; }")

    add_track(page, 2)

    expect(track(page, 0)).to_have_js_property("duration", 0.5)
    assert player.evaluate("(element) => element.liteTestTag ?? null") == "track 0"
    expect(page.get_by_placeholder("Track Name").nth(0)).to_have_value("left")
    expect(page.get_by_placeholder("Track Name").nth(1)).to_have_value("")
    expect(volume.nth(0)).to_have_value("30")
    expect(volume.nth(1)).to_have_value("100")
    expect(audio_block(page, "Track 1").get_by_text(UPLOAD_PROMPT)).to_be_visible()
    expect(players(page)).to_have_count(1)


def test_mixer_rejects_unreadable_files(open_app: OpenApp, tmp_path: Path) -> None:
    page = open_app(APP)
    not_audio = tmp_path / "notes.wav"
    not_audio.write_text("These are notes, not audio.\n")
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    error = audio_block(page, "Track 0").get_by_role("alert")

    track(page, 0).set_input_files(not_audio)
    expect(error).to_be_visible()
    expect(error).to_contain_text("notes.wav")
    expect(error).to_contain_text(re.compile("not an audio file|could not be read"))
    expect(players(page)).to_have_count(0)

    track(page, 0).set_input_files(empty)
    expect(error).to_contain_text("empty.wav")
    expect(error).to_contain_text("empty")
    expect(players(page)).to_have_count(0)

    upload(page, 0, write_tone(tmp_path / "tone.wav", 440, 0.25), 0.25)
    expect(error).to_be_hidden()
    merge(page)
    expect(output_player(page)).to_have_js_property("duration", 0.25)


def test_mixer_mono_and_stereo_error(open_app: OpenApp, tmp_path: Path) -> None:
    page = open_app(APP)
    add_track(page, 2)
    upload(page, 0, write_tone(tmp_path / "mono.wav", 440, 0.25), 0.25)
    upload(page, 1, write_tone(tmp_path / "stereo.wav", 440, 0.25, channels=2), 0.25)

    merge(page)

    notice = page.get_by_role("alert").filter(
        has_text="Mono and stereo tracks cannot be mixed"
    )
    expect(notice).to_be_visible()
    expect(error_mark(page, "Output")).to_be_visible()
    expect(players(page)).to_have_count(2)

    # The app still works, so with two mono tracks the merge succeeds.
    audio_block(page, "Track 1").get_by_role("button", name="Clear audio").click()
    expect(audio_block(page, "Track 1").get_by_text(UPLOAD_PROMPT)).to_be_visible()
    upload(page, 1, write_tone(tmp_path / "mono2.wav", 660, 0.25), 0.25)
    merge(page)
    expect(output_player(page)).to_have_js_property("duration", 0.25)
    expect(error_mark(page, "Output")).to_have_count(0)


def test_mixer_missing_track_error(open_app: OpenApp, tmp_path: Path) -> None:
    page = open_app(APP)
    upload(page, 0, write_tone(tmp_path / "tone.wav", 440, 0.25), 0.25)
    merge(page)
    output = output_player(page)
    expect(output).to_have_js_property("duration", 0.25)
    add_track(page, 2)

    merge(page)

    notice = page.get_by_role("alert").filter(has_text="Track 1 has no audio")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Upload a WAV file or remove the track.")
    expect(error_mark(page, "Output")).to_be_visible()
    # The failed merge leaves the previous output in place.
    expect(output).to_have_js_property("duration", 0.25)
    expect(players(page)).to_have_count(2)

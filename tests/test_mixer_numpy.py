"""The audio mixer example, verbatim, with numpy: Gradio's arithmetic to the bit.

numpy for Pyodide is not available on these machines, so this file runs under
CPython only; the browser tests use a mixer written with the standard library.
"""

from __future__ import annotations

import numpy as np

from lite.testing import TestClient


def tone(freq: float, seconds: float, rate: int = 16000) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (np.sin(2 * np.pi * freq * t) * 8192).astype(np.int16)


def pcm(samples: np.ndarray, rate: int = 16000) -> dict:
    return {"sample_rate": rate, "channels": 1, "pcm": samples.astype("<i2").tobytes()}


def output_samples(client: TestClient) -> np.ndarray:
    value = client.get("audio", label="Output").props["value"]
    return np.frombuffer(value["pcm"], dtype="<i2")


def normalised(mix: np.ndarray) -> np.ndarray:
    return (32767 * mix / np.abs(mix).max()).astype(np.int16)


def test_mixer_volume_is_enabled(example):
    client = example("audio_mixer")
    assert client.get("slider", label="Volume").props["interactive"] is True
    assert client.get("audio", label="Track 0").props["interactive"] is True
    assert client.get("audio", label="Output").props["interactive"] is False


def test_mixer_merges_two_tracks_bit_exact(example):
    client = example("audio_mixer")
    client.click(client.get("button", value="Add Track"))
    a, b = tone(440, 1.0), tone(660, 1.0)
    client.set(client.get("audio", label="Track 0"), pcm(a))
    client.set(client.get("audio", label="Track 1"), pcm(b))
    client.set(client.find("slider", label="Volume")[1], 50)
    client.click(client.get("button", value="Merge Tracks"))
    got = output_samples(client)
    assert len(got) == 16000
    assert got.max() == 32767
    assert np.array_equal(got, normalised(2 * a * 1.0 + b * 0.5))


def test_mixer_add_track_keeps_audio(example):
    client = example("audio_mixer")
    client.set(client.get("audio", label="Track 0"), pcm(tone(440, 0.1)))
    client.type(client.find("textbox")[0], "left")
    client.set(client.get("slider", label="Volume"), 30)
    client.click(client.get("button", value="Add Track"))
    assert client.get("audio", label="Track 0").props["value"] is not None
    assert client.find("textbox")[0].props["value"] == "left"
    assert client.find("slider", label="Volume")[0].props["value"] == 30
    assert client.get("audio", label="Track 1").props["value"] is None


def test_mixer_missing_track_is_error(example):
    client = example("audio_mixer")
    client.click(client.get("button", value="Add Track"))
    client.set(client.get("audio", label="Track 0"), pcm(tone(440, 0.1)))
    client.click(client.get("button", value="Merge Tracks"))
    output = client.get("audio", label="Output")
    assert output.props["value"] is None
    assert output.props["error"].startswith("TypeError: cannot unpack")


def test_mixer_shorter_later_track_fails(example):
    client = example("audio_mixer")
    client.click(client.get("button", value="Add Track"))
    client.set(client.get("audio", label="Track 0"), pcm(tone(440, 1.0)))
    client.set(client.get("audio", label="Track 1"), pcm(tone(880, 0.5)))
    client.click(client.get("button", value="Merge Tracks"))
    assert "could not be broadcast" in client.get("audio", label="Output").props["error"]


def test_mixer_longer_later_track_truncates(example):
    client = example("audio_mixer")
    client.click(client.get("button", value="Add Track"))
    c, a = tone(880, 0.5), tone(440, 1.0)
    client.set(client.get("audio", label="Track 0"), pcm(c))
    client.set(client.get("audio", label="Track 1"), pcm(a))
    client.click(client.get("button", value="Merge Tracks"))
    got = output_samples(client)
    assert len(got) == 8000
    assert np.array_equal(got, normalised(2 * c * 1.0 + a[:8000] * 1.0))


def test_mixer_single_track_renormalised(example):
    client = example("audio_mixer")
    a = tone(440, 1.0)
    client.set(client.get("audio", label="Track 0"), pcm(a))
    client.click(client.get("button", value="Merge Tracks"))
    got = output_samples(client)
    assert got.max() == 32767
    assert np.array_equal(got, normalised(a * 1.0))


def test_mixer_asks_worker_for_numpy(example):
    client = example("audio_mixer")
    assert client.session.packages() == ["numpy"]


def test_wave_mixer_needs_no_packages(example):
    client = example("audio_mixer_wave")
    assert client.session.packages() == []

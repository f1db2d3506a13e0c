"""The standard-library mixer that the browser tests use."""

from __future__ import annotations

import math
import sys
from array import array

from lite.testing import TestClient


def tone(freq: float, seconds: float, rate: int = 16000, channels: int = 1) -> dict:
    frames = int(rate * seconds)
    samples = array("h", (int(8192 * math.sin(2 * math.pi * freq * i / rate))
                          for i in range(frames) for _ in range(channels)))
    if sys.byteorder == "big":
        samples.byteswap()
    return {"sample_rate": rate, "channels": channels, "pcm": samples.tobytes()}


def samples(pcm: bytes) -> array:
    values = array("h", pcm)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def test_wave_mixer_mixes_with_volume(example):
    client = example("audio_mixer_wave")
    client.click(client.get("button", value="Add Track"))
    a, b = tone(440, 0.5), tone(660, 0.25)
    client.set(client.get("audio", label="Track 0"), a)
    client.set(client.get("audio", label="Track 1"), b)
    client.set(client.find("slider", label="Volume")[1], 50)
    client.click(client.get("button", value="Merge Tracks"))
    out = client.get("audio", label="Output").props["value"]
    assert (out["sample_rate"], out["channels"]) == (16000, 1)
    mixed = samples(out["pcm"])
    assert len(mixed) == 4000
    first, second = samples(a["pcm"]), samples(b["pcm"])
    assert all(mixed[i] == first[i] + int(second[i] * 0.5) for i in range(4000))


def test_wave_mixer_missing_track_message(example):
    client = example("audio_mixer_wave")
    client.click(client.get("button", value="Add Track"))
    client.set(client.get("audio", label="Track 0"), tone(440, 0.1))
    client.click(client.get("button", value="Merge Tracks"))
    assert client.notices[-1].message == \
        "Track 1 has no audio. Upload a WAV file or remove the track."
    assert client.get("audio", label="Output").props["error"]


def test_wave_mixer_mono_and_stereo_rejected(example):
    client = example("audio_mixer_wave")
    client.click(client.get("button", value="Add Track"))
    client.set(client.get("audio", label="Track 0"), tone(440, 0.1))
    client.set(client.get("audio", label="Track 1"), tone(440, 0.1, channels=2))
    client.click(client.get("button", value="Merge Tracks"))
    assert "Mono and stereo" in client.notices[-1].message
    client.set(client.get("audio", label="Track 1"), tone(440, 0.1))
    client.click(client.get("button", value="Merge Tracks"))
    assert client.get("audio", label="Output").props["value"] is not None

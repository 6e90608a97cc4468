"""Shipped profiles carry the style guides' figures; custom TOML profiles extend them."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from subtools.check import Profile, available_profiles, load_profile, parse_fps
from subtools.errors import InputError


def test_shipped_profiles() -> None:
    assert available_profiles() == ["bbc", "netflix-en", "netflix-ru"]
    en, ru, bbc = (load_profile(n) for n in ("netflix-en", "netflix-ru", "bbc"))

    def limits(p: Profile) -> tuple[object, ...]:
        return (
            p.max_chars_per_line,
            p.max_lines,
            p.max_cps,
            p.min_duration_ms,
            p.max_duration_ms,
            p.min_gap_frames,
            p.fps,
            p.max_wpm,
            p.language,
        )

    assert limits(en) == (42, 2, 20.0, 833, 7000, 2.0, Fraction(25), None, "en")
    assert limits(ru) == (39, 2, 17.0, 833, 7000, 2.0, Fraction(25), None, "ru")
    assert limits(bbc) == (37, 2, 16.4, 833, 7000, 2.0, Fraction(25), 180.0, "en")
    assert en.min_gap_ms == 80


def test_bbc_cps_is_its_wpm_times_measured_characters_per_word() -> None:
    # 180 words/minute * 5.45 characters/word (measured, see docs/check.md) / 60 s
    assert round(180 * 5.45 / 60, 1) == load_profile("bbc").max_cps


def test_custom_profile_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(
        'extends = "netflix-en"\n[limits]\nmax_cps = 15\nfps = "23.976"\n'
        '[rules]\nline-break = "error"\nuntranslated = "off"\n',
        encoding="utf-8",
    )
    p = load_profile(path)
    assert (p.name, p.max_cps, p.max_chars_per_line, p.fps) == (
        "house",
        15.0,
        42,
        Fraction(24000, 1001),
    )
    assert p.severity("line-break", "warning") == "error"
    assert p.severity("untranslated", "warning") is None
    assert p.severity("reading-speed", "error") == "error"
    assert p.min_gap_ms == 83


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[limits]\nmax_lines = 2\n", "profile lacks a limit"),
        ('extends = "netflix-en"\ncolour = 1\n', "unknown profile key"),
        ('extends = "netflix-en"\n[limits]\nmax_lines = "two"\n', "limit max_lines must be"),
        ('extends = "netflix-en"\n[limits]\nspeed = 3\n', "unknown limit"),
        # more lines than any guide allows makes line breaking search explode
        (
            'extends = "netflix-en"\n[limits]\nmax_lines = 40\n',
            r"max_lines must be at most 4 \(40\)",
        ),
        ('extends = "netflix-en"\n[rules]\nspelling = "error"\n', "unknown rule"),
        ('extends = "netflix-en"\n[rules]\nempty = "fatal"\n', "rule empty must be"),
        ('extends = "nope"\n', "unknown profile"),
        ("name = \n", "bad TOML"),
        # fix would crash on nan (int(nan)); inf lets everything through
        ('extends = "netflix-en"\n[limits]\nmax_cps = nan\n', "limit max_cps must be a finite"),
        ('extends = "netflix-en"\n[limits]\nmax_cps = inf\n', "limit max_cps must be a finite"),
        (
            'extends = "netflix-en"\n[limits]\nmin_duration_ms = 9000\n',
            r"min_duration_ms \(9000\) is above max_duration_ms \(7000\)",
        ),
    ],
)
def test_bad_profiles_are_input_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_profile(path)


def test_profile_extending_itself(tmp_path: Path) -> None:
    path = tmp_path / "loop.toml"
    path.write_text('extends = "loop.toml"\n', encoding="utf-8")
    with pytest.raises(InputError, match="extends itself"):
        load_profile(path)


def test_unknown_names() -> None:
    with pytest.raises(InputError, match=r"unknown profile.*bbc, netflix-en, netflix-ru"):
        load_profile("netflix-fr")
    with pytest.raises(InputError, match="profile file not found"):
        load_profile("missing.toml")


def test_parse_fps() -> None:
    assert parse_fps("25") == Fraction(25)
    assert parse_fps("23.976") == Fraction(24000, 1001)
    assert parse_fps("29.97") == Fraction(30000, 1001)
    assert parse_fps("30000/1001") == Fraction(30000, 1001)
    assert parse_fps("24.5") == Fraction(49, 2)
    for bad in ("fast", "0", "1/0", "-25"):
        with pytest.raises(InputError):
            parse_fps(bad)

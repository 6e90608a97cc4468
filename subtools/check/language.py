"""Language rules: a cue left untranslated, a track in another language than the profile's.

langdetect costs about a millisecond per call, so these rules are the slow part of
a check; they judge only cues with at least ``subtools.lang.MIN_CHARS`` letters.

langdetect confuses related languages on caption-sized text (measured on the
corpus: 11% of 20-29-letter Russian cues read as bg/mk, 4% of English ones as
da/fr/nl...). A verdict is therefore trusted only with corroboration:
- the cue is mostly in another script than the track (Latin in a Cyrillic track);
- same-script Cyrillic: the cue has letters the detected language uses and the
  track's language does not (і/ї/є/ґ for Ukrainian, ы/э/ё for Russian), and none
  of the track language's own letters;
- any other same-script pair: the cue has at least ``SAME_SCRIPT_LETTERS`` letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..lang import MIN_CHARS, detect_language
from ..model import Track
from .findings import Finding, Severity
from .profiles import Profile
from .text import plain

__all__ = ["OWN_LETTERS", "SAME_SCRIPT_LETTERS", "script_of", "track_language", "untranslated"]

SAME_SCRIPT_LETTERS = 40
# Letters a Cyrillic language has and its neighbours lack (lower case).
OWN_LETTERS: dict[str, str] = {
    "ru": "ыэё",
    "uk": "іїєґ",
    "be": "ўі",
    "sr": "јљњћђџ",
    "mk": "ѓќѕјљњџ",
    "bg": "",
}
_LETTER = re.compile(r"[^\W\d_]")


def script_of(text: str) -> str | None:
    """The script most letters of ``text`` are written in (``CYRILLIC``, ``LATIN``...)."""
    counts = Counter(unicodedata.name(ch, "?").split(" ")[0] for ch in _LETTER.findall(text))
    return counts.most_common(1)[0][0] if counts else None


def _corroborated(text: str, code: str, expected: str, track_script: str | None) -> bool:
    letters = _LETTER.findall(plain(text).lower())
    script = script_of("".join(letters))
    if script != track_script:
        return True
    if script == "CYRILLIC":
        own, theirs = OWN_LETTERS.get(expected, ""), OWN_LETTERS.get(code, "")
        return any(ch in theirs for ch in letters) and not any(ch in own for ch in letters)
    return len(letters) >= SAME_SCRIPT_LETTERS


def untranslated(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    expected = track.language
    if not expected:
        return []  # the track's own language is unknown: nothing to compare with
    track_script = script_of(plain(track.text[:20_000]))
    out = []
    for n, c in enumerate(track.cues, 1):
        if len(c.text) < MIN_CHARS:
            continue  # cannot hold enough letters; skips the detector's cost
        code = detect_language(c.text)
        if (
            code is not None
            and code != expected
            and _corroborated(c.text, code, expected, track_script)
        ):
            out.append(
                Finding(
                    n,
                    "untranslated",
                    sev,
                    f"reads as {code}, the track is {expected}",
                    code,
                    expected,
                )
            )
    return out


def track_language(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    if p.language and track.language and track.language != p.language:
        return [
            Finding(
                None,
                "track-language",
                sev,
                f"the track is in {track.language}, profile {p.name} expects {p.language}",
                track.language,
                p.language,
            )
        ]
    return []

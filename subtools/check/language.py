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
- any other same-script pair: the cue has at least ``SAME_SCRIPT_LETTERS`` letters
  and fewer than two of the track language's function words (``the``, ``and``...).
The corroboration tests are cheap and run first, so langdetect is asked only
about cues whose verdict could count: that keeps the rule fast on long files.
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

__all__ = [
    "FUNCTION_WORDS",
    "LANGUAGE_SCRIPTS",
    "OWN_LETTERS",
    "SAME_SCRIPT_LETTERS",
    "SCRIPT_LANGUAGES",
    "script_of",
    "track_language",
    "untranslated",
]

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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Frequent function words: a cue holding two of its language's is in that language
# (at least partly), so langdetect need not be asked. Only for the same-script case.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the a an to of and in is it you that we i for on with this be are was not "
        "have my me your he she they our us"
    ),
}
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_SCRIPTS = (
    ("LATIN", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("CYRILLIC", re.compile(r"[\u0400-\u052f]")),
    ("GREEK", re.compile(r"[\u0370-\u03ff]")),
)


# The script a language is written in, when it has one: the track's own script must
# come from its language, not from its letters, or a half-untranslated track (more
# English than Russian) would make its English cues look like the norm.
_LATIN = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "ro")
_LATIN_MORE = ("hu", "fi", "sv", "da", "no", "nb", "et", "lv", "lt", "tr", "id", "ca")
_CYRILLIC = ("ru", "uk", "be", "bg", "mk", "kk", "ky", "tg", "mn")
LANGUAGE_SCRIPTS: dict[str, str] = {
    **dict.fromkeys(_CYRILLIC, "CYRILLIC"),
    **dict.fromkeys(_LATIN + _LATIN_MORE, "LATIN"),
    "el": "GREEK",
}
SCRIPT_LANGUAGES: dict[str, frozenset[str]] = {
    script: frozenset(code for code, s in LANGUAGE_SCRIPTS.items() if s == script)
    for script in set(LANGUAGE_SCRIPTS.values())
}


def script_of(text: str) -> str | None:
    """The script most letters of ``text`` are written in (``CYRILLIC``, ``LATIN``...)."""
    if text.isascii():  # most cues of a Latin track: no need to count
        return "LATIN" if any(ch.isalpha() for ch in text) else None
    counts = Counter({name: len(rx.findall(text)) for name, rx in _SCRIPTS})
    letters = _LETTER.findall(text)
    if sum(counts.values()) * 2 < len(letters):  # mostly another script: name it exactly
        counts = Counter(unicodedata.name(ch, "?").split(" ")[0] for ch in letters)
    name, count = counts.most_common(1)[0] if counts else (None, 0)
    return name if count else None


def _script_letters(lower: str, script: str | None) -> int:
    rx = dict(_SCRIPTS).get(script or "")
    return len(rx.findall(lower)) if rx is not None else 0


def _confirmed_words(cue_words: list[list[str]], expected: str) -> frozenset[str]:
    """Words of the cues that hold two of ``expected``'s function words: the track's
    own vocabulary, so a cue made of them is in the track's language."""
    common = FUNCTION_WORDS.get(expected)
    if common is None:
        return frozenset()
    vocabulary: set[str] = set()
    for words in cue_words:
        if sum(w in common for w in words) >= 2:
            vocabulary.update(words)
    return frozenset(vocabulary)


def _worth_asking(
    lower: str,
    words: list[str],
    expected: str,
    track_script: str | None,
    confirmed: frozenset[str] = frozenset(),
) -> bool:
    """Whether langdetect's verdict on this cue (its visible text in lower case, and
    its words) could be trusted (see the module doc); cheap, so most cues never
    reach the detector."""
    if script_of(lower) != track_script:
        # A cue a third of whose letters are in the track's script is translated,
        # even if it quotes a longer name or button label in another script
        # ("Нажимаем кнопку - Create new Sprite.").
        letters = len(_LETTER.findall(lower))
        return _script_letters(lower, track_script) * 3 < letters
    if track_script == "CYRILLIC":
        own = OWN_LETTERS.get(expected, "")
        foreign = {
            ch for code, letters in OWN_LETTERS.items() if code != expected for ch in letters
        }
        return any(ch in foreign for ch in lower) and not any(ch in own for ch in lower)
    if len(lower) < SAME_SCRIPT_LETTERS or len(_LETTER.findall(lower)) < SAME_SCRIPT_LETTERS:
        return False
    if confirmed and sum(w in confirmed for w in words) * 5 >= len(words) * 4:
        return False  # four words in five are the track's own
    common = FUNCTION_WORDS.get(expected)
    return common is None or sum(w in common for w in words) < 2


def _corroborated(text: str, code: str, expected: str, track_script: str | None) -> bool:
    lower = plain(text).lower()
    if script_of(lower) != track_script:
        return True
    if track_script == "CYRILLIC":
        return any(ch in OWN_LETTERS.get(code, "") for ch in lower)
    return True  # the length and function-word tests were made before asking


def untranslated(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    expected = track.language
    if not expected:
        return []  # the track's own language is unknown: nothing to compare with
    track_script = LANGUAGE_SCRIPTS.get(expected) or script_of(plain(track.text[:20_000]))
    lowered = [plain(c.text).lower() for c in track.cues]
    cue_words = [_WORD.findall(lower) for lower in lowered]
    confirmed: frozenset[str] = frozenset()
    if track_script != "CYRILLIC":
        confirmed = _confirmed_words(cue_words, expected)
    out = []
    for n, (c, lower, words) in enumerate(zip(track.cues, lowered, cue_words, strict=True), 1):
        if len(c.text) < MIN_CHARS or not _worth_asking(
            lower, words, expected, track_script, confirmed
        ):
            continue
        # Only languages written in the cue's script can be its language.
        script = script_of(lower)
        candidates = SCRIPT_LANGUAGES.get(script or "")
        code = detect_language(c.text, languages=candidates)
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

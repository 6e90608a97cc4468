"""Language detection (langdetect), seeded so results are repeatable.

langdetect is unreliable on short strings, so callers detect a track from its
joined text and a single cue only above ``MIN_CHARS`` letters.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

from .errors import InputError
from .tags import strip_tags

__all__ = [
    "LANGUAGE_NAMES",
    "MIN_CHARS",
    "detect_language",
    "detect_track_language",
    "language_code",
]

MIN_CHARS = 20
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


# Names a user may write for a language, in English and in the language itself.
LANGUAGE_NAMES: dict[str, str] = {
    "english": "en",
    "russian": "ru",
    "ukrainian": "uk",
    "belarusian": "be",
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "portuguese": "pt",
    "polish": "pl",
    "czech": "cs",
    "dutch": "nl",
    "swedish": "sv",
    "finnish": "fi",
    "danish": "da",
    "romanian": "ro",
    "hungarian": "hu",
    "bulgarian": "bg",
    "greek": "el",
    "turkish": "tr",
    "arabic": "ar",
    "hebrew": "he",
    "persian": "fa",
    "hindi": "hi",
    "chinese": "zh",
    "japanese": "ja",
    "korean": "ko",
    "indonesian": "id",
    "vietnamese": "vi",
    "kazakh": "kk",
    "georgian": "ka",
    "английский": "en",
    "русский": "ru",
    "украинский": "uk",
    "українська": "uk",
    "deutsch": "de",
    "français": "fr",
    "español": "es",
    "italiano": "it",
    "polski": "pl",
}
_CODE = re.compile(r"[a-z]{2,3}(?:[-_][a-z]{2,4})?")


def language_code(text: str) -> str:
    """The code for a language given as a code ("RU " -> "ru") or a name ("English" -> "en")."""
    key = text.strip().lower()
    if key in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[key]
    if _CODE.fullmatch(key):
        return key
    raise InputError(
        "not a language code", value=text, hint="use a code such as en, ru or uk (ISO 639-1)"
    )


def detect_language(
    text: str, *, min_chars: int = MIN_CHARS, languages: Collection[str] | None = None
) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when there is too little to judge.

    ``languages``: the only answers allowed (e.g. those written in the text's
    script); fewer candidates also make langdetect faster, since each step scores
    every language it knows.
    """
    plain = strip_tags(text)
    if len(_LETTERS.findall(plain)) < min_chars:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    known = None if languages is None else tuple(sorted(set(languages) & _profiles()))
    if known is not None and len(known) <= 1:
        return known[0] if known else None  # nothing to choose between
    detector = _factory(known).create()
    try:
        detector.append(plain)
        code: str = detector.detect()
    except LangDetectException:
        return None
    return code.split("-")[0]


# langdetect's languages by script: a text written in one script is one of them,
# and loading 4 or 31 profiles instead of 55 is most of a 50,000-cue check's detection.
_SCRIPT_PROFILES = {
    "LATIN": tuple(
        [
            "af",
            "ca",
            "cs",
            "cy",
            "da",
            "de",
            "en",
            "es",
            "et",
            "fi",
            "fr",
            "hr",
            "hu",
            "id",
            "it",
            "lt",
            "lv",
            "nl",
            "no",
            "pl",
            "pt",
            "ro",
            "sk",
            "sl",
            "so",
            "sq",
            "sv",
            "sw",
            "tl",
            "tr",
            "vi",
        ]
    ),
    "CYRILLIC": ("bg", "mk", "ru", "uk"),
}
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u052f]")


def detect_track_language(text: str) -> str | None:
    """``detect_language`` for a whole track: among the languages of its script when
    nine letters in ten are Latin or Cyrillic, else among all."""
    sample = text[:20_000]
    letters = len(_LETTERS.findall(sample))
    for script, rx in (("LATIN", _LATIN), ("CYRILLIC", _CYRILLIC)):
        if letters and len(rx.findall(sample)) * 10 >= letters * 9:
            return detect_language(text, languages=_SCRIPT_PROFILES[script])
    return detect_language(text)


@functools.cache
def _profiles() -> frozenset[str]:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return frozenset(os.listdir(PROFILES_DIRECTORY))


@functools.lru_cache(maxsize=8)
def _factory(languages: tuple[str, ...] | None) -> Any:
    """A langdetect factory for these languages (None: all), seeded for repeatable results."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory, init_factory

    if languages is None:
        init_factory()  # the shared one, loaded once
        from langdetect import detector_factory

        factory = detector_factory._factory
    else:
        factory = DetectorFactory()
        factory.load_json_profile(
            [Path(PROFILES_DIRECTORY, code).read_text(encoding="utf-8") for code in languages]
        )
    factory.set_seed(0)
    return factory

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

from .tags import strip_tags

__all__ = ["MIN_CHARS", "detect_language"]

MIN_CHARS = 20
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


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

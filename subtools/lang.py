"""Language detection (langdetect), seeded so results are repeatable.

langdetect is unreliable on short strings, so callers detect a track from its
joined text and a single cue only above ``MIN_CHARS`` letters.
"""

from __future__ import annotations

import re

from .tags import strip_tags

__all__ = ["MIN_CHARS", "detect_language"]

MIN_CHARS = 20
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def detect_language(text: str, *, min_chars: int = MIN_CHARS) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when there is too little to judge."""
    plain = strip_tags(text)
    if len(_LETTERS.findall(plain)) < min_chars:
        return None
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        code: str = detect(plain)
    except LangDetectException:
        return None
    return code.split("-")[0]

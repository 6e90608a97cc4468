"""Tags inside cue text: HTML-like (<i>, <font ...>), WebVTT timestamps, ASS-style ({\\an8})."""

from __future__ import annotations

import re

__all__ = ["POSITION_TAG", "TAG", "split_tags", "strip_tags", "visible_length"]

# HTML-like tags, WebVTT timestamp tags (<00:01.500>, word timing in karaoke-style
# captions) and ASS override blocks; none of them is shown as text.
TAG = re.compile(r"</?[a-zA-Z][^<>]*>|<(?:\d+:)?\d{2}:\d{2}\.\d{3}>|\{\\[^{}]*\}")
POSITION_TAG = re.compile(r"\{\\an?\d+\}")


def strip_tags(text: str) -> str:
    return TAG.sub("", text)


def split_tags(text: str) -> list[tuple[bool, str]]:
    """Split into (is_tag, piece) in order; joining the pieces gives ``text`` back."""
    pieces: list[tuple[bool, str]] = []
    pos = 0
    for m in TAG.finditer(text):
        if m.start() > pos:
            pieces.append((False, text[pos : m.start()]))
        pieces.append((True, m.group()))
        pos = m.end()
    if pos < len(text):
        pieces.append((False, text[pos:]))
    return pieces


def visible_length(line: str) -> int:
    return len(strip_tags(line))

"""Formatting tags carried across translation: ``<i>``, ``<b>``, ``<font ...>``, ASS toggles.

A cue's tags are read as spans over its plain text (fractions of it, so they
survive a translation of another length) and put back on the translated words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..tags import TAG

__all__ = ["Span", "SpanRange", "apply_spans", "parse_tags"]

# ASS style toggles inside SRT text: {\i1}...{\i0} (also {\b1}, {\u1}, {\s1}; {\i} resets).
_ASS_TOGGLE = re.compile(r"^\{\\([ibus])([01]?)\}$")
_CLOSE = re.compile(r"^</\s*([a-zA-Z][a-zA-Z0-9]*)\s*>$")
_OPEN = re.compile(r"^<\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>$")

SpanRange = tuple[str, str, int, int]  # (opening tag, closing tag, start, end)


@dataclass(frozen=True, slots=True)
class Span:
    """A formatting tag pair over part of a piece, as fractions of its text."""

    open: str
    close: str
    start: float
    end: float
    whole: bool
    outer: bool = False  # also covers the piece's music marks / leading "..."


def _toggle(tag: str) -> tuple[str, bool, str] | None:
    """(span name, opens, closing tag) of a formatting tag; None for any other tag."""
    ass = _ASS_TOGGLE.match(tag)
    if ass:
        return "\\" + ass.group(1), ass.group(2) == "1", "{\\" + ass.group(1) + "0}"
    closing = _CLOSE.match(tag)
    if closing:
        return closing.group(1).lower(), False, tag
    opening = _OPEN.match(tag)
    if opening and not opening.group(2):
        name = opening.group(1).lower()
        return name, True, f"</{name}>"
    return None


def parse_tags(
    text: str, carried: Mapping[str, str]
) -> tuple[str, str, list[SpanRange], dict[str, str]]:
    """Return (ASS prefix, plain text, spans as (open, close, start, end) in plain, still open).

    ``carried``: spans left open by earlier cues (name -> opening tag), so a
    closing tag here gets its attributes back ("<font color=...>" stays coloured).
    The result's last item is the same map after this cue.
    """
    prefix: list[str] = []
    plain: list[str] = []
    pos = 0
    stack: list[tuple[str, str, int, str]] = []
    spans: list[SpanRange] = []
    still_open = dict(carried)
    for m in TAG.finditer(text):
        plain.append(text[pos : m.start()])
        pos = m.end()
        at = sum(map(len, plain))
        tag = m.group()
        kind = _toggle(tag)
        if kind is None:
            if tag.startswith("{"):  # position and other override tags: back at the start
                prefix.append(tag)
            continue
        name, opens, close_tag = kind
        if opens:
            stack.append((tag, name, at, close_tag))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][1] == name:
                open_tag, _, start, _ = stack.pop(k)
                spans.append((open_tag, tag, start, at))
                break
        else:  # closes a span opened in an earlier cue: it covers the start
            default = "{\\" + name[1:] + "1}" if name.startswith("\\") else f"<{name}>"
            spans.append((still_open.pop(name, default), tag, 0, at))
    plain.append(text[pos:])
    flat = "".join(plain)
    for open_tag, name, start, close_tag in stack:  # unclosed: runs to the end of the cue
        spans.append((open_tag, close_tag, start, len(flat)))
        still_open[name] = open_tag
    return "".join(prefix), flat, spans, still_open


def apply_spans(text: str, spans: Sequence[Span]) -> str:
    """Put ``spans`` back on the words of ``text`` (a translation), at the same fractions."""
    words = text.split()
    if not words or not spans:
        return text
    n = len(words)
    opens: list[list[str]] = [[] for _ in range(n)]
    closes: list[list[str]] = [[] for _ in range(n)]
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.whole:
            a, b = 0, n
        else:
            a = min(round(span.start * n), n - 1)
            b = max(round(span.end * n), a + 1)
        opens[a].append(span.open)
        closes[b - 1].insert(0, span.close)
    return " ".join("".join(opens[i]) + w + "".join(closes[i]) for i, w in enumerate(words))

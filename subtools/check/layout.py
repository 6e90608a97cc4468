"""Text rules: empty cues, line length and count, tags, and where lines break."""

from __future__ import annotations

import re

from ..linebreak import BAD_LINE_ENDS, break_lines, is_dialogue, line_end_word
from ..model import Track
from ..tags import TAG
from .findings import Finding, Severity
from .profiles import Profile
from .text import plain

__all__ = [
    "better_break",
    "empty",
    "line_break",
    "line_count",
    "line_length",
    "open_tags",
    "tag_problem",
    "tags",
]

# Tags that must be closed inside the cue; WebVTT's <v> may stay open.
_PAIRED = frozenset(["b", "i", "u", "s", "font", "c", "lang", "ruby", "rt", "span"])
_NAME = re.compile(r"</?([a-zA-Z]+)")
_BROKEN = re.compile(r"</?(?:b|i|u|s|font|c|lang|ruby|rt|span)\b[^<>]*(?=<|$)", re.IGNORECASE)


def empty(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    return [
        Finding(n, "empty", sev, "cue has no visible text", None, None)
        for n, c in enumerate(track.cues, 1)
        if not plain(c.text).strip()
    ]


def line_length(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    limit = p.max_chars_per_line
    out = []
    for n, c in enumerate(track.cues, 1):
        text = plain(c.text)
        if len(text) <= limit:
            continue  # no line can be longer than the whole text
        for k, line in enumerate(text.split("\n"), 1):
            if len(line) > limit:
                out.append(
                    Finding(
                        n,
                        "line-length",
                        sev,
                        f"line {k} has {len(line)} characters",
                        len(line),
                        limit,
                    )
                )
    return out


def line_count(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    return [
        Finding(
            n,
            "line-count",
            sev,
            f"{c.text.count(chr(10)) + 1} lines",
            c.text.count("\n") + 1,
            p.max_lines,
        )
        for n, c in enumerate(track.cues, 1)
        if c.text.count("\n") + 1 > p.max_lines
    ]


def tag_problem(text: str) -> tuple[str, str] | None:
    """(message, offending tag) for the first unbalanced or broken tag, else None."""
    if "<" not in text:
        return None
    stack: list[str] = []
    for m in TAG.finditer(text):
        tag = m.group()
        name_match = _NAME.match(tag)
        if name_match is None:
            continue  # an ASS override such as {\an8}: nothing to close
        name = name_match.group(1).lower()
        if name not in _PAIRED:
            continue
        if not tag.startswith("</"):
            stack.append(name)
        elif stack and stack[-1] == name:
            stack.pop()
        elif name in stack:
            return f"{tag} closes across the open <{stack[-1]}>", tag
        else:
            return f"{tag} closes a tag that is not open", tag
    if stack:
        return f"<{stack[-1]}> is never closed", f"<{stack[-1]}>"
    broken = _BROKEN.search(TAG.sub("", text))
    if broken:
        return f"malformed tag {broken.group()!r}", broken.group()
    return None


def open_tags(text: str) -> list[tuple[str, str]]:
    """(name, opening tag as written) of the paired tags still open at the end of
    ``text``, outermost first; assumes the tags met so far nest properly."""
    stack: list[tuple[str, str]] = []
    for m in TAG.finditer(text):
        name_match = _NAME.match(m.group())
        if name_match is None or name_match.group(1).lower() not in _PAIRED:
            continue
        name = name_match.group(1).lower()
        if not m.group().startswith("</"):
            stack.append((name, m.group()))
        elif stack and stack[-1][0] == name:
            stack.pop()
    return stack


def tags(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    out = []
    for n, c in enumerate(track.cues, 1):
        problem = tag_problem(c.text)
        if problem:
            out.append(Finding(n, "tags", sev, problem[0], problem[1], None))
    return out


def _normal(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _fits(text: str, p: Profile) -> bool:
    lines = plain(text).split("\n")
    return len(lines) <= p.max_lines and all(len(x) <= p.max_chars_per_line for x in lines)


def better_break(text: str, p: Profile, lang: str) -> tuple[int, str, str] | None:
    """(line number, word, better text) when a line ends with an article or preposition
    of ``lang`` and a break that fits and avoids that exists; else None."""
    bad = BAD_LINE_ENDS.get(lang)
    if not bad or "\n" not in text:
        return None
    lines = text.split("\n")
    hit = next(((k, w) for k, w in enumerate(map(line_end_word, lines[:-1]), 1) if w in bad), None)
    if hit is None or is_dialogue(text):  # the cheap test first: most lines end well
        return None
    better = break_lines(text, p.max_chars_per_line, p.max_lines, lang)
    if better == _normal(text) or not _fits(better, p):
        return None
    if any(line_end_word(line) in bad for line in better.split("\n")[:-1]):
        return None
    return hit[0], hit[1], better


def line_break(track: Track, p: Profile, sev: Severity) -> list[Finding]:
    lang = track.language or p.language or "en"
    if lang not in BAD_LINE_ENDS:
        return []
    out = []
    for n, c in enumerate(track.cues, 1):
        found = better_break(c.text, p, lang)
        if found:
            k, word, better = found
            shown = better.replace("\n", " / ")
            out.append(
                Finding(
                    n,
                    "line-break",
                    sev,
                    f'line {k} ends with "{word}"; better: "{shown}"',
                    word,
                    None,
                )
            )
    return out

"""SubRip (.srt): a structural pre-scan that guards pysrt, then pysrt itself.

pysrt silently merges a cue into the previous one when a blank line is missing
and reads a broken timestamp as 00:00:00,000. The pre-scan finds every timing
line, validates it, and rebuilds a canonical text (index, timing, text, blank
line) that pysrt cannot misread; pysrt then parses that text and its result is
checked against the pre-scan, cue for cue.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from ..errors import InputError, InternalError
from ..model import Cue
from ..timecode import format_srt
from .notices import Notice
from .timing import timing_span

__all__ = ["parse_srt", "write_srt"]

# Hours optional, ',' or '.' (or ':') before milliseconds, 1-3 ms digits;
# anything after the end time (SSA-style coordinates) is ignored.
_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.:](\d{1,3}))?"
_TIMING = re.compile(rf"^[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}(?:[ \t]+(.*))?[ \t]*$")
# Looks like a timing line (digits, then an arrow) even if it is broken.
_LOOSE = re.compile(r"^[ \t]*-?\d+[:.,;]\S*[ \t]*(?:-->|->|—>|- ->)")
_INDEX = re.compile(r"^[ \t]*\d+[ \t]*$")


# Candidate timing lines: anything with an arrow. Found with one regex over the
# whole text, which is what keeps the pre-scan cheap next to pysrt's parse.
_ARROW_LINE = re.compile(r"^.*(?:->|—>).*$", re.M)
_STRICT = re.compile(r"\d\d:\d\d:\d\d,\d\d\d --> \d\d:\d\d:\d\d,\d\d\d")

Scanned = tuple[int, int, int, list[str]]


def _opens_block(text: str, line: re.Match[str]) -> bool:
    """Whether ``line`` stands where a timing line goes: first in the file, or
    after a blank line or a cue number (not after a line of cue text)."""
    if line.start() == 0:
        return True
    prev = text[text.rfind("\n", 0, line.start() - 1) + 1 : line.start() - 1]
    return not prev.strip() or _INDEX.match(prev) is not None


def _timings(
    text: str, path: str | None, notices: list[Notice]
) -> tuple[list[tuple[int, int, int, int, int]], bool]:
    """(line_no, start, end, span_start, span_end) per timing line; and whether all are strict."""
    found = []
    strict = True
    line_no, last = 1, 0
    for m in _ARROW_LINE.finditer(text):
        raw = m.group()
        t = _TIMING.match(raw)
        if not (t or _LOOSE.match(raw) or (raw.lstrip()[:1].isdigit() and _opens_block(text, m))):
            continue  # an arrow inside cue text, not a timing line
        line_no += text.count("\n", last, m.start())
        last = m.start()
        if not t:
            raise InputError("bad timing line", path=path, line=line_no, value=raw.strip())
        g = t.groups()
        start, end = timing_span(g, raw, path, line_no)
        if not _STRICT.fullmatch(raw):
            strict = False
            if any(f is None for f in (g[3], g[7])):
                notices.append(
                    Notice(path, line_no, f"timestamp without milliseconds: {raw.strip()!r}")
                )
            elif any(len(f) < 3 for f in (g[3], g[7]) if f):
                notices.append(
                    Notice(path, line_no, f"short milliseconds read as a fraction: {raw.strip()!r}")
                )
        found.append((line_no, start, end, m.start(), m.end()))
    return found, strict


def _scan(text: str, path: str | None, notices: list[Notice]) -> tuple[list[Scanned], bool]:
    """Return (line_no, start, end, text_lines) per cue, and whether the layout was clean."""
    timings, strict = _timings(text, path, notices)
    if not timings:
        raise InputError(
            "no subtitle cues found (no timing line like '00:00:01,000 --> 00:00:02,000')",
            path=path,
        )
    head = text[: timings[0][3]].split("\n")[:-1]
    junk = [t for t in head if t.strip() and not _INDEX.match(t)]
    if junk:
        raise InputError(
            "text before the first cue",
            path=path,
            line=head.index(junk[0]) + 1,
            value=junk[0].strip()[:60],
        )
    before = len(notices)
    cues: list[Scanned] = []
    last = len(timings) - 1
    for k, (line_no, start, end, _, span_end) in enumerate(timings):
        stop = timings[k + 1][3] if k < last else len(text)
        body = text[span_end + 1 : stop].split("\n")
        if k < last:
            body.pop()  # the empty remainder before the next timing line
            _drop_next_number(body, k + 2, timings[k + 1][0], path, notices)
        cues.append((line_no, start, end, _text_lines(body, line_no, path, notices)))
    return cues, strict and len(notices) == before


def _drop_next_number(
    body: list[str], number: int, next_line: int, path: str | None, notices: list[Notice]
) -> None:
    """Remove the next cue's number (and blank lines) from the end of ``body``.

    A number right before the timing line is the next cue's; across blank lines
    only if it is the expected one, else it may be this cue's last line of text.
    """
    end = len(body)
    while end and not body[end - 1].strip():
        end -= 1
    blanks = len(body) - end
    if end and _INDEX.match(body[end - 1]) and (not blanks or int(body[end - 1]) == number):
        del body[end - 1 :]
        if body and body[-1].strip():
            notices.append(
                Notice(path, next_line - 1 - blanks, "missing blank line before this cue: split")
            )
    elif body and body[-1].strip():
        notices.append(
            Notice(path, next_line, "missing blank line and number before this cue: split")
        )


def _text_lines(
    body: list[str], line_no: int, path: str | None, notices: list[Notice]
) -> list[str]:
    """A cue's text lines without blank ones; removing one is reported."""
    lines = [b.rstrip() for b in body]
    while lines and not lines[-1]:
        lines.pop()
    if "" in lines:  # rare, so the common cue costs one membership test
        first = next(i for i, b in enumerate(lines) if b)
        if first:
            notices.append(Notice(path, line_no + 1, "blank line after the timing line: removed"))
        if "" in lines[first:]:
            notices.append(Notice(path, line_no + 1, "blank line inside cue text: removed"))
        lines = [b for b in lines if b]
    return lines


def parse_srt(text: str, path: str | None = None) -> tuple[list[Cue], list[Notice]]:
    import pysrt  # light, but only the SRT path needs it

    notices: list[Notice] = []
    scanned, clean = _scan(text, path, notices)
    try:
        items = pysrt.from_string(
            text if clean else _canonical(scanned), error_handling=pysrt.ERROR_RAISE
        )
    except pysrt.Error:
        items = []  # a layout the pre-scan accepts and pysrt does not: use the canonical one
    if not _agrees(items, scanned) and clean:
        items = pysrt.from_string(_canonical(scanned), error_handling=pysrt.ERROR_RAISE)
    if not _agrees(items, scanned):
        raise InternalError(
            "pysrt disagrees with the pre-scan", path=path, value=(len(items), len(scanned))
        )
    cues = []
    for line, start, end, body in scanned:
        cue_text = "\n".join(body)
        if not cue_text:
            notices.append(Notice(path, line, "empty cue kept"))
        cues.append(Cue(start, end, cue_text))
    return cues, notices


# pysrt splits lines like str.splitlines (form feed, U+2028 ...); cue text is
# split on "\n" only. The canonical text is only pysrt's cross-check (the cues
# come from the pre-scan), so those characters become spaces there.
_PYSRT_BREAKS = {ord(c): " " for c in "\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


def _canonical(scanned: list[Scanned]) -> str:
    """Index, timing, text, blank line: a layout pysrt cannot misread."""
    return "".join(
        f"{n}\n{format_srt(s)} --> {format_srt(e)}\n"
        + "".join(t.translate(_PYSRT_BREAKS) + "\n" for t in body)
        + "\n"
        for n, (_, s, e, body) in enumerate(scanned, 1)
    )


def _agrees(items: list[object], scanned: list[Scanned]) -> bool:
    return len(items) == len(scanned) and all(
        item.start.ordinal == start and item.end.ordinal == end  # type: ignore[attr-defined]
        for item, (_, start, end, _) in zip(items, scanned, strict=True)
    )


def _refuse_structure(n: int, text: str) -> None:
    """SRT has no escapes: text that a reader takes for structure cannot be written.

    A line that reads as a timing line would start a new cue (an injected caption);
    a NUL makes the file binary. Refused with the cue named, never altered.
    """
    if "\x00" in text:
        raise InputError(
            f"cue {n}: its text holds a NUL character, which a caption file cannot carry",
            value=text[:60],
        )
    lines = text.split("\n")
    for i, line in enumerate(lines):
        # What the reader's scan takes for a timing line (see _timings, _opens_block).
        opens = i > 0 and (not lines[i - 1].strip() or _INDEX.match(lines[i - 1]) is not None)
        if ("->" in line or "—>" in line) and (
            _TIMING.match(line) or _LOOSE.match(line) or (opens and line.lstrip()[:1].isdigit())
        ):
            raise InputError(
                f"cue {n}: a line of its text reads as an SRT timing line and would start a "
                "new cue",
                value=line[:60],
                hint="edit that line, or write WebVTT or JSON, which can hold it",
            )


def write_srt(cues: Iterable[Cue]) -> str:
    """SRT text of ``cues``; text SRT cannot hold unambiguously is refused (InputError)."""
    import pysrt

    cues = list(cues)
    for n, c in enumerate(cues, 1):
        if "\x00" in c.text or ">" in c.text:  # the cheap test first: most cues pass here
            _refuse_structure(n, c.text)
    out = io.StringIO()
    time = pysrt.SubRipTime
    items = pysrt.SubRipFile(
        [
            pysrt.SubRipItem(n, time(milliseconds=c.start), time(milliseconds=c.end), c.text)
            for n, c in enumerate(cues, 1)
        ]
    )
    items.write_into(out, eol="\n")
    return out.getvalue()

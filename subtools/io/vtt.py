"""WebVTT (.vtt): header, NOTE/STYLE/REGION blocks, cue ids and settings, entities.

Parsed line by line like the WebVTT spec's parser: a timing line always starts
a new cue, even without a blank line before it, so a missing blank line splits
cues instead of merging them; blocks without a timing line (comments, styles,
stray text) are skipped, stray text with a notice.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from html.entities import html5

from ..errors import InputError
from ..model import Cue
from ..timecode import format_vtt
from .notices import Notice
from .timing import timing_span

__all__ = ["parse_vtt", "write_vtt"]

_TIME = r"(?:(\d+):)?(\d{2}):(\d{2})[.,](\d{3})"
_TIMING = re.compile(rf"^[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}(?:[ \t]+(.*))?[ \t]*$")
_LOOKS_TIMED = re.compile(r"^[ \t]*-?\d+[:.]\S*[ \t]*-->|^[ \t]*-->")
# Any HTML character reference with its ';' (names from HTML5's table); an
# unknown name stays as written.
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|([A-Za-z][A-Za-z0-9]*));")


def _unescape(m: re.Match[str]) -> str:
    name = m.group(1)
    return html.unescape(m.group()) if name is None else html5.get(name + ";", m.group())


# '<' that does not open a tag must be escaped on output; real tags stay as they are.
_BARE_LT = re.compile(r"<(?!/?(?:[a-zA-Z]+|\d{2}:)[^<>]*>)")
_BLOCKS = ("NOTE", "STYLE", "REGION")
# Blocks with meaning that subtools' model does not carry: dropping one is reported.
_DROPPED = {"STYLE": "styles are not converted", "REGION": "regions are not converted"}


def _timing(raw: str, path: str | None, line_no: int) -> tuple[int, int, str]:
    m = _TIMING.match(raw)
    if not m:
        raise InputError("bad timing line", path=path, line=line_no, value=raw.strip())
    start, end = timing_span(m.groups(), raw, path, line_no)
    return start, end, (m.group(9) or "").strip()


def parse_vtt(text: str, path: str | None = None) -> tuple[list[Cue], list[Notice]]:
    notices: list[Notice] = []
    lines = text.split("\n")
    head = lines[0].lstrip(" \t")
    if not (head == "WEBVTT" or head.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise InputError(
            "not a WebVTT file: the first line must be WEBVTT",
            path=path,
            line=1,
            value=lines[0][:40],
        )
    cues: list[Cue] = []
    body: list[str] | None = None  # text lines of the cue being read
    timing: tuple[int, int] = (0, 0)
    skipping = True  # inside the header or a block without timing
    block_kind = "header"
    settings_noted = False
    dropped: set[str] = set()

    def close() -> None:
        if body is not None:
            joined = "\n".join(body)
            cues.append(Cue(timing[0], timing[1], _ENTITY.sub(_unescape, joined)))

    for i, raw in enumerate(lines[1:], start=2):
        if "-->" in raw and (_TIMING.match(raw) or _LOOKS_TIMED.match(raw)):
            close()
            start, end, settings = _timing(raw, path, i)
            if settings and not settings_noted:
                settings_noted = True
                notices.append(Notice(path, i, f"cue settings not kept: {settings!r}"))
            body, timing, skipping = [], (start, end), False
            continue
        if not raw.strip():
            close()
            body, skipping, block_kind = None, False, ""
            continue
        if body is not None:
            body.append(raw.rstrip())
            continue
        if skipping:
            continue  # the rest of the header, or of a NOTE/STYLE/REGION block
        # First line of a new block: a cue id if a timing line follows, else a block to skip.
        nxt = lines[i] if i < len(lines) else ""
        if "-->" in nxt:
            continue
        skipping = True
        block_kind = raw.strip().split(" ")[0]
        if block_kind not in _BLOCKS:
            notices.append(Notice(path, i, f"text outside any cue skipped: {raw.strip()[:40]!r}"))
        elif block_kind in _DROPPED and block_kind not in dropped:
            dropped.add(block_kind)
            notices.append(Notice(path, i, f"{block_kind} block not kept ({_DROPPED[block_kind]})"))
    close()
    return cues, notices


def _escape(text: str) -> str:
    # A no-break space is written as a reference: a reader strips it at a line end.
    text = text.replace("&", "&amp;").replace("\u00a0", "&nbsp;")
    return _BARE_LT.sub("&lt;", text).replace("-->", "--&gt;")


def write_vtt(cues: Iterable[Cue]) -> str:
    """WebVTT text of ``cues``; ``-->`` in text is escaped, a NUL refused (InputError)."""
    parts = ["WEBVTT\n"]
    for n, c in enumerate(cues, 1):
        if "\x00" in c.text:
            raise InputError(
                f"cue {n}: its text holds a NUL character, which a caption file cannot carry",
                value=c.text[:60],
            )
        body = "\n".join(line for line in _escape(c.text).split("\n") if line.strip())
        parts.append(f"\n{format_vtt(c.start)} --> {format_vtt(c.end)}\n{body}\n")
    return "".join(parts)

"""pysubs2's formats: SubStation (ASS/SSA), MicroDVD, MPL2, SAMI, TMPlayer; the ASS writer.

pysubs2 reads every one of them into SubStation events whose text carries ASS
override tags; those are turned into what the caption model holds: line
breaks, <i>/<b>/<u> and an ``{\\anN}`` position. What the model cannot hold
(styles' fonts and colours, \\pos, layers, drawings, other override tags) is
reported once per kind, never dropped silently.

Guards: pysubs2 ignores ``Format:`` lines (see assfields), reads negative
times as they are (the model starts at 0), and keeps comment events.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..errors import InputError
from ..model import Cue, Track
from ..timecode import format_srt
from .assfields import canonical_substation
from .assstyle import DEFAULT_FAMILY, style_fields
from .notices import Notice, refuse_nul

__all__ = ["ass_text", "parse_substation", "write_ass"]

_BLOCK = re.compile(r"\{([^{}]*)\}")
_TAG_NAME = re.compile(r"\d?[a-z]+")
# Legacy SSA \a values -> numpad \an (1-3 bottom, 5-7 top, 9-11 middle).
_LEGACY_AN = {1: 1, 2: 2, 3: 3, 5: 7, 6: 8, 7: 9, 9: 4, 10: 5, 11: 6}
_MARKUP = (("i", "i"), ("b", "b"), ("u", "u"), ("s", "s"))
_POSITION_TAGS = frozenset(("pos", "move", "org"))


def _split_tags(block: str) -> list[str]:
    """``\\i1\\t(\\frz10)\\pos(1,2)`` -> ["i1", "t(\\frz10)", "pos(1,2)"] (parentheses nest)."""
    tags: list[str] = []
    depth, cur = 0, ""
    for ch in block:
        if ch == "\\" and depth == 0:
            if cur:
                tags.append(cur)
            cur = ""
            continue
        depth += (ch == "(") - (ch == ")")
        cur += ch
    if cur:
        tags.append(cur)
    return tags


class _Converter:
    """ASS event text -> model text; counts what it could not keep."""

    def __init__(self) -> None:
        self.dropped: Counter[str] = Counter()
        self.positions = 0

    def convert(self, raw: str, italic: bool, bold: bool, alignment: int) -> str:
        if "{" not in raw and not italic and not bold:  # no tags: line breaks only
            text = _plain(raw)
            if " \n" in text or "\n " in text:
                text = "\n".join(line.strip(" ") for line in text.split("\n"))
            return (f"{{\\an{alignment}}}" if alignment != 2 else "") + text.strip(" ")
        out: list[str] = []
        base = {"i": italic, "b": bold, "u": False, "s": False}
        state = dict(base)
        an = alignment
        opened: list[str] = []

        def set_state(name: str, on: bool) -> None:
            if on and name not in opened:
                out.append(f"<{name}>")
                opened.append(name)
            elif not on and name in opened:
                # close the inner ones too, then reopen them: tags stay nested
                inner = opened[opened.index(name) :]
                out.extend(f"</{t}>" for t in reversed(inner))
                del opened[opened.index(name) :]
                for t in inner[1:]:
                    out.append(f"<{t}>")
                    opened.append(t)
            state[name] = on

        for name, on in base.items():
            if on:
                set_state(name, True)
        pos = 0
        used_position = False
        for m in _BLOCK.finditer(raw):
            out.append(_plain(raw[pos : m.start()]))
            pos = m.end()
            for tag in _split_tags(m.group(1)):
                flag = re.fullmatch(r"([ibus])(\d*)", tag)
                if flag:
                    value = flag.group(2)
                    on = bool(value) and value != "0"
                    if not value:  # \i alone resets to the style's value
                        on = base[flag.group(1)]
                    set_state(flag.group(1), on)
                    continue
                align = re.fullmatch(r"an([1-9])", tag) or re.fullmatch(r"a(\d{1,2})", tag)
                if align:
                    n = int(align.group(1))
                    an = n if tag.startswith("an") else _LEGACY_AN.get(n, 2)
                    continue
                if tag.startswith("r") and not tag.startswith("ri"):
                    for name in ("s", "u", "b", "i"):
                        set_state(name, base[name])
                    continue
                name_match = _TAG_NAME.match(tag)
                name = name_match.group() if name_match else tag
                if name in _POSITION_TAGS:
                    used_position = True
                else:
                    self.dropped["\\" + name] += 1
        out.append(_plain(raw[pos:]))
        for name in reversed(opened):
            out.append(f"</{name}>")
        self.positions += used_position
        text = "".join(out).replace("<i></i>", "").replace("<b></b>", "")
        text = "\n".join(line.strip(" ") for line in text.split("\n"))
        return (f"{{\\an{an}}}" if an != 2 else "") + text


def _plain(text: str) -> str:
    text = text.replace("\\N", "\n")
    if "\\" in text:
        text = text.replace("\\n", " ").replace("\\h", "\u00a0")
    return text


def ass_text(raw: str) -> str:
    """One event's ASS text as model text (no style): for tests and other readers."""
    return _Converter().convert(raw, False, False, 2)


def parse_substation(
    text: str, fmt: str, path: str | None, fps: float | None = None
) -> tuple[Track, list[Notice]]:
    """Read ``fmt`` (pysubs2's name: ass, ssa, microdvd, mpl2, sami, tmp) into a track."""
    import pysubs2

    notices: list[Notice] = []
    if fmt in ("ass", "ssa"):
        text, changed = canonical_substation(text)
        if changed:
            notices.append(Notice(path, None, "non-standard Format: line: columns read by name"))
    extra = {"strict_fps_inference": False} if fmt == "microdvd" else {}
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            subs = pysubs2.SSAFile.from_string(text, format_=fmt, fps=fps, **extra)
    except pysubs2.exceptions.UnknownFPSError:
        raise InputError(
            "MicroDVD times are frames and the frame rate is unknown",
            path=path,
            hint="pass --fps (e.g. --fps 23.976 or 25), the video's frame rate",
        ) from None
    except (ValueError, KeyError, IndexError) as exc:
        raise InputError(f"cannot read as {fmt}: {exc}", path=path) from None
    # a missing layer number is 0, which is what SSA (no layers) means
    for message in dict.fromkeys(str(w.message) for w in caught if "layer" not in str(w.message)):
        notices.append(Notice(path, None, f"pysubs2: {message}"))
    if fmt == "sami":
        _sami_ends(subs, path, notices)
    if fmt == "microdvd" and fps is None and subs.fps:
        notices.append(Notice(path, 1, f"frame rate {subs.fps:g} from the file's first line"))
    return _to_track(subs, fmt, path, notices), notices


def _sami_ends(subs: Any, path: str | None, notices: list[Notice]) -> None:
    """A SAMI caption lasts until the next SYNC (often an empty one that clears).

    pysubs2 (1.8) instead guesses an end from the text length (0.5 s + 67 ms a
    letter) and only cuts it at the next caption, so a caption cleared by an
    empty SYNC at 4.0 s ends at 3.9 s; the next SYNC's time is restored here.
    """
    events = sorted(subs.events, key=lambda e: e.start)
    for ev, nxt in itertools.pairwise(events):
        ev.end = nxt.start
    if events and events[-1].text.strip():
        notices.append(
            Notice(path, None, "the last SAMI caption has no later SYNC: its end is estimated")
        )


_DRAWING = re.compile(r"\{[^}]*\\p[1-9]")


def _to_track(subs: Any, fmt: str, path: str | None, notices: list[Notice]) -> Track:
    conv = _Converter()
    counts: Counter[str] = Counter()
    cues: list[Cue] = []
    looks: dict[str, tuple[bool, bool, int] | None] = {}  # style name -> italic, bold, \an
    for ev in subs.events:
        if ev.is_comment:
            counts["comment"] += 1
            continue
        raw = ev.text
        if "{" in raw and _DRAWING.search(raw):
            counts["drawing"] += 1
            continue
        if ev.style not in looks:
            style = subs.styles.get(ev.style)
            looks[ev.style] = (
                None
                if style is None
                else (bool(style.italic), bool(style.bold), int(style.alignment))
            )
        look = looks[ev.style]
        if look is None and ev.style not in ("Default", "*Default"):
            counts["unknown style"] += 1
        if ev.layer:
            counts["layer"] += 1
        if look in (None, (False, False, 2)) and "{" not in raw and "\\" not in raw:
            body = raw.strip(" ")  # the common plain line: nothing to convert
        else:
            body = conv.convert(raw, *(look or (False, False, 2)))
        if not body or (body[0] == "{" and not _AN.sub("", body).strip()) or body.isspace():
            counts["empty"] += fmt != "sami"  # SAMI clears the screen with an empty SYNC
            continue
        start, end = ev.start, ev.end
        if end < start:
            counts["backwards"] += 1
            continue
        if start < 0 and end <= 0:
            counts["before zero"] += 1
            continue
        if start < 0:
            counts["cut at zero"] += 1
            start = 0
        cues.append(Cue(int(start), int(end), body))
    _report(subs, fmt, path, notices, conv, counts, dict.fromkeys(looks))
    return Track(tuple(cues), source=path)


_COUNT_MESSAGES = {
    "comment": "comment event(s) skipped",
    "drawing": "vector drawing event(s) (\\p) skipped",
    "empty": "event(s) without text skipped",
    "backwards": "event(s) ending before they start skipped",
    "before zero": "event(s) entirely before 0:00 skipped",
    "cut at zero": "event(s) starting before 0:00 now start at 0:00",
    "layer": "event(s) on a layer above 0: layers not kept (cues may overlap)",
    "unknown style": "event(s) name a style the file does not define",
}


def _report(
    subs: Any,
    fmt: str,
    path: str | None,
    notices: list[Notice],
    conv: _Converter,
    counts: Counter[str],
    used_styles: dict[str, None],
) -> None:
    for key, message in _COUNT_MESSAGES.items():
        if counts[key]:
            notices.append(Notice(path, None, f"{counts[key]} {message}"))
    if conv.positions:
        notices.append(
            Notice(
                path, None, f"{conv.positions} cue(s) placed by \\pos/\\move: positions not kept"
            )
        )
    if conv.dropped:
        tags = ", ".join(f"{t} ({n})" for t, n in sorted(conv.dropped.items()))
        notices.append(Notice(path, None, f"override tags not kept: {tags}"))
    if fmt in ("ass", "ssa"):
        named = [s for s in used_styles if s in subs.styles]
        if named:
            notices.append(
                Notice(
                    path,
                    None,
                    "style look not kept (font, size, colours, margins) of: "
                    + ", ".join(named)
                    + "; burning the .ass file itself keeps it",
                )
            )


_HTML = re.compile(r"<(/?)([ibus])>", re.I)
_AN = re.compile(r"\{\\an?(\d+)\}")


_OVERRIDE = re.compile(r"\{\\[^{}]*\}")  # an ASS override block, also meaningful in SRT
_ASS_ESCAPE = re.compile(r"\\[Nnh]")


def _ass_event_text(n: int, text: str) -> str:
    """Model text -> ASS: <i> etc. become override tags, breaks \\N; ``{\\...}`` blocks
    pass through. Text ASS would hide or change is refused with the cue named:
    other braces (an override block, not shown) and a backslash before N, n or h."""
    bare = _OVERRIDE.sub("", text)
    bad = "{" if "{" in bare else "}" if "}" in bare else None
    escape = _ASS_ESCAPE.search(bare)
    if bad or escape:
        shown = bad or (escape.group() if escape else "")
        raise InputError(
            f"cue {n}: its text holds {shown!r}, which ASS reads as markup, not text",
            value=text[:60],
            hint="edit that text, or write SRT, WebVTT or TTML",
        )
    body = _HTML.sub(
        lambda m: "{\\" + m.group(2).lower() + ("0" if m.group(1) else "1") + "}", text
    )
    body = _OTHER_HTML.sub("", body)  # <font> etc.: the style decides (reported by convert)
    return body.replace("\n", "\\N")


_OTHER_HTML = re.compile(r"</?[a-zA-Z][^<>]*>")


# ASS writes H:MM:SS.cc: one digit of hours.
ASS_MAX_MS = 10 * 3_600_000 - 10


def write_ass(cues: Iterable[Cue], width: int = 1920, height: int = 1080) -> str:
    """An ASS file with subtools' Default style (the look burn draws) for a 1080p picture."""
    import pysubs2

    cues = list(cues)
    refuse_nul(cues)
    late = next((c for c in cues if c.end > ASS_MAX_MS), None)
    if late is not None:  # pysubs2 would clamp the time silently
        raise InputError(
            f"ASS cannot hold times past 9:59:59.99; a cue ends at {format_srt(late.end)}",
            hint="write SRT, WebVTT or TTML instead",
        )

    subs = pysubs2.SSAFile()
    subs.info["PlayResX"] = str(width)
    subs.info["PlayResY"] = str(height)
    subs.info["WrapStyle"] = "0"
    subs.info["ScaledBorderAndShadow"] = "yes"
    subs.styles["Default"] = _default_style(pysubs2, width, height)
    for n, c in enumerate(cues, 1):
        subs.events.append(
            pysubs2.SSAEvent(start=c.start, end=c.end, text=_ass_event_text(n, c.text))
        )
    return str(subs.to_string("ass"))


def _default_style(pysubs2: Any, width: int, height: int) -> Any:
    fields = dict(style_fields(DEFAULT_FAMILY, width, height))
    colour = pysubs2.Color
    return pysubs2.SSAStyle(
        fontname=fields["FontName"],
        fontsize=float(fields["FontSize"]),
        primarycolor=colour(255, 255, 255, 0),
        outlinecolor=colour(0, 0, 0, 0),
        backcolor=colour(0, 0, 0, 0),
        outline=float(fields["Outline"]),
        shadow=float(fields["Shadow"]),
        borderstyle=int(fields["BorderStyle"]),
        alignment=pysubs2.Alignment(int(fields["Alignment"])),
        marginl=int(fields["MarginL"]),
        marginr=int(fields["MarginR"]),
        marginv=int(fields["MarginV"]),
    )

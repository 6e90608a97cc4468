"""ttconv's formats: TTML/DFXP/IMSC1 (text), SCC (CEA-608) and EBU STL; the TTML writer.

ttconv reads each into its content model (body > div > p > span/br, times as
fractions of a second relative to the parent); each paragraph becomes a cue.
For SCC, ttconv already turns roll-up and paint-on captions into one paragraph
per screen state, which is what a viewer read at each moment.

Guards on what ttconv does with real files:
- XML is parsed here through defusedxml (no entity bombs), then handed over.
- ttconv logs a time expression it cannot read ("19.764", "3:58.640",
  "00:00:01,000") and drops the time, which loses cues. Bare seconds,
  minutes:seconds and a comma before the fraction are rewritten to TTML
  time expressions first, with a notice.
- Every ttconv log message becomes a notice; nothing it says is lost.
- TTML whitespace: ttconv keeps source newlines and indentation in the text;
  runs of white space collapse here (xml:space="default").
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from typing import Any

from ..errors import InputError
from ..model import Cue, Track
from .notices import Notice, refuse_nul

__all__ = ["parse_scc", "parse_stl", "parse_ttml", "write_ttml"]

_OPEN_END_MS = 4000  # a cue with no end and no next cue
_TIME_ATTRS = ("begin", "end", "dur")
_BARE_SECONDS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")
_MIN_SEC = re.compile(r"^\s*(\d{1,2}):(\d{2}(?:\.\d+)?)\s*$")
_COMMA_CLOCK = re.compile(r"^\s*(\d+:\d{2}:\d{2}),(\d+)\s*$")
_WS = re.compile(r"[ \t\r\n]+")
# Blanks just inside a tag (<i> x</i>): a CEA-608 mid-row code takes a space on screen.
_TAG_SPACE = re.compile(r"^((?:<[ibu]>)+) +| +((?:</[ibu]>)+)$")
_EMPTY_TAG = re.compile(r"<([ibu])>\s*</\1>")


def _tag_space(m: re.Match[str]) -> str:
    return m.group(1) or m.group(2)


class _LogToNotices(logging.Handler):
    def __init__(self, path: str | None) -> None:
        super().__init__(logging.INFO)
        self.path = path
        self.seen: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.seen[record.getMessage()] += 1

    def notices(self) -> list[Notice]:
        return [
            Notice(self.path, None, f"ttconv: {m}" + (f" ({n} times)" if n > 1 else ""))
            for m, n in self.seen.items()
        ]


@contextmanager
def _captured(path: str | None) -> Iterator[_LogToNotices]:
    logger = logging.getLogger("ttconv")
    handler = _LogToNotices(path)
    propagate, level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        logger.setLevel(level)


def _fix_time(value: str) -> str | None:
    """A time expression ttconv rejects, as one it reads; None when it is fine or unknown."""
    if m := _BARE_SECONDS.match(value):
        return m.group(1) + "s"
    if m := _MIN_SEC.match(value):
        return f"{int(m.group(1)) * 60 + float(m.group(2)):.3f}s"
    if m := _COMMA_CLOCK.match(value):
        return f"{m.group(1)}.{m.group(2)}"
    return None


def parse_ttml(text: str, path: str | None) -> tuple[Track, list[Notice]]:
    from defusedxml import ElementTree as SafeET
    from defusedxml.common import DefusedXmlException

    try:
        root = SafeET.fromstring(text.encode("utf-8") if text.lstrip().startswith("<?") else text)
    except DefusedXmlException as exc:
        raise InputError(f"unsafe XML refused: {type(exc).__name__}", path=path) from None
    except SafeET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(f"not well-formed XML: {exc}", path=path, line=line) from None
    notices: list[Notice] = []
    fixed = 0
    for el in root.iter():
        for attr in _TIME_ATTRS:
            value = el.get(attr)
            better = _fix_time(value) if value is not None else None
            if better is not None:
                el.set(attr, better)
                fixed += 1
    _close_open_containers(root)
    if fixed:
        notices.append(
            Notice(
                path, None, f"{fixed} time expression(s) without units or with ',' read as seconds"
            )
        )
    from xml.etree import ElementTree as ET

    from ttconv.imsc import reader

    with _captured(path) as log:
        try:
            doc = reader.to_model(ET.ElementTree(root))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise InputError(f"not a TTML document ttconv can read: {exc}", path=path) from None
    if doc is None:
        raise InputError("not a TTML document: the root element is not <tt>", path=path)
    notices.extend(log.notices())
    return _track(doc, path, notices), notices


_FAR_END = "999:00:00.000"


def _close_open_containers(root: Any) -> None:
    """Give a timed <body>/<div> without end or dur an end past every cue.

    ttconv (1.2) computes such a container's implicit end by comparing its own
    begin (in its parent's time) with its children's ends (in its own time), so
    ``<div begin="10s"><p begin="1s" end="3s">`` ends at 10 s and the div with
    all its paragraphs is dropped silently. Its end then bounds nothing: every
    paragraph inside keeps its own times.
    """
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag in ("body", "div") and el.get("begin") and not (el.get("end") or el.get("dur")):
            el.set("end", _FAR_END)


def parse_scc(text: str, path: str | None) -> tuple[Track, list[Notice]]:
    from ttconv.scc import reader

    with _captured(path) as log:
        try:
            doc = reader.to_model(text)
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            raise InputError(f"not an SCC file ttconv can read: {exc}", path=path) from None
    notices = log.notices()
    return _track(doc, path, notices), notices


def parse_stl(data: bytes, path: str | None) -> tuple[Track, list[Notice]]:
    from ttconv.stl import reader

    with _captured(path) as log:
        try:
            doc = reader.to_model(io.BytesIO(data))
        except (ValueError, TypeError, KeyError, IndexError, UnicodeDecodeError) as exc:
            raise InputError(f"not an EBU STL file ttconv can read: {exc}", path=path) from None
    notices = log.notices()
    return _track(doc, path, notices), notices


def stl_code_page(data: bytes) -> str:
    """The GSI block's code page and character table, for the encoding line of ``info``."""
    cpn = data[0:3].decode("ascii", "replace")
    cct = data[12:14].decode("ascii", "replace")
    table = {"00": "Latin (ISO 6937)", "01": "Latin/Cyrillic (ISO 8859-5)",
             "02": "Latin/Arabic (ISO 8859-6)", "03": "Latin/Greek (ISO 8859-7)",
             "04": "Latin/Hebrew (ISO 8859-8)"}.get(cct, f"unknown table {cct!r}")  # fmt: skip
    return f"EBU STL, code page {cpn}, text {table}"


# ---------------------------------------------------------------- model -> cues


class _Walk:
    def __init__(self, doc: Any, path: str | None) -> None:
        from ttconv import model
        from ttconv.style_properties import StyleProperties

        self.m = model
        self.sp = StyleProperties
        self.doc = doc
        self.path = path
        self.found: list[tuple[Fraction, Fraction | None, str]] = []
        self.counts: Counter[str] = Counter()
        self.styles: Counter[str] = Counter()

    def run(self) -> None:
        body = self.doc.get_body()
        if body is not None:
            self.visit(body, Fraction(0), None, {})

    def visit(
        self, el: Any, begin: Fraction, end: Fraction | None, inherited: dict[str, bool]
    ) -> None:
        own_begin, own_end = el.get_begin(), el.get_end()
        b = begin + own_begin if own_begin else begin
        e = end
        if own_end is not None:
            e = begin + own_end if e is None else min(e, begin + own_end)
        if e is not None and b >= e:
            self.counts["outside"] += 1  # zero time on screen, or after its parent ended
            return
        flags = self.flags(el, inherited)
        if isinstance(el, self.m.P):
            text = self.text(el, flags).strip("\n")
            lines = [line.strip() for line in text.split("\n")]
            if "<" in text:
                lines = [_TAG_SPACE.sub(_tag_space, line) for line in lines]
            body = "\n".join(line for line in lines if line)
            if "<" in body:
                body = _EMPTY_TAG.sub("", body)
            if not body:
                self.counts["empty"] += 1
                return
            if self.is_top(el):
                body = "{\\an8}" + body
            self.found.append((b, e, body))
            return
        base = Fraction(0) if self.absolute_children(el, b, e) else b
        for child in el:
            self.visit(child, base, e, flags)

    def absolute_children(self, el: Any, b: Fraction, e: Fraction | None) -> bool:
        """Whether the children's times were written as absolute (Apple's lyrics TTML).

        TTML times count from the parent's begin. A file whose children, read so,
        would all fall after the parent's end while, read as absolute, they fit
        inside it, was written with absolute times: reading it by the spec would
        lose every cue.
        """
        if b <= 0 or e is None:
            return False
        timed = [c for c in el if c.get_begin() is not None]
        if not timed:
            return False
        fits = all(b <= c.get_begin() and (c.get_end() is None or c.get_end() <= e) for c in timed)
        overflows = any(b + c.get_begin() >= e for c in timed)
        if fits and overflows:
            self.counts["absolute"] += 1
        return fits and overflows

    def flags(self, el: Any, inherited: dict[str, bool]) -> dict[str, bool]:
        sp = self.sp
        flags = dict(inherited)
        for prop in el.iter_styles():
            name = prop.__name__
            value = el.get_style(prop)
            if prop is sp.FontStyle:
                flags["i"] = getattr(value, "value", "") in ("italic", "oblique")
            elif prop is sp.FontWeight:
                flags["b"] = getattr(value, "value", "") == "bold"
            elif prop is sp.TextDecoration:
                flags["u"] = bool(getattr(value, "underline", False))
            else:
                self.styles[name] += 1
        return flags

    def text(self, el: Any, flags: dict[str, bool]) -> str:
        m = self.m
        if isinstance(el, m.Br):
            return "\n"
        if isinstance(el, m.Text):
            raw = el.get_text()
            keep = (
                el.parent() is not None and el.parent().get_space() is m.WhiteSpaceHandling.PRESERVE
            )
            return raw if keep else _WS.sub(" ", raw)
        parts = []
        for child in el:
            own = self.flags(child, flags) if not isinstance(child, m.Text | m.Br) else flags
            piece = self.text(child, own)
            for tag in ("i", "b", "u"):
                if own.get(tag) and not flags.get(tag) and piece.strip():
                    piece = f"<{tag}>{piece}</{tag}>"
            parts.append(piece)
        if isinstance(el, m.P):
            out = "".join(parts)
            for tag in ("i", "b", "u"):
                if flags.get(tag) and out.strip():
                    out = "\n".join(
                        f"<{tag}>{x}</{tag}>" if x.strip() else x for x in out.split("\n")
                    )
            return out
        return "".join(parts)

    def is_top(self, el: Any) -> bool:
        region = None
        node = el
        while node is not None and region is None:
            region = node.get_region()
            node = node.parent()
        if region is None:
            return False
        origin = region.get_style(self.sp.Origin)
        extent = region.get_style(self.sp.Extent)
        if origin is not None and extent is not None:
            centre = self._pct(origin.x, "w") + self._pct(extent.width, "w") / 2
            if abs(centre - 50) > 10:  # placed left or right: only top/bottom is kept
                self.counts["region"] += 1
        align = region.get_style(self.sp.DisplayAlign)
        top = self._pct(origin.y, "h") if origin is not None else 0.0
        height = self._pct(extent.height, "h") if extent is not None else 100.0
        if getattr(align, "value", "before") == "after":
            return top + height < 50
        if getattr(align, "value", "before") == "center":
            return top + height / 2 < 40
        return top < 40 and not (top < 1 and height > 90 and align is None)

    def _pct(self, length: Any, axis: str) -> float:
        units = length.units.value
        if units == "%":
            return float(length.value)
        if units == "c":
            cells = self.doc.get_cell_resolution()
            count = float(cells.rows if axis == "h" else cells.columns)
            return float(length.value) * 100 / count
        if units == "px":
            px = self.doc.get_px_resolution()
            size = float(px.height if axis == "h" else px.width)
            return float(length.value) * 100 / size
        return float(length.value)


_MESSAGES = {
    "outside": "paragraph(s) never on screen (no time between begin and end, or after "
    "the parent's end: TTML times are relative to the parent): skipped",
    "empty": "paragraph(s) without text skipped",
    "absolute": "element(s) whose children carry absolute times, against the TTML rule "
    "that times are relative to the parent: read as absolute",
    "open": "cue(s) without an end: shown until the next cue starts",
    "backwards": "cue(s) ending before they start skipped",
}


def _ms(t: Fraction) -> int:
    return max(0, round(t * 1000))


def _track(doc: Any, path: str | None, notices: list[Notice]) -> Track:
    if doc is None:
        raise InputError("no document could be read", path=path)
    walk = _Walk(doc, path)
    walk.run()
    found = sorted(walk.found, key=lambda f: f[0])
    cues: list[Cue] = []
    for k, (b, e, body) in enumerate(found):
        start = _ms(b)
        if e is None:
            walk.counts["open"] += 1
            later = [_ms(f[0]) for f in found[k + 1 :] if _ms(f[0]) > start]
            end = later[0] if later else start + _OPEN_END_MS
        else:
            end = _ms(e)
        if end < start:
            walk.counts["backwards"] += 1
            continue
        cues.append(Cue(start, end, body))
    for key, message in _MESSAGES.items():
        if walk.counts[key]:
            notices.append(Notice(path, None, f"{walk.counts[key]} {message}"))
    if walk.styles:
        kinds = ", ".join(sorted(walk.styles))
        notices.append(Notice(path, None, f"styling not kept: {kinds}"))
    if walk.counts["region"]:
        notices.append(
            Notice(
                path,
                None,
                f"{walk.counts['region']} cue(s) placed left or right of centre: "
                "only top/bottom placement is kept ({\\an8} for top)",
            )
        )
    return Track(tuple(cues), source=path)


# ---------------------------------------------------------------- writer


_TAG = re.compile(r"<(/?)([ibu])>|\{\\[^{}]*\}|</?[a-zA-Z][^<>]*>")


def write_ttml(cues: Iterable[Cue], language: str | None = None) -> str:
    """IMSC1 Text Profile TTML: bottom and top regions, <i>/<b>/<u> as span styles."""
    from xml.etree import ElementTree as ET

    from ttconv import model
    from ttconv import style_properties as sp
    from ttconv.imsc import writer

    cues = list(cues)
    refuse_nul(cues)
    doc = model.ContentDocument()
    doc.set_lang(language or "")
    regions = {}
    for name, y, align in (("bottom", 10, "after"), ("top", 10, "before")):
        region = model.Region(name, doc)
        pct = sp.LengthType.Units.pct
        region.set_style(
            sp.StyleProperties.Origin,
            sp.CoordinateType(
                sp.LengthType(10, pct), sp.LengthType(y if name == "top" else 10, pct)
            ),
        )
        region.set_style(
            sp.StyleProperties.Extent,
            sp.ExtentType(height=sp.LengthType(80, pct), width=sp.LengthType(80, pct)),
        )
        region.set_style(sp.StyleProperties.DisplayAlign, sp.DisplayAlignType(align))
        region.set_style(sp.StyleProperties.TextAlign, sp.TextAlignType.center)
        doc.put_region(region)
        regions[name] = region
    body = model.Body(doc)
    div = model.Div(doc)
    body.push_child(div)
    doc.set_body(body)
    for cue in cues:
        p = model.P(doc)
        p.set_begin(Fraction(cue.start, 1000))
        p.set_end(Fraction(cue.end, 1000))
        top = re.match(r"\{\\an?([789]|[56])\}", cue.text) is not None
        p.set_region(regions["top" if top else "bottom"])
        _fill(doc, p, cue.text, model, sp)
        div.push_child(p)
    tree = writer.from_model(doc)
    xml = ET.tostring(tree.getroot(), encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"


def _fill(doc: Any, p: Any, text: str, model: Any, sp: Any) -> None:
    """Spans nest as the tags do ("<i>a <b>b</b></i>": a bold span inside an italic
    one), so the text reads back with the same tags; line breaks go inside them."""
    styles = {
        "i": (sp.StyleProperties.FontStyle, sp.FontStyleType.italic),
        "b": (sp.StyleProperties.FontWeight, sp.FontWeightType.bold),
        "u": (sp.StyleProperties.TextDecoration, sp.TextDecorationType(underline=True)),
    }
    stack: list[tuple[str, Any]] = [("", p)]

    def add(piece: str) -> None:
        if not piece:
            return
        parent = stack[-1][1]
        target = parent
        if parent is p:  # a <p> holds spans, not text
            target = model.Span(doc)
        for n, line in enumerate(piece.split("\n")):
            if n:
                target.push_child(model.Br(doc))
            if line:
                target.push_child(model.Text(doc, line))
        if target is not parent:
            parent.push_child(target)

    pos = 0
    for m in _TAG.finditer(text):
        add(text[pos : m.start()])
        pos = m.end()
        name = m.group(2)
        if not name:
            continue  # {\an8} (the region says it) and other tags
        if not m.group(1):
            span = model.Span(doc)
            span.set_style(*styles[name])
            stack[-1][1].push_child(span)
            stack.append((name, span))
        elif any(tag == name for tag, _ in stack):
            while stack[-1][0] != name:
                stack.pop()  # close what a mis-nested tag left open
            stack.pop()
    add(text[pos:])

"""Which caption format a file holds, from its first kilobytes.

Extensions lie: WebVTT is served without one, ``.sub`` is both MicroDVD (text)
and VobSub (pictures), ``.txt`` and ``.xml`` say nothing. Each test below looks
for what the format's own spec puts at the start of a file (a header, a root
element, the shape of the first timing line), so a match is strong evidence.
"""

from __future__ import annotations

import re

from ..errors import InputError

__all__ = ["IMAGE_FORMATS", "refuse_images", "sniff_bytes", "sniff_text"]

HEAD = 8192  # bytes/characters looked at

# Image-based formats: what they are called, for the refusal.
IMAGE_FORMATS = {
    "vobsub": "VobSub (DVD subtitle pictures, .idx/.sub)",
    "pgs": "PGS (Blu-ray subtitle pictures, .sup)",
}

# EBU Tech 3264 GSI block: code page number (3 digits), then the disk format code.
_STL_DFC = re.compile(rb"^\d{3}STL(?:23|24|25|29|30|50|60)\.01")
_MPEG_PACK = b"\x00\x00\x01\xba"

_FIRST_LINE_TESTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("microdvd", re.compile(r"^\{-?\d+\}\{-?\d*\}")),
    ("mpl2", re.compile(r"^\[-?\d+\]\[-?\d*\]")),
    ("sbv", re.compile(r"^\d+:\d{2}:\d{2}\.\d{1,3},\d+:\d{2}:\d{2}\.\d{1,3}\s*$")),
    ("tmp", re.compile(r"^-?\d{1,2}:\d{2}:\d{2}[:=]")),
)
_SRT_TIMING = re.compile(r"^[ \t]*\d+:\d{1,2}:\d{1,2}(?:[,.:]\d{1,3})?[ \t]*-->", re.M)
_XML_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")
_XML_SKIP = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)\s*", re.S)


def sniff_bytes(data: bytes) -> str | None:
    """Binary formats (EBU STL, VobSub and PGS pictures), before any decoding."""
    if _STL_DFC.match(data[:11]):
        return "stl"
    if data.startswith(_MPEG_PACK):
        return "vobsub"
    if data.startswith(b"PG") and len(data) > 13 and data[10] in (0x14, 0x15, 0x16, 0x17, 0x80):
        return "pgs"
    return None


def sniff_text(text: str) -> str | None:
    """A text format's name from the decoded start of a file, or None when unsure."""
    head = text[:HEAD].lstrip("\ufeff")
    stripped = head.lstrip()
    first = stripped.split("\n", 1)[0].strip()
    if first.startswith("WEBVTT") and (len(first) == 6 or first[6] in " \t"):
        return "vtt"
    if first.startswith("# VobSub index file"):
        return "vobsub"
    if first.lower() in ("[script info]", "[v4+ styles]", "[v4 styles]"):
        return "ass"
    if first.startswith("Scenarist_SCC"):
        return "scc"
    if first in ("[INFORMATION]", "[SUBTITLE]"):
        return "subviewer"
    if stripped.startswith("<"):
        return _sniff_markup(stripped)
    if stripped[:1] in "{[" and re.match(r"^[{\[]\s*[\"{\[\]]", stripped):
        return "json"
    for name, pattern in _FIRST_LINE_TESTS:
        if pattern.match(first):
            return name
    if _SRT_TIMING.search(head):
        return "srt"
    if re.search(r"^\d{2}:\d{2}:\d{2}\.\d{2},\d{2}:\d{2}:\d{2}\.\d{2}\s*$", head, re.M):
        return "subviewer"
    return None


def _sniff_markup(text: str) -> str | None:
    pos = 0
    while m := _XML_SKIP.match(text, pos):
        if m.end() == pos:
            break
        pos = m.end()
    root = _XML_ROOT.match(text, pos)
    if root is None:
        return None
    name = root.group(1).lower()
    if name == "tt":
        return "ttml"
    if name == "sami":
        return "sami"
    return None


def refuse_images(fmt: str, path: str | None) -> None:
    """Picture-based subtitles hold no text: say so instead of "unsupported type"."""
    if fmt in IMAGE_FORMATS:
        raise InputError(
            f"{IMAGE_FORMATS[fmt]} holds pictures of text, not text",
            path=path,
            hint="run OCR on it first (e.g. Subtitle Edit or vobsub2srt), then use the SRT",
        )

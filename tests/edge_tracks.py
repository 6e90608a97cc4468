"""Caption files for every edge class of the shared corpus, generated here.

The corpus (``SUBTOOLS_CORPUS``, default ../shared/corpus) holds real files from
other projects and is not part of this repository; these files, written by the
test suite itself, cover each of its classes (encodings, byte order marks, line
ends, tags and positions, overlaps, broken timings, several languages, empty,
large, binary) so that a clone without the corpus still tests every class.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from subtools.timecode import format_srt

__all__ = ["EDGE_TRACKS", "EdgeTrack", "write_edge_tracks"]

RU = [
    "Нас отправили на передовую без подготовки.",
    "Командир сказал, что помочь не может.",
    "Мы просим вернуть нас в часть.",
]
EN = [
    "We were sent to the front line without training.",
    "The commander said he could not help.",
    "We ask to be returned to our unit.",
]
FR = ["Ça va, mon général ?", "Nous étions déjà là-bas, à l'aube.", "Où est le café ?"]
ZH = ["我们没有受过训练就被派往前线。", "指挥官说他帮不了我们。", "我们请求返回部队。"]
VI = ["Chúng tôi được gửi ra tiền tuyến.", "Chỉ huy nói ông không thể giúp.", "Xin hãy đưa về."]


def _srt(lines: list[str], *, start: int = 1000, step: int = 3000, length: int = 2500) -> str:
    return "\n".join(
        f"{n}\n{format_srt(start + (n - 1) * step)} --> "
        f"{format_srt(start + (n - 1) * step + length)}\n{text}\n"
        for n, text in enumerate(lines, 1)
    )


def _vtt(lines: list[str]) -> str:
    body = _srt(lines).replace(",", ".")
    return "WEBVTT\n\n" + "\n".join(b.split("\n", 1)[1] for b in body.split("\n\n")) + "\n"


@dataclass(frozen=True, slots=True)
class EdgeTrack:
    name: str  # file name; its extension picks the format
    edge: str  # the corpus INDEX.tsv class it stands for
    data: bytes
    cues: int | None  # cues read, or None: refused with an InputError
    error: str = ""  # part of that error's message
    texts: tuple[str, ...] = ()  # the first cues' text, when it matters


def _tracks() -> list[EdgeTrack]:
    ru, en = _srt(RU), _srt(EN)
    large = _srt([EN[i % 3] for i in range(5000)], step=2000, length=1800)
    return [
        EdgeTrack("normal.srt", "normal", en.encode(), 3, texts=tuple(EN)),
        EdgeTrack("normal.vtt", "normal", _vtt(EN).encode(), 3, texts=tuple(EN)),
        EdgeTrack("bom.srt", "bom", codecs.BOM_UTF8 + ru.encode(), 3, texts=tuple(RU)),
        EdgeTrack(
            "utf16le.srt", "utf16", codecs.BOM_UTF16_LE + ru.encode("utf-16-le"), 3, texts=tuple(RU)
        ),
        EdgeTrack("utf16be.vtt", "utf16", codecs.BOM_UTF16_BE + _vtt(RU).encode("utf-16-be"), 3),
        EdgeTrack(
            "utf32le.srt", "utf32", codecs.BOM_UTF32_LE + ru.encode("utf-32-le"), 3, texts=tuple(RU)
        ),
        EdgeTrack("utf32be.srt", "utf32", codecs.BOM_UTF32_BE + en.encode("utf-32-be"), 3),
        EdgeTrack("crlf.srt", "crlf", en.replace("\n", "\r\n").encode(), 3, texts=tuple(EN)),
        EdgeTrack(
            "mixed-eol.srt",
            "mixed-eol",
            (_srt(EN[:1]) + "\r\n" + _srt(EN[1:], start=4000).replace("\n", "\r")).encode(),
            3,
            texts=tuple(EN),
        ),
        EdgeTrack("cp1251.srt", "cp1252", ru.encode("cp1251"), 3, texts=tuple(RU)),
        EdgeTrack("cp1252.srt", "cp1252", _srt(FR).encode("cp1252"), 3, texts=tuple(FR)),
        EdgeTrack("iso8859.srt", "iso8859", _srt(FR).encode("iso-8859-1"), 3, texts=tuple(FR)),
        EdgeTrack("gb18030.srt", "gb2312", _srt(ZH * 4).encode("gb18030"), 12, texts=tuple(ZH)),
        EdgeTrack("vi.srt", "multilang", _srt(VI).encode(), 3, texts=tuple(VI)),
        EdgeTrack(
            "tags.srt",
            "tags",
            _srt(
                [
                    "<i>Нас отправили</i> на передовую.",
                    '{\\an8}<font color="#ffff00">Командир</font> сказал:',
                    "<b>- Мы просим.</b>\n- Вернуть нас.",
                ]
            ).encode(),
            3,
        ),
        EdgeTrack(
            "tags.vtt",
            "tags",
            (
                b"WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\n"
                b"00:01.000 --> 00:03.500 align:start line:10% position:20%\n"
                b"<v Soldier>We were sent <c.loud>without</c> training.</v>\n\n"
                b"00:04.000 --> 00:06.500\n<i>The commander</i> &amp; we.\n"
            ),
            2,
        ),
        EdgeTrack(
            "overlap.srt",
            "overlap",
            _srt(EN, step=2000, length=2600).encode(),
            3,
            texts=tuple(EN),
        ),
        EdgeTrack(
            "multilang.srt",
            "multilang",
            _srt([f"{r}\n{e}" for r, e in zip(RU, EN, strict=True)]).encode(),
            3,
        ),
        EdgeTrack(
            "no-blank-lines.srt",
            "malformed",
            en.replace("\n\n", "\n").encode(),
            3,
            texts=tuple(EN),
        ),
        EdgeTrack(
            "no-milliseconds.srt",
            "malformed",
            b"1\n00:00:01 --> 00:00:03\nHello.\n\n2\n00:00:04 --> 00:00:06\nAgain.\n",
            2,
        ),
        EdgeTrack(
            "dots-and-short-ms.srt",
            "malformed",
            b"1\n00:00:01.5 --> 00:00:03.25\nHello.\n\n2\n0:00:04.000 --> 0:00:06.000\nAgain.\n",
            2,
        ),
        EdgeTrack(
            "bad-timing.srt",
            "malformed",
            en.replace("00:00:04,000", "00:00:0x,000").encode(),
            None,
            "bad timing line",
        ),
        EdgeTrack(
            "text-before.srt", "malformed", ("Subtitles by\n\n" + en).encode(), None, "text before"
        ),
        EdgeTrack("empty.srt", "empty", b"", None, "empty file"),
        EdgeTrack("blank.vtt", "empty", b"\n\n  \n", None, "empty file"),
        EdgeTrack("large.srt", "large", large.encode(), 5000),
        EdgeTrack(
            "binary.srt",
            "binary",
            bytes(range(256)) * 4,
            None,
            "binary data, not a subtitle file",
        ),
    ]


EDGE_TRACKS = _tracks()


def write_edge_tracks(folder: Path) -> list[Path]:
    """Write every edge track into ``folder``; the paths, in EDGE_TRACKS order."""
    paths = []
    for t in EDGE_TRACKS:
        path = folder / t.name
        path.write_bytes(t.data)
        paths.append(path)
    return paths

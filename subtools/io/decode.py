"""Bytes -> text with the encoding detected (or given) and reported.

Subtitle files come in whatever the author's editor saved: UTF-8 with or without
a BOM, UTF-16/32 with a BOM, and legacy 8-bit code pages (cp1251 for Russian is
common). Detection order: BOM, then strict UTF-8, then a score over the legacy
candidates that rewards letters typical of the language each code page serves.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass

from ..errors import InputError

__all__ = ["LEGACY_CANDIDATES", "Decoded", "decode_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Letters that make up most of the non-ASCII text in each code page's languages.
# A wrong code page turns them into symbols, rare letters or mixed case, which
# scores lower. Kept as data so a new candidate is one line.
_COMMON = {
    # Lower case only: real text is mostly lower case, and reading cp1251 as
    # koi8-r (or back) swaps the cases, which is what tells the two apart.
    "cp1251": "оеаинтсрвлкмдпуяызбгчйхжшюцщэфъьё«»–—…№",
    "koi8-r": "оеаинтсрвлкмдпуяызбгчйхжшюцщэфъьё",
    "cp1252": "éèàçüöäñíóáúâêôßëïîûœæÉÀÇÜÖÄÑ’“”–—…«»°",
    "cp1250": "ąęłśćżźńóčřšžěůýáéíőűťďňäôĺŕŁŚŻŹČŘŠŽ’“”„–—…«»°",
    "gb18030": "",
}
LEGACY_CANDIDATES = ("cp1251", "cp1252", "cp1250", "koi8-r", "gb18030")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    bom: bool = False
    guessed: bool = False  # True when a legacy code page was chosen by score

    @property
    def label(self) -> str:
        label = self.encoding + (" (BOM)" if self.bom else "")
        return label + (" (guessed)" if self.guessed else "")


def decode_bytes(
    data: bytes, *, encoding: str | None = None, path: object = None, what: str = "subtitle file"
) -> Decoded:
    """Decode a text file's bytes; raise InputError for binary or undecodable data.

    ``what`` the file should be ("subtitle file", "glossary"...), for the error.
    """
    if encoding:
        return _decode_forced(data, encoding, path)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], name, path), name, bom=True)
    if b"\x00" in data[:4096]:
        return _decode_nul(data, path, what)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = max(LEGACY_CANDIDATES, key=lambda name: _score(data, name))
    return Decoded(data.decode(best, errors="replace"), best, guessed=True)


def _decode_forced(data: bytes, encoding: str, path: object) -> Decoded:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError("unknown encoding", value=encoding, path=path) from None
    try:
        # base64, rot13, zlib, hex... are codecs, not text encodings: decoding says
        # so (an empty input would not even ask the codec).
        with contextlib.suppress(UnicodeDecodeError):
            b"\x00\x00\x00\x00".decode(name)
    except LookupError:
        raise InputError(
            "not a text encoding", value=encoding, path=path, hint="use e.g. utf-8 or cp1251"
        ) from None
    for mark, bom_name in _BOMS:
        # The BOM of the forced encoding, or of its byte order ("utf-16" + a
        # big-endian BOM reads as utf-16-be); another encoding's BOM stays.
        if data.startswith(mark) and name in (bom_name, bom_name.rsplit("-", 1)[0]):
            return Decoded(_strict(data[len(mark) :], bom_name, path), bom_name, bom=True)
    return Decoded(_strict(data, name, path), name)


def _strict(data: bytes, name: str, path: object) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode as {name} at byte {exc.start}",
            path=path,
            value=data[exc.start : exc.start + 8].hex(" "),
            hint="pass --encoding with the file's real encoding",
        ) from None


def _printable_utf8(sample: bytes) -> bool:
    """UTF-8 text but for a few NULs (UTF-16 Cyrillic also decodes as UTF-8, as
    control characters: those are not printable)."""
    if sample.count(0) * 8 >= len(sample):
        return False
    text = sample.decode("utf-8", errors="ignore").replace("\x00", "")
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:2000])
    return bool(text) and printable >= 0.97 * min(len(text), 2000)


def _decode_nul(data: bytes, path: object, what: str) -> Decoded:
    """NUL bytes without a BOM: UTF-16 without BOM if the text fits, else binary.

    In UTF-16 the high byte of ASCII characters is 0, so one byte lane holds
    most of the zeros; the decoded text must then be almost all printable.
    A few NULs in what is otherwise UTF-8 text are a damaged text file: said
    so, with the line, rather than read as UTF-16 garbage.
    """
    sample = data[:4096]
    if _printable_utf8(sample):
        text = data.decode("utf-8", errors="replace")
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(f"a NUL byte in the text: not a clean {what}", path=path, line=line)
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    name = "utf-16-le" if odd > 2 * even else "utf-16-be" if even > 2 * odd else None
    if name:
        try:
            text = data[: len(data) - len(data) % 2].decode(name)
        except UnicodeDecodeError:
            text = ""
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:2000])
        if text and printable >= 0.97 * min(len(text), 2000):
            return Decoded(text, name)
    raise InputError(f"binary data, not a {what}", path=path, value=f"{len(data)} bytes")


_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = frozenset(("cp1251", "koi8-r"))


def _score(data: bytes, name: str) -> float:
    """Higher is more plausible. Works per word: a wrong code page yields words
    that mix scripts (Latin + Cyrillic) or runs of accented letters that no
    Western language writes."""
    text = data.decode(name, errors="replace")
    common = _COMMON.get(name, "")
    score = 0.0
    for ch in text:
        if ch == "\ufffd" or "\x80" <= ch < "\xa0":
            score -= 3
        elif ch >= "\x80" and not ch.isalpha() and ch not in common:
            score -= 1
    for word in _WORD.findall(text):
        high = [ch for ch in word if ch >= "\x80"]
        if not high:
            continue
        mixed = len(high) < len(word)
        if name == "gb18030":
            # One CJK character takes two bytes, where a Cyrillic or accented
            # letter takes one: score per byte, or a short Russian word wins as Chinese.
            score += sum(1 if "\u4e00" <= ch <= "\u9fff" else -1 for ch in high)
        elif name in _CYRILLIC and mixed:
            score -= 2 * len(high)
        elif name not in _CYRILLIC and not mixed and len(high) >= 3:
            score -= len(high)
        else:
            score += sum(
                _letter_score(word, i, ch, common) for i, ch in enumerate(word) if ch >= "\x80"
            )
    return score


def _letter_score(word: str, i: int, ch: str, common: str) -> float:
    """A capital first in a word is plausible; other capitals are not: reading
    koi8-r as cp1251 (or back) swaps the cases, and real text is mostly small letters."""
    if i == 0 and ch.isupper():
        ch = ch.lower()
    return 1 if ch in common else -0.5 if ch.isupper() else -0.2

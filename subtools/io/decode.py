"""Bytes -> text with the encoding detected (or given) and reported.

Subtitle files come in whatever the author's editor saved: UTF-8 with or without
a BOM, UTF-16/32 with a BOM, and legacy 8-bit code pages (cp1251 for Russian is
common). Detection order: BOM, then strict UTF-8, then a score over the legacy
candidates that rewards letters typical of the language each code page serves.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import InputError

__all__ = ["Decoded", "decode_bytes", "LEGACY_CANDIDATES"]

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


def decode_bytes(data: bytes, *, encoding: str | None = None, path: object = None) -> Decoded:
    """Decode a subtitle file's bytes; raise InputError for binary or undecodable data."""
    if encoding:
        return _decode_forced(data, encoding, path)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom):], name, path), name, bom=True)
    if b"\x00" in data[:4096]:
        return _decode_nul(data, path)
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
    bom = False
    for mark, bom_name in _BOMS:
        if data.startswith(mark) and codecs.lookup(bom_name).name.startswith(name.split("-")[0]):
            data, bom = data[len(mark):], True
            break
    return Decoded(_strict(data, name, path), name, bom=bom)


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


def _decode_nul(data: bytes, path: object) -> Decoded:
    """NUL bytes without a BOM: UTF-16 without BOM if the pattern fits, else binary."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for name, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) > 0.9 * len(zeros) and other.count(0) < 0.1 * len(other):
            return Decoded(_strict(data[: len(data) - len(data) % 2], name, path), name)
    raise InputError("binary data, not a subtitle file", path=path, value=f"{len(data)} bytes")


def _score(data: bytes, name: str) -> float:
    text = data.decode(name, errors="replace")
    common = _COMMON.get(name, "")
    score = 0.0
    for ch in text:
        if ch < "\x80":
            continue
        if ch == "\ufffd" or (ch < "\xa0"):
            score -= 3
        elif ch in common:
            score += 1
        elif name == "gb18030" and "\u4e00" <= ch <= "\u9fff":
            score += 1.5  # two bytes per character: keep it comparable
        elif ch.isalpha():
            score -= 0.5 if ch.isupper() else 0.2
        else:
            score -= 1
    return score

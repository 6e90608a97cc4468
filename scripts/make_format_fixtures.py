"""Write the binary and byte-coded caption fixtures of tests/io/formats/ (EBU STL, SCC).

These formats are not written by hand in an editor: EBU STL is 1024 bytes of
header and 128-byte text blocks, SCC is CEA-608 byte pairs with odd parity.
This script builds them from readable descriptions so each trap is visible.
Run it from the repository root; the files are committed, this only rebuilds them.
"""

from __future__ import annotations

import struct
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "io" / "formats"


# ---------------------------------------------------------------- EBU STL (Tech 3264)


def _field(value: str, size: int) -> bytes:
    data = value.encode("ascii")
    assert len(data) <= size
    return data.ljust(size, b" ")


def gsi(cct: str, blocks: int, subtitles: int, dfc: str = "STL25.01") -> bytes:
    """The General Subtitle Information block: code page 850 text, times from 00:00:00:00."""
    fields = [
        ("850", 3), (dfc, 8), ("1", 1), (cct, 2), ("09", 2),
        ("subtools fixture", 32), ("", 32), ("", 32), ("", 32), ("", 32), ("", 32),
        ("", 16), ("261202", 6), ("261202", 6), ("00", 2),
        (f"{blocks:05d}", 5), (f"{subtitles:05d}", 5), ("001", 3), ("40", 2), ("23", 2),
        ("1", 1), ("00000000", 8), ("00000000", 8), ("1", 1), ("1", 1), ("GBR", 3),
        ("", 32), ("", 32), ("", 32), ("", 75), ("", 576),
    ]  # fmt: skip
    block = b"".join(_field(v, n) for v, n in fields)
    assert len(block) == 1024
    return block


def tti(sn: int, ebn: int, tc_in: tuple[int, int, int, int], tc_out: tuple[int, int, int, int],
        row: int, text: bytes) -> bytes:  # fmt: skip
    """One Text and Timing Information block; ``text`` padded with 0x8F (unused space)."""
    assert len(text) <= 112
    head = struct.pack("<BHBB4B4BBBB", 0, sn, ebn, 0, *tc_in, *tc_out, row, 2, 0)
    return head + text.ljust(112, b"\x8f")


NL, ITALIC_ON, ITALIC_OFF = b"\x8a", b"\x80", b"\x81"
ACUTE = b"\xc2"  # ISO 6937: the accent comes before its letter


def stl_latin() -> bytes:
    """ISO 6937 (CCT 00): accents, italics, a bottom and a top row, and one subtitle
    whose text continues in an extension block (EBN 0x00, then 0xFF)."""
    long_part1 = b"This subtitle is long enough that its text field"
    long_part2 = b" goes on in an extension block."
    blocks = [
        tti(1, 0xFF, (0, 0, 1, 0), (0, 0, 3, 12), 20, b"Caf" + ACUTE + b"e" + NL + b"second line"),
        tti(2, 0xFF, (0, 0, 4, 0), (0, 0, 6, 0), 2, ITALIC_ON + b"On top, in italics" + ITALIC_OFF),
        tti(3, 0x00, (0, 1, 0, 5), (0, 1, 2, 20), 20, long_part1),
        tti(3, 0xFF, (0, 1, 0, 5), (0, 1, 2, 20), 20, long_part2),
    ]
    return gsi("00", len(blocks), 3) + b"".join(blocks)


def stl_cyrillic() -> bytes:
    """ISO 8859-5 (CCT 01), 30000/1001 frames per second."""
    text = "Привет, мир".encode("iso8859_5") + NL + "Как дела?".encode("iso8859_5")
    blocks = [tti(1, 0xFF, (0, 0, 2, 15), (0, 0, 4, 29), 20, text)]
    return gsi("01", len(blocks), 1, dfc="STL30.01") + b"".join(blocks)


# ---------------------------------------------------------------- SCC (CEA-608)


def _odd(byte: int) -> int:
    return byte | 0x80 if bin(byte).count("1") % 2 == 0 else byte


def _word(a: int, b: int) -> str:
    return f"{_odd(a):02x}{_odd(b):02x}"


def _text(s: str) -> list[str]:
    chars = [ord(c) for c in s] + ([0] if len(s) % 2 else [])
    return [_word(chars[i], chars[i + 1]) for i in range(0, len(chars), 2)]


def _twice(code: tuple[int, int]) -> list[str]:
    return [_word(*code)] * 2  # control codes are sent twice


RCL, EOC, EDM, ENM, CR = (0x14, 0x20), (0x14, 0x2F), (0x14, 0x2C), (0x14, 0x2E), (0x14, 0x2D)
RU2 = (0x14, 0x25)
ROW15, ROW14, ROW1 = (0x14, 0x70), (0x14, 0x50), (0x11, 0x40)
ITALICS = (0x11, 0x2E)  # mid-row code: white italics


def scc() -> str:
    """Pop-on captions (one at the top, one in italics) and a roll-up passage, with
    drop-frame timecodes (';') past the first minute, where frame numbers skip."""
    lines = [
        ("00:00:01;00", [*_twice(ENM), *_twice(RCL), *_twice(ROW15), *_text("HELLO, WORLD.")]),
        ("00:00:01;10", _twice(EOC)),
        ("00:00:03;00", [*_twice(ENM), *_twice(RCL), *_twice(ROW1), *_text("AT THE TOP")]),
        ("00:00:03;10", [*_twice(EDM), *_twice(EOC)]),
        ("00:00:05;00", [*_twice(ENM), *_twice(RCL), *_twice(ROW14), *_twice(ITALICS),
                         *_text("SLANTED WORDS")]),
        ("00:00:05;10", [*_twice(EDM), *_twice(EOC)]),
        ("00:00:07;00", _twice(EDM)),
        # 00:01:00;02 is frame 1800: frames ;00 and ;01 do not exist in that minute
        ("00:01:00;02", [*_twice(RU2), *_twice(CR), *_twice(ROW15), *_text("ROLL UP ONE")]),
        ("00:01:02;00", [*_twice(CR), *_text("ROLL UP TWO")]),
        ("00:01:04;00", [*_twice(CR), *_text("ROLL UP THREE")]),
        ("00:01:06;00", _twice(EDM)),
    ]  # fmt: skip
    body = "\n\n".join(f"{tc}\t{' '.join(words)}" for tc, words in lines)
    return f"Scenarist_SCC V1.0\n\n{body}\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "latin.stl").write_bytes(stl_latin())
    (OUT / "cyrillic.stl").write_bytes(stl_cyrillic())
    (OUT / "dropframe.scc").write_text(scc(), encoding="ascii")


if __name__ == "__main__":
    main()

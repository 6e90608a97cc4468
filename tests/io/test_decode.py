from __future__ import annotations

import codecs

import pytest

from subtools.errors import InputError
from subtools.io.decode import decode_bytes

RU = (
    "Мы не отказываемся служить, но мы не пойдём в песочницу без патронов.\nВчера погибли товарищи."
)
FR = "Déjà vu: l'été à Besançon, où il fait très chaud près du château."
PL = "Żółć gęślą jaźń: świetnie, że przyszliście, łódź czeka na brzegu rzeki."


@pytest.mark.parametrize(
    ("prefix", "codec", "label"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8 (BOM)"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le (BOM)"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be (BOM)"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le (BOM)"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be (BOM)"),
    ],
)
def test_bom_decides(prefix: bytes, codec: str, label: str) -> None:
    out = decode_bytes(prefix + RU.encode(codec))
    assert (out.text, out.label) == (RU, label)


@pytest.mark.parametrize(
    ("text", "codec"), [(RU, "cp1251"), (FR, "cp1252"), (PL, "cp1250"), (RU, "koi8-r")]
)
def test_legacy_code_pages_are_detected(text: str, codec: str) -> None:
    out = decode_bytes(text.encode(codec))
    assert (out.text, out.encoding, out.guessed) == (text, codec, True)
    assert out.label == f"{codec} (guessed)"


def test_utf8_without_bom() -> None:
    out = decode_bytes(RU.encode())
    assert (out.text, out.label) == (RU, "utf-8")


def test_utf16_without_bom_is_recognised() -> None:
    assert decode_bytes(RU.encode("utf-16-le")).encoding == "utf-16-le"


def test_forced_encoding_overrides_detection() -> None:
    data = RU.encode("cp1251")
    assert decode_bytes(data, encoding="koi8-r").text == data.decode("koi8-r")
    assert decode_bytes(data, encoding="windows-1251").encoding == "cp1251"


def test_forced_encoding_that_does_not_fit_names_the_byte() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(RU.encode("cp1251"), encoding="utf-8", path="x.srt")
    assert str(err.value) == (
        "x.srt: cannot decode as utf-8 at byte 0 ('cc fb 20 ed e5 20 ee f2'); "
        "pass --encoding with the file's real encoding"
    )


def test_unknown_encoding() -> None:
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"x", encoding="nope-42")


def test_binary_data_is_refused() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(bytes(range(256)) * 4, path="clip.mp4")
    assert str(err.value) == "clip.mp4: binary data, not a subtitle file ('1024 bytes')"


SHORT_CUE = "1\n00:00:01,000 --> 00:00:02,000\n{}\n"


@pytest.mark.parametrize(
    ("word", "codec"),
    [
        ("Да.", "cp1251"),
        ("Ну да", "cp1251"),
        ("Он", "cp1251"),
        ("Эй!", "cp1251"),
        ("Да, да.", "koi8-r"),
        ("Мы", "koi8-r"),
        ("Ёж", "koi8-r"),
        ("мы не пойдём без патронов", "koi8-r"),  # not capitals in cp1251
        ("Ça va", "cp1252"),
        ("Über", "cp1252"),
        ("Źle", "cp1250"),
    ],
)
def test_a_short_capitalised_cue_keeps_its_code_page(word: str, codec: str) -> None:
    # A capital first in a word is normal text; and two bytes are one CJK
    # character in gb18030 but two letters here: "Он" was read as Chinese.
    out = decode_bytes(SHORT_CUE.format(word).encode(codec))
    assert (out.text, out.encoding) == (SHORT_CUE.format(word), codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-be"])
def test_forced_utf16_or_32_follows_the_byte_order_mark(codec: str) -> None:
    # --encoding utf-16 on a big-endian file stripped the BOM, then read the
    # rest little-endian: "no subtitle cues found".
    out = decode_bytes(_with_bom(codec), encoding=codec.rsplit("-", 1)[0])
    assert (out.text, out.encoding, out.bom) == (RU, codec, True)


def _with_bom(codec: str) -> bytes:
    boms = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }
    return boms[codec] + RU.encode(codec)


def test_a_forced_encoding_keeps_a_bom_of_another_encoding() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(codecs.BOM_UTF16_LE + RU.encode("utf-16-le"), encoding="utf-8", path="x.srt")
    assert str(err.value).startswith("x.srt: cannot decode as utf-8 at byte 0 ('ff fe")

"""Font reading and choice, checked against fontconfig and the DejaVu files on disk."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.burn import sfnt
from subtools.burn.fonts import (
    CYRILLIC_SAMPLE,
    choose_font,
    covering_families,
    discover_fonts,
)
from subtools.burn.sfnt import FontFormatError, read_font
from subtools.errors import DependencyError, InputError

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.fixture(scope="module", autouse=True)
def _dejavu_installed() -> None:
    # fonts-dejavu-core has Sans/Serif/Mono; fonts-dejavu-extra adds the Oblique,
    # Condensed and Math TeX Gyre (no Cyrillic) faces these tests rely on.
    missing = [
        n
        for n in ("DejaVuSans.ttf", "DejaVuMathTeXGyre.ttf", "DejaVuSansCondensed.ttf")
        if not (DEJAVU / n).is_file()
    ]
    assert not missing, f"scripts/setup.sh installs fonts-dejavu-core/-extra; missing {missing}"


@pytest.fixture(scope="module")
def font_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private font folder: DejaVu Sans (4 faces), Sans Condensed, Serif, and Math."""
    folder = tmp_path_factory.mktemp("fonts with 'odd': name")
    for name in (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
        "DejaVuSansCondensed.ttf",
        "DejaVuSerif.ttf",
        "DejaVuMathTeXGyre.ttf",
    ):
        shutil.copy(DEJAVU / name, folder / name)
    (folder / "notes.txt").write_text("not a font")
    (folder / "broken.ttf").write_bytes(b"\x00\x01\x00\x00garbage")
    return folder


def _fc_charset(path: Path) -> frozenset[int]:
    text = subprocess.run(
        ["fc-query", "--format", "%{charset}", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    chars: set[int] = set()
    for part in text.split():
        lo, _, hi = part.partition("-")
        chars.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return frozenset(chars)


def test_names_and_styles() -> None:
    face = read_font(DEJAVU / "DejaVuSans.ttf")
    assert (face.family, face.style, face.index, face.aliases) == ("DejaVu Sans", "Book", 0, ())
    cond = read_font(DEJAVU / "DejaVuSansCondensed-Bold.ttf")
    assert (cond.family, cond.style, cond.aliases) == (
        "DejaVu Sans",
        "Condensed Bold",
        ("DejaVu Sans Condensed",),
    )
    assert cond.answers_to("dejavu sans condensed")
    assert not face.answers_to("DejaVu Sans Condensed")


@pytest.mark.parametrize(
    "name", ["DejaVuSans.ttf", "DejaVuSerif-Italic.ttf", "DejaVuMathTeXGyre.ttf"]
)
def test_character_map_equals_fontconfigs(name: str) -> None:
    assert read_font(DEJAVU / name).chars == _fc_charset(DEJAVU / name)


def test_format4_and_format12_maps_agree_on_the_bmp() -> None:
    with open(DEJAVU / "DejaVuSans.ttf", "rb") as fh:
        tables = sfnt._table_directory(fh, 0)
        bmp = sfnt._cmap_chars(fh, *tables[b"cmap"], preference=((3, 1),))
        full = sfnt._cmap_chars(fh, *tables[b"cmap"], preference=((3, 10),))
    assert bmp == frozenset(c for c in full if c <= 0xFFFF)
    assert len(full) > len(bmp)  # DejaVu Sans has mathematical letters above U+FFFF


def test_coverage() -> None:
    sans, math = read_font(DEJAVU / "DejaVuSans.ttf"), read_font(DEJAVU / "DejaVuMathTeXGyre.ttf")
    assert sans.covers(CYRILLIC_SAMPLE)
    assert not math.covers("Ж")
    assert math.missing("Жаба Ж ab") == "Жаб"


def test_not_a_font(tmp_path: Path) -> None:
    bad = tmp_path / "x.ttf"
    bad.write_bytes(b"hello world, definitely not a font")
    with pytest.raises(FontFormatError, match="not a TrueType/OpenType font"):
        read_font(bad)
    bad.write_bytes(b"\x00\x01\x00\x00\x00\x09")
    with pytest.raises(FontFormatError, match="truncated"):
        read_font(bad)


def test_discover_in_a_folder_skips_non_fonts(font_dir: Path) -> None:
    faces = discover_fonts([font_dir], system=False)
    assert sorted((f.family, f.style) for f in faces) == [
        ("DejaVu Math TeX Gyre", "Regular"),
        ("DejaVu Sans", "Bold"),
        ("DejaVu Sans", "Bold Oblique"),
        ("DejaVu Sans", "Book"),
        ("DejaVu Sans", "Condensed"),
        ("DejaVu Sans", "Oblique"),
        ("DejaVu Serif", "Book"),
    ]
    assert covering_families(faces) == ["DejaVu Sans", "DejaVu Serif"]


def test_discovery_without_fc_list_scans_the_font_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with_fc = {(f.path, f.family, f.style) for f in discover_fonts()}
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-list on PATH
    assert shutil.which("fc-list") is None
    without = {(f.path, f.family, f.style) for f in discover_fonts()}
    assert {(str(DEJAVU / "DejaVuSans.ttf"), "DejaVu Sans", "Book")} <= without
    assert without == with_fc


def test_choose_prefers_dejavu_sans_for_latin_and_cyrillic(font_dir: Path) -> None:
    faces = discover_fonts([font_dir], system=False)
    choice = choose_font(faces, "Hello, Привет!")
    assert choice.family == "DejaVu Sans"
    assert choice.regular.style == "Book"
    assert len(choice.faces) == 5  # Book, Bold, Oblique, Bold Oblique, Condensed
    assert choice.warnings == ()


def test_choose_by_name_and_alias(font_dir: Path) -> None:
    faces = discover_fonts([font_dir], system=False)
    serif = choose_font(faces, "Привет", "dejavu serif")
    assert (serif.family, [f.style for f in serif.faces]) == ("DejaVu Serif", ["Book"])
    cond = choose_font(faces, "Привет", "DejaVu Sans Condensed")
    assert (cond.family, [f.style for f in cond.faces]) == ("DejaVu Sans Condensed", ["Condensed"])


def test_named_font_without_the_letters_is_an_input_error(font_dir: Path) -> None:
    faces = discover_fonts([font_dir], system=False)
    with pytest.raises(InputError) as err:
        choose_font(faces, "Привет", "DejaVu Math TeX Gyre")
    assert str(err.value) == (
        "font 'DejaVu Math TeX Gyre' has no glyphs for 'Привет' used in the captions; "
        "fonts that have these letters: DejaVu Sans, DejaVu Serif"
    )
    with pytest.raises(InputError, match=r"font not found \('Comic Sans'\)"):
        choose_font(faces, "Hello", "Comic Sans")


def test_no_usable_font_is_a_dependency_error(font_dir: Path) -> None:
    with pytest.raises(DependencyError, match=r"no usable font found"):
        choose_font((), "Hello")
    math_only = [
        f for f in discover_fonts([font_dir], system=False) if f.family.startswith("DejaVu Math")
    ]
    with pytest.raises(DependencyError) as err:
        choose_font(math_only, "Привет")
    assert str(err.value).startswith(
        "no installed font has glyphs for the caption letters 'Привет'; install a font"
    )


def test_letters_no_font_has_are_named_with_a_package_for_their_script(font_dir: Path) -> None:
    faces = discover_fonts([font_dir], system=False)
    with pytest.raises(DependencyError) as err:
        choose_font(faces, "Мы 我们 stay")
    # Only the letters no font has; and DejaVu (the Latin/Cyrillic hint) has no Chinese.
    assert str(err.value) == (
        "no installed font has glyphs for the caption letters '我们'; install a font that has "
        "these letters (Debian: apt-get install fonts-noto-cjk) or pass --fonts-dir DIR "
        "with such a .ttf"
    )
    with pytest.raises(DependencyError) as err:
        choose_font(faces, "नमस")
    assert "(Debian: apt-get install fonts-noto-core)" in str(err.value)


def test_unknown_symbols_only_warn(font_dir: Path) -> None:
    faces = discover_fonts([font_dir], system=False)
    choice = choose_font(faces, "Hi 🎥")
    assert choice.family == "DejaVu Sans"
    assert choice.warnings == (
        "font 'DejaVu Sans' has no glyphs for '🎥'; libass will try another font for them "
        "or leave them out",
    )


def test_preferred_order_puts_a_fonts_dir_first(font_dir: Path) -> None:
    faces = discover_fonts([font_dir], system=False)
    assert choose_font(faces, "Привет", preferred=("DejaVu Serif",)).family == "DejaVu Serif"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([b"\x00\x01\x00\x00", b"OTTO", b"ttcf", b""]))
def test_any_bytes_give_a_font_or_a_font_format_error(
    tmp_path_factory: pytest.TempPathFactory, body: bytes, tag: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.ttf"
    path.write_bytes(tag + body)
    try:
        face = read_font(path)
    except FontFormatError:
        return
    assert face.path == str(path)


def test_a_real_font_cut_short_is_a_font_format_error(tmp_path: Path) -> None:
    data = (DEJAVU / "DejaVuSans.ttf").read_bytes()
    for size in (12, 200, 5000, len(data) // 2):
        cut = tmp_path / f"cut{size}.ttf"
        cut.write_bytes(data[:size])
        with pytest.raises(FontFormatError):
            read_font(cut)

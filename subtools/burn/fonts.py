"""Finding a font that can draw the captions, before ffmpeg runs.

libass draws nothing at all when it finds no font with the needed glyphs: it
only logs "failed to find any fallback" and the burned video looks fine except
that the captions are missing. So the font is chosen here, its character map
checked against the caption text, and its folder handed to libass explicitly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import DependencyError, InputError
from .sfnt import FONT_EXTENSIONS, FontFile, FontFormatError, read_font

__all__ = [
    "CYRILLIC_SAMPLE",
    "PREFERRED_FAMILIES",
    "FontChoice",
    "choose_font",
    "covering_families",
    "discover_fonts",
    "system_font_dirs",
]

# Russian and Ukrainian letters: a face must draw all of them to "cover Cyrillic".
CYRILLIC_SAMPLE = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяЄІЇҐєіїґ"
# Plain sans families that are common on Linux and cover Latin and Cyrillic.
PREFERRED_FAMILIES = (
    "DejaVu Sans",
    "Noto Sans",
    "Liberation Sans",
    "FreeSans",
    "Ubuntu",
    "Open Sans",
    "Arial",
)
_REGULAR_STYLES = ("regular", "book", "normal", "roman", "medium")
_INSTALL_HINT = (
    "install a font that has these letters (Debian: apt-get install fonts-dejavu-core) "
    "or pass --fonts-dir DIR with such a .ttf"
)
_EAST_ASIAN = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO")


def _install_hint(letters: str) -> str:
    """The hint with a Debian font package that has ``letters`` (DejaVu has no Chinese)."""
    names = [unicodedata.name(ch, "") for ch in letters]
    if any(script in n for n in names for script in _EAST_ASIAN):
        package = "fonts-noto-cjk"
    elif all(n.startswith(("LATIN", "CYRILLIC", "GREEK", "DIGIT")) for n in names):
        package = "fonts-dejavu-core"
    else:
        package = "fonts-noto-core"
    return _INSTALL_HINT.replace("fonts-dejavu-core", package)


@dataclass(frozen=True, slots=True)
class FontChoice:
    """The family to name in the ASS style and the files libass should load for it."""

    family: str
    faces: tuple[FontFile, ...]
    warnings: tuple[str, ...] = ()

    @property
    def regular(self) -> FontFile:
        return _regular_face(self.faces)


def system_font_dirs() -> tuple[Path, ...]:
    home = Path.home()
    dirs = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
    ]
    data = os.environ.get("XDG_DATA_HOME")
    if data:
        dirs.append(Path(data) / "fonts")
    return tuple(dict.fromkeys(dirs))


def discover_fonts(extra_dirs: Sequence[Path] = (), *, system: bool = True) -> tuple[FontFile, ...]:
    """Faces in ``extra_dirs`` first, then the system's (fontconfig's list when available)."""
    files: list[tuple[str, int]] = []
    for folder in extra_dirs:
        files.extend((str(p), 0) for p in _scan(folder))
    if system:
        listed = _fc_list()
        if listed is None:
            listed = [(str(p), 0) for d in system_font_dirs() for p in _scan(d)]
        files.extend(listed)
    faces: list[FontFile] = []
    seen: set[tuple[str, int]] = set()
    for path, index in files:
        key = (os.path.realpath(path), index)
        if key in seen:
            continue
        seen.add(key)
        face = _read_once(path, index)
        if face is not None:
            faces.append(face)
    return tuple(faces)


# Parsed faces per process, by file identity: a batch worker burns many clips
# with the same fonts, and parsing every system font is most of the discovery.
_parsed: dict[tuple[str, int, int, int], FontFile | None] = {}


def _read_once(path: str, index: int) -> FontFile | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    key = (path, index, st.st_mtime_ns, st.st_size)
    if key not in _parsed:
        try:
            _parsed[key] = read_font(path, index)
        except FontFormatError:
            # bitmap fonts (.pcf), Type 1 and broken files: libass cannot use them
            _parsed[key] = None
    return _parsed[key]


def _scan(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found = []
    for root, _dirs, names in os.walk(folder, followlinks=True):
        for name in sorted(names):
            if name.lower().endswith(FONT_EXTENSIONS):
                found.append(Path(root) / name)
    return found


def _fc_list() -> list[tuple[str, int]] | None:
    """Every scalable face fontconfig knows, or None when fc-list is not installed."""
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    try:
        out = subprocess.run(
            [exe, "--format", "%{file}\t%{index}\n"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    listed = []
    for line in out.splitlines():
        path, _, index = line.rpartition("\t")
        if path.lower().endswith(FONT_EXTENSIONS):
            listed.append((path, int(index) if index.isdigit() else 0))
    return sorted(listed)


def _regular_face(faces: Sequence[FontFile]) -> FontFile:
    for style in _REGULAR_STYLES:
        for face in faces:
            if face.style.casefold() == style:
                return face
    return faces[0]


def _families(faces: Iterable[FontFile]) -> dict[str, list[FontFile]]:
    groups: dict[str, list[FontFile]] = {}
    for face in faces:
        groups.setdefault(face.family, []).append(face)
    return groups


def covering_families(faces: Iterable[FontFile], sample: str = CYRILLIC_SAMPLE) -> list[str]:
    """Families whose regular face draws every character of ``sample``, sorted by name."""
    return sorted(
        name for name, group in _families(faces).items() if _regular_face(group).covers(sample)
    )


def _needed(text: str) -> tuple[str, str]:
    """Split the distinct visible characters into (letters and digits, other symbols)."""
    letters: dict[str, None] = {}
    symbols: dict[str, None] = {}
    for ch in text:
        if ch.isspace() or unicodedata.category(ch)[0] in "CZ":
            continue
        (letters if unicodedata.category(ch)[0] in "LN" else symbols).setdefault(ch)
    return "".join(letters), "".join(symbols)


def choose_font(
    faces: Sequence[FontFile],
    text: str,
    name: str | None = None,
    *,
    preferred: Sequence[str] = PREFERRED_FAMILIES,
) -> FontChoice:
    """Pick the family to burn ``text`` with: ``name`` if given, else the first that covers it.

    Families are tried in the order of ``preferred`` (the caller puts the
    families of a --fonts-dir first), then the rest by name. A missing letter is an error (it would
    not be drawn); a missing symbol (emoji, dingbat) only a warning.
    """
    letters, symbols = _needed(text)
    groups = _families(faces)
    if name is not None:
        matching = [f for f in faces if f.answers_to(name)]
        if not matching:
            raise InputError(
                "font not found",
                value=name,
                hint=_suggest(groups, letters) or "no installed font covers the captions",
            )
        # Name the faces as asked: a legacy alias ("DejaVu Sans Condensed") picks
        # only its own faces, and libass matches it by that name too.
        family = next(
            n for n in (matching[0].family, *matching[0].aliases) if n.casefold() == name.casefold()
        )
        choice = [f for f in matching if f.answers_to(family)]
        missing = _regular_face(choice).missing(letters)
        if missing:
            raise InputError(
                f"font {family!r} has no glyphs for {missing!r} used in the captions",
                hint=_suggest(groups, letters) or _INSTALL_HINT,
            )
        return FontChoice(family, tuple(choice), _symbol_warnings(family, choice, symbols))
    if not groups:
        raise DependencyError(
            "no usable font found (no .ttf/.otf fonts installed)", hint=_INSTALL_HINT
        )
    rank: dict[str, int] = {}
    for fam in preferred:
        rank.setdefault(fam.casefold(), len(rank))
    order = sorted(groups, key=lambda fam: (rank.get(fam.casefold(), len(rank)), fam))
    for family in order:
        group = groups[family]
        if _regular_face(group).covers(letters):
            return FontChoice(family, tuple(group), _symbol_warnings(family, group, symbols))
    faces_of = [_regular_face(group) for group in groups.values()]
    nowhere = "".join(ch for ch in letters if all(f.missing(ch) for f in faces_of))
    if nowhere:
        raise DependencyError(
            f"no installed font has glyphs for the caption letters {nowhere!r}",
            hint=_install_hint(nowhere),
        )
    raise DependencyError(
        f"no installed font has glyphs for all the caption letters {letters!r}",
        hint=_INSTALL_HINT.replace("a font", "one font"),
    )


def _symbol_warnings(family: str, group: Sequence[FontFile], symbols: str) -> tuple[str, ...]:
    missing = _regular_face(group).missing(symbols)
    if not missing:
        return ()
    return (
        f"font {family!r} has no glyphs for {missing!r}; libass will try "
        "another font for them or leave them out",
    )


def _suggest(groups: dict[str, list[FontFile]], letters: str) -> str:
    fits = [fam for fam, group in sorted(groups.items()) if _regular_face(group).covers(letters)]
    if not fits:
        return ""
    shown = ", ".join(fits[:6]) + (", ..." if len(fits) > 6 else "")
    return f"fonts that have these letters: {shown}"

"""The one caption look subtools draws: the ASS writer's Default style and burn's override.

Sizes scale with the picture height (6% for the font, a little above libass's
default, for phones), so a file written for 1920x1080 and a burn on a 640x360
video look alike.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["DEFAULT_FAMILY", "Position", "default_outline", "default_size", "style_fields"]

Position = Literal["bottom", "top"]
DEFAULT_FAMILY = "DejaVu Sans"  # the first of burn's preferred families
# libass reads force_style's Alignment in the legacy SSA scheme (2 bottom centre,
# 6 top centre); an ASS file's Style line uses the numpad scheme (8 top centre).
_LEGACY_ALIGNMENT = {"bottom": 2, "top": 6}
_NUMPAD_ALIGNMENT = {"bottom": 2, "top": 8}


def default_size(height: int) -> int:
    return max(10, round(height * 0.06))


def default_outline(height: int) -> float:
    return max(1.0, round(height / 360 * 1.5 * 2) / 2)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def style_fields(
    family: str,
    width: int,
    height: int,
    *,
    size: int | None = None,
    outline: float | None = None,
    position: Position = "bottom",
    box: bool = False,
    legacy_alignment: bool = False,
) -> list[tuple[str, str]]:
    """(ASS style field, value) pairs, sizes in pixels of a ``width`` x ``height`` picture."""
    alignment = (_LEGACY_ALIGNMENT if legacy_alignment else _NUMPAD_ALIGNMENT)[position]
    fields = [
        ("FontName", family),
        ("FontSize", str(size if size is not None else default_size(height))),
        ("PrimaryColour", "&H00FFFFFF"),
        ("Alignment", str(alignment)),
        ("MarginV", str(max(4, round(height * 0.05)))),
        ("MarginL", str(max(4, round(width * 0.04)))),
        ("MarginR", str(max(4, round(width * 0.04)))),
        ("Outline", _number(outline if outline is not None else default_outline(height))),
        ("Shadow", "0"),
    ]
    if box:
        # BorderStyle 3 draws an opaque box in the outline colour, padded by Outline.
        fields += [("BorderStyle", "3"), ("OutlineColour", "&H40000000")]
    else:
        fields += [("BorderStyle", "1"), ("OutlineColour", "&H00000000")]
    return fields

"""SubStation ``Format:`` lines put into the order pysubs2 assumes.

pysubs2 (1.8) ignores a section's ``Format:`` line and reads every ``Style:``
and ``Dialogue:`` line by the standard field order, so a file whose Format line
names fewer fields or another order (valid: the Format line defines the
columns) is read with the style name as a start time, or worse, with times and
text swapped silently. Such sections are rewritten here, column by column,
into the standard order with the standard defaults before pysubs2 sees them.
"""

from __future__ import annotations

__all__ = ["canonical_substation"]

# The standard columns and the values a missing column takes (ASS/SSA specs).
_STYLE_ASS = {
    "Name": "Default", "Fontname": "Arial", "Fontsize": "20",
    "PrimaryColour": "&H00FFFFFF", "SecondaryColour": "&H000000FF",
    "OutlineColour": "&H00000000", "BackColour": "&H00000000",
    "Bold": "0", "Italic": "0", "Underline": "0", "StrikeOut": "0",
    "ScaleX": "100", "ScaleY": "100", "Spacing": "0", "Angle": "0",
    "BorderStyle": "1", "Outline": "2", "Shadow": "2", "Alignment": "2",
    "MarginL": "10", "MarginR": "10", "MarginV": "10", "Encoding": "1",
}  # fmt: skip
_STYLE_SSA = {
    "Name": "Default", "Fontname": "Arial", "Fontsize": "20",
    "PrimaryColour": "16777215", "SecondaryColour": "65535",
    "TertiaryColour": "0", "BackColour": "0", "Bold": "0", "Italic": "0",
    "BorderStyle": "1", "Outline": "2", "Shadow": "2", "Alignment": "2",
    "MarginL": "10", "MarginR": "10", "MarginV": "10", "AlphaLevel": "0", "Encoding": "0",
}  # fmt: skip
_EVENT_ASS = {
    "Layer": "0", "Start": "0:00:00.00", "End": "0:00:00.00", "Style": "Default",
    "Name": "", "MarginL": "0", "MarginR": "0", "MarginV": "0", "Effect": "", "Text": "",
}  # fmt: skip
_EVENT_SSA = {"Marked": "Marked=0", **{k: v for k, v in _EVENT_ASS.items() if k != "Layer"}}
_COLOUR_ALIASES = {"PrimaryColor": "PrimaryColour", "SecondaryColor": "SecondaryColour",
                   "OutlineColor": "OutlineColour", "BackColor": "BackColour",
                   "TertiaryColor": "TertiaryColour", "Actor": "Name"}  # fmt: skip


def _columns(section: str, ssa: bool) -> tuple[dict[str, str], tuple[str, ...]] | None:
    if section == "[events]":
        table = _EVENT_SSA if ssa else _EVENT_ASS
        return table, ("Dialogue", "Comment", "Picture", "Sound", "Movie", "Command")
    if section in ("[v4+ styles]", "[v4 styles]", "[v4 styles+]"):
        table = _STYLE_SSA if ssa else _STYLE_ASS
        return table, ("Style",)
    return None


def canonical_substation(text: str) -> tuple[str, bool]:
    """``text`` with every Format-described section in the standard order; whether it changed."""
    ssa = "[v4 styles]" in text[:20000].lower() and "[v4+ styles]" not in text[:20000].lower()
    out: list[str] = []
    changed = False
    table: dict[str, str] | None = None
    kinds: tuple[str, ...] = ()
    order: list[str] | None = None  # the section's own columns when they differ
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            found = _columns(stripped.lower(), ssa)
            table, kinds = found if found else (None, ())
            order = None
        elif table is not None and stripped.lower().startswith("format:"):
            names = [_COLOUR_ALIASES.get(n.strip(), n.strip()) for n in stripped[7:].split(",")]
            if names != list(table):
                order = names
                changed = True
                line = "Format: " + ", ".join(table)
        elif table is not None and order is not None:
            kind, sep, rest = line.partition(":")
            if sep and kind.strip() in kinds:
                values = rest.lstrip().split(",", len(order) - 1)
                given = dict(zip(order, values, strict=False))
                line = f"{kind.strip()}: " + ",".join(
                    given.get(col, default) for col, default in table.items()
                )
        out.append(line)
    return "\n".join(out), changed

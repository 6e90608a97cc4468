"""Filter text: escaping rules, the style override, the full -vf text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from subtools.burn.filters import (
    Style,
    escape_graph,
    escape_option,
    force_style,
    subtitles_filter,
)


def test_escape_option() -> None:
    assert escape_option("/tmp/a b/c.srt") == "/tmp/a b/c.srt"
    assert escape_option("it's a:b=c\\d") == "it\\'s a\\:b\\=c\\\\d"
    assert escape_option("trailing  ") == "trailing\\ \\ "
    assert escape_option("[x],y;z") == "[x],y;z"  # the graph level handles these


def test_escape_graph() -> None:
    assert escape_graph("a[b],c;d'e\\f") == "a\\[b\\]\\,c\\;d\\'e\\\\f"
    assert escape_graph("a b:c=d") == "a b:c=d"


def _unescape(text: str) -> str:
    """ffmpeg's av_get_token without delimiters: a backslash keeps the next char."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 1
        out.append(text[i])
        i += 1
    return "".join(out)


def _unescaped_specials(text: str, specials: str) -> list[str]:
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in specials:
            found.append(text[i])
        i += 1
    return found


@given(st.text(min_size=1))
def test_two_level_escaping_round_trips(value: str) -> None:
    option = escape_option(value)
    graph = escape_graph(option)
    assert _unescaped_specials(option, "\\':=") == []
    assert _unescaped_specials(graph, "\\'[],;") == []
    assert _unescape(_unescape(graph)) == value


def test_force_style_defaults_scale_with_the_picture() -> None:
    assert force_style(Style(), "DejaVu Sans", 640, 360) == (
        "PlayResX=640,PlayResY=360,FontName=DejaVu Sans,FontSize=22,"
        "PrimaryColour=&H00FFFFFF,Alignment=2,MarginV=18,MarginL=26,MarginR=26,"
        "Outline=1.5,Shadow=0,BorderStyle=1,OutlineColour=&H00000000"
    )
    hd = force_style(Style(position="top", box=True), "DejaVu Sans", 1280, 720)
    assert re.findall(r"(FontSize|Alignment|Outline|BorderStyle|OutlineColour)=([^,]+)", hd) == [
        ("FontSize", "43"),
        ("Alignment", "6"),
        ("Outline", "3"),
        ("BorderStyle", "3"),
        ("OutlineColour", "&H40000000"),
    ]


def test_force_style_options() -> None:
    text = force_style(Style(size=30, outline=2.5), "Noto Sans", 320, 240)
    assert "FontName=Noto Sans,FontSize=30," in text
    assert ",Outline=2.5," in text


def test_subtitles_filter_text() -> None:
    vf = subtitles_filter(Path("/tmp/x y/it's.srt"), Path("/f:o"), "FontName=A,FontSize=9")
    assert vf == (
        "subtitles=filename=/tmp/x y/it\\\\\\'s.srt:fontsdir=/f\\\\:o:charenc=UTF-8:"
        "force_style=FontName\\\\=A\\,FontSize\\\\=9"
    )
    assert subtitles_filter(Path("/c.srt"), None, "Outline=1") == (
        "subtitles=filename=/c.srt:charenc=UTF-8:force_style=Outline\\\\=1"
    )

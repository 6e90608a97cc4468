"""Articles as paragraphs of plain text, from .txt, .md or .html files.

Quote extraction works on paragraphs because the news convention for long
quotes is paragraph based, and reports number quotes by paragraph. Markup is
removed; the text of each paragraph is kept as written otherwise.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from .normalize import word_set

__all__ = ["ARTICLE_FORMATS", "Article", "Paragraph", "parse_article", "read_article"]

ARTICLE_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Paragraph ``index`` (1-based); a ``heading`` (title line) or a ``blockquote``."""

    index: int
    text: str
    heading: bool = False
    blockquote: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    path: str | None
    format: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


def read_article(path: str | os.PathLike[str]) -> Article:
    from ..io.decode import decode_bytes
    from ..io.files import read_bytes

    ext = Path(path).suffix.lower()
    if ext not in ARTICLE_FORMATS:
        raise InputError(
            "unsupported article file type",
            path=path,
            value=ext or "(none)",
            hint="use .txt, .md or .html",
        )
    data = read_bytes(path)
    if not data.strip():
        raise InputError("empty file", path=path)
    text = decode_bytes(data, path=path, what="text article").text.lstrip("\ufeff")
    fmt = ARTICLE_FORMATS[ext]
    paragraphs = parse_article(text, fmt)
    if not paragraphs:
        raise InputError("no text found in the article", path=path)
    return Article(str(path), fmt, paragraphs)


# Invisible in print, but they would split a word in two ("aban&shy;don").
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def parse_article(text: str, fmt: str = "text") -> tuple[Paragraph, ...]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "html":
        blocks = _html_blocks(text)
    elif fmt == "markdown":
        blocks = _markdown_blocks(text)
    else:
        blocks = _text_blocks(text)
    out: list[Paragraph] = []
    for body, heading, quote in blocks:
        body = re.sub(r"\s+", " ", body.translate(_INVISIBLE)).strip()
        if body:
            out.append(Paragraph(len(out) + 1, body, heading, quote))
    return tuple(out)


Block = tuple[str, bool, bool]


def _looks_like_title(line: str) -> bool:
    # A headline may end with a quote ('Soldier: "We Were Sent to Die"'), not with a full stop.
    end = line.rstrip().rstrip("\"”’'»").rstrip()
    return len(line.split()) <= 20 and not re.search(r"[.!?:,;]$", end)


def _text_blocks(text: str) -> list[Block]:
    # Without blank lines anywhere, every line is a paragraph.
    blank = re.compile(r"\n[ \t]*\n")
    chunks = blank.split(text) if blank.search(text) else text.split("\n")
    blocks = [(c.strip(), False, False) for c in chunks if c.strip()]
    if blocks and _looks_like_title(blocks[0][0]):
        blocks[0] = (blocks[0][0], True, False)
    return blocks


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
# An emphasis span is looked for over at most 1,000 characters: an opening "*"
# without its closing one would otherwise be searched to the paragraph's end,
# once per "*" (the square of the paragraph's length).
_MD_EMPH = re.compile(
    r"(\*\*|__)(.{1,1000}?)\1|(?<![\w*])\*(?!\s)(.{1,1000}?)(?<!\s)\*(?!\w)"
    r"|(?<!\w)_(?!\s)(.{1,1000}?)(?<!\s)_(?!\w)"
)
_MD_NESTING = 4
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def _md_inline(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_TAG.sub("", text)
    prev = None
    for _ in range(_MD_NESTING):  # nested emphasis, a few levels deep
        if prev == text:
            break
        prev = text
        text = _MD_EMPH.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    return text


def _markdown_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [ln for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        if all(ln.lstrip().startswith(">") for ln in lines):
            body = " ".join(re.sub(r"^\s*>\s?", "", ln) for ln in lines)
            blocks.append((_md_inline(body), False, True))
            continue
        if len(lines) == 2 and re.fullmatch(r"\s*(=+|-+)\s*", lines[1]):
            blocks.append((_md_inline(lines[0]), True, False))  # setext heading
            continue
        current: list[str] = []
        for ln in lines:
            heading = re.match(r"\s*#{1,6}\s+(.*?)\s*#*\s*$", ln)
            item = re.match(r"\s*(?:[-*+]|\d+[.)])\s+(.*)$", ln)
            if re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", ln):
                continue  # a horizontal rule
            if heading or item:
                if current:
                    blocks.append((_md_inline(" ".join(current)), False, False))
                    current = []
                if heading:
                    blocks.append((_md_inline(heading.group(1)), True, False))
                else:
                    current = [item.group(1)] if item else []
                continue
            current.append(ln.strip())
        if current:
            blocks.append((_md_inline(" ".join(current)), False, False))
    return blocks


_BLOCK_TAGS = word_set(
    "p div li blockquote h1 h2 h3 h4 h5 h6 pre td th dt dd figcaption section article "
    "header footer aside ul ol table tr main title"
)
_SKIP_TAGS = word_set("script style noscript template svg head nav button form select")


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._buf: list[str] = []
        self._skip = 0
        self._heading = 0
        self._quote = 0

    def _flush(self) -> None:
        body = "".join(self._buf).strip()
        if body:
            self.blocks.append((body, self._heading > 0, self._quote > 0))
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "br":
            self._buf.append(" ")
        elif tag == "q" and not self._skip:
            self._buf.append("“")
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self._heading += 1
            elif tag == "blockquote":
                self._quote += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "q" and not self._skip:
            self._buf.append("”")
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self._heading = max(0, self._heading - 1)
            elif tag == "blockquote":
                self._quote = max(0, self._quote - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buf.append(data)


def _html_blocks(text: str) -> list[Block]:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.blocks

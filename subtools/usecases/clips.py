"""``clip --all-quotes``: a clip per quote found in the captions, with posters and an index.

Quotes the check did not find in the captions are skipped and listed. A clip
that fails (a span past the video's end, a broken encode) is recorded with its
error and the batch goes on; the index (JSON and a small HTML page of posters)
is written last, so it always describes the files beside it.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..burn.layout import ClipLook
from ..errors import InputError, SubtoolsError
from ..io import atomic_write_text, make_folder, refuse_same_path
from ..timecode import format_seconds
from .burn import BurnOptions, ClipResult, checked_quotes, clip_file, save_frame

if TYPE_CHECKING:
    from ..quotes.results import QuoteResult

__all__ = [
    "ClipBatch",
    "QuoteClip",
    "SkippedQuote",
    "clip_name",
    "clip_quotes",
    "default_label",
    "poster_time",
]

Progress = Callable[[int, int], None]
INDEX_JSON = "index.json"
INDEX_HTML = "index.html"
# A pronoun names nobody: such a "speaker" makes no label.
_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "you", "it", "him", "her", "them", "one"))
_SLUG_WORDS = 5


def default_label(speaker: str | None) -> str | None:
    """The label a quote gets when none is given: its speaker, unless only a pronoun."""
    if speaker is None or not speaker.strip() or speaker.strip().casefold() in _PRONOUNS:
        return None
    return speaker.strip()


def clip_name(n: int, text: str) -> str:
    """``quote03-we-the-mobilized-men-of``: the quote number, then its first words."""
    words = re.findall(r"\w+", text.casefold())[:_SLUG_WORDS]
    slug = "-".join(words)[:40].strip("-")
    return f"quote{n:02d}" + (f"-{slug}" if slug else "")


def poster_time(quote_start: int, clip_start: int, quote_ms: int) -> int:
    """A frame with the first caption (and the label) shown: 1 s into the quote, or its middle."""
    return quote_start - clip_start + min(1000, quote_ms // 2)


@dataclass(frozen=True, slots=True)
class QuoteClip:
    quote: int
    text: str
    speaker: str | None
    label: str | None
    file: str | None  # None when the clip failed
    poster: str | None
    result: ClipResult | None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "quote": self.quote,
            "text": self.text,
            "speaker": self.speaker,
            "label": self.label,
            "file": self.file,
            "poster": self.poster,
        }
        if self.result is not None:
            out.update(
                start=self.result.start_ms / 1000,
                end=self.result.end_ms / 1000,
                duration=self.result.duration_ms / 1000,
                cues=self.result.cues,
                warnings=list(self.result.warnings),
            )
        if self.error is not None:
            out["error"] = self.error
        return out


@dataclass(frozen=True, slots=True)
class SkippedQuote:
    quote: int
    status: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"quote": self.quote, "status": self.status, "text": self.text}


@dataclass(frozen=True, slots=True)
class ClipBatch:
    folder: str
    video: str
    captions: str
    article: str
    clips: tuple[QuoteClip, ...]
    skipped: tuple[SkippedQuote, ...]
    index_json: str
    index_html: str

    @property
    def failed(self) -> tuple[QuoteClip, ...]:
        return tuple(c for c in self.clips if c.error is not None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "video": self.video,
            "captions": self.captions,
            "article": self.article,
            "clips": [c.to_dict() for c in self.clips],
            "skipped": [s.to_dict() for s in self.skipped],
            "failed": [c.quote for c in self.failed],
            "index": {"json": self.index_json, "html": self.index_html},
        }


def clip_quotes(
    video: str | os.PathLike[str],
    captions: str | os.PathLike[str],
    article: str | os.PathLike[str],
    folder: str | os.PathLike[str],
    *,
    pad_ms: int = 500,
    soft: bool = False,
    look: ClipLook | None = None,
    label: str | None = None,
    options: BurnOptions | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> ClipBatch:
    """Clip every found quote of ``article`` into ``folder`` (made if needed).

    ``label`` None gives each clip its quote's speaker as label; "" gives none.
    ``progress`` gets (done ms, total ms) over the whole batch.
    """
    video, captions, article, out = Path(video), Path(captions), Path(article), Path(folder)
    if out.exists() and not out.is_dir():
        raise InputError("with --all-quotes the output is a folder, and this is a file", path=out)
    for source in (video, captions, article):
        if not source.exists():
            raise InputError("file not found", path=source)
        refuse_same_path(source, out / INDEX_JSON)
        refuse_same_path(source, out / INDEX_HTML)
    report = checked_quotes(article, captions, "the quotes")
    found = [q for q in report.quotes if q.match is not None]
    skipped = tuple(SkippedQuote(q.id, q.status, q.text) for q in report.quotes if q.match is None)
    make_folder(out)
    planned = [_planned_ms(q, pad_ms) for q in found]
    total = sum(planned)
    done = 0
    clips = []
    for quote, length in zip(found, planned, strict=True):
        clips.append(
            _one(quote, video, captions, out, pad_ms, soft, look, label, options, encoding,
                 _offset(progress, done, total))
        )  # fmt: skip
        done += length
        if progress is not None:
            progress(done, total)
    batch = ClipBatch(
        str(out),
        str(video),
        str(captions),
        str(article),
        tuple(clips),
        skipped,
        str(out / INDEX_JSON),
        str(out / INDEX_HTML),
    )
    atomic_write_text(out / INDEX_JSON, json.dumps(batch.to_dict(), ensure_ascii=False, indent=2))
    atomic_write_text(out / INDEX_HTML, index_page(batch))
    return batch


def _planned_ms(quote: QuoteResult, pad_ms: int) -> int:
    assert quote.match is not None
    return quote.match.end_ms - quote.match.start_ms + 2 * pad_ms


def _offset(progress: Progress | None, done: int, total: int) -> Progress | None:
    if progress is None:
        return None

    def report(ms: int, _clip_total: int) -> None:
        progress(min(total, done + ms), total)

    return report


def _one(
    quote: QuoteResult,
    video: Path,
    captions: Path,
    out: Path,
    pad_ms: int,
    soft: bool,
    look: ClipLook | None,
    label: str | None,
    options: BurnOptions | None,
    encoding: str | None,
    progress: Progress | None,
) -> QuoteClip:
    assert quote.match is not None
    name = clip_name(quote.id, quote.text)
    shown = default_label(quote.speaker) if label is None else (label.strip() or None)
    clip_look = replace(look or ClipLook(), label=shown)
    target, poster = out / f"{name}.mp4", out / f"{name}.png"
    start, end = quote.match.start_ms, quote.match.end_ms
    try:
        result = clip_file(video, captions, target, start_ms=start, end_ms=end, pad_ms=pad_ms,
                           soft=soft, options=options, look=clip_look, encoding=encoding,
                           progress=progress)  # fmt: skip
        at = poster_time(start, result.start_ms, end - start)
        save_frame(target, poster, at_ms=min(at, max(0, result.duration_ms - 100)))
    except SubtoolsError as exc:
        return QuoteClip(quote.id, quote.text, quote.speaker, shown, None, None, None, str(exc))
    return QuoteClip(quote.id, quote.text, quote.speaker, shown, target.name, poster.name, result)


_STYLE = """
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }
.grid { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; width: 220px; }
figure img { width: 100%; border-radius: 6px; background: #ddd; }
figcaption { font-size: 13px; }
.failed { color: #a00; }
"""


def index_page(batch: ClipBatch) -> str:
    """A small self-contained page: each clip's poster linking to the clip, then the skips."""
    e = html.escape
    cards = []
    for c in batch.clips:
        head = f"Quote {c.quote}" + (f" · {e(c.label)}" if c.label else "")
        if c.result is None or c.file is None or c.poster is None:
            cards.append(
                f'<figure class="failed" data-quote="{c.quote}"><figcaption><b>{head}</b>'
                f"<br>failed: {e(c.error or '')}</figcaption></figure>"
            )
            continue
        span = f"{format_seconds(c.result.start_ms)} – {format_seconds(c.result.end_ms)}"
        cards.append(
            f'<figure data-quote="{c.quote}"><a href="{e(c.file)}">'
            f'<img src="{e(c.poster)}" alt="poster of quote {c.quote}"></a>'
            f"<figcaption><b>{head}</b> ({span})<br>“{e(c.text)}”</figcaption></figure>"
        )
    skipped = "".join(
        f'<li data-quote="{s.quote}">Quote {s.quote} ({e(s.status)}): “{e(s.text)}”</li>'
        for s in batch.skipped
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Quote clips of {e(Path(batch.article).name)}</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>Quote clips of {e(Path(batch.article).name)}</h1>"
        f"<p>{len(batch.clips)} clip{'s' * (len(batch.clips) != 1)} of "
        f"{e(Path(batch.video).name)} with {e(Path(batch.captions).name)}.</p>"
        f'<div class="grid">{"".join(cards)}</div>'
        + (f"<h2>Not in the captions, skipped</h2><ul>{skipped}</ul>" if skipped else "")
        + "</body></html>\n"
    )

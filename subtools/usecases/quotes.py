"""``subtools quotes``: check an article's quotes against a caption file.

When the captions are in another language than the article, they are
translated first (an injected ``translator``, else the translation use-case)
and the report says so. Without a usable translation the report carries a
``language_mismatch`` instead of comparing words of two languages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote as quote_url

from ..errors import DependencyError, InputError, InternalError
from ..io import atomic_output, read_track, refuse_same_path, render_track
from ..lang import detect_language
from ..model import Track
from ..quotes.article import ARTICLE_FORMATS, read_article
from ..quotes.html import VideoEmbed, render_html, render_summary_html
from ..quotes.results import LanguageMismatch, QuoteReport, Translation
from ..quotes.verify import check_paragraphs, unchecked_quotes

__all__ = [
    "HTML_EXTENSIONS",
    "Translator",
    "article_paths",
    "check_html_path",
    "page_names",
    "verify_quotes",
    "write_html_report",
    "write_html_summary",
]

Translator = Callable[[Track], Track]


def _model_name(translator: Any, result: Track) -> str:
    meta = dict(result.meta)
    for key in ("model", "translator"):
        if meta.get(key):
            return meta[key]
    for attr in ("model", "model_name", "name", "__name__"):
        value = getattr(translator, attr, None)
        if isinstance(value, str) and value:
            return value
    return type(translator).__name__


def _hint(src: str, dst: str) -> str:
    return (
        f"install an offline {src}->{dst} translation model (argostranslate .argosmodel, "
        f"see docs/translate.md) or check captions in the article's language"
    )


def _load_translate_track() -> Callable[..., Track]:
    """The translation use-case, imported only when captions need translating."""
    from .translate import translate_track

    return translate_track


def _default_translation(track: Track, src: str, dst: str) -> tuple[Track, str] | LanguageMismatch:
    try:
        result = _load_translate_track()(track, dst, from_lang=src)
    except (DependencyError, InputError) as exc:
        return LanguageMismatch(dst, src, exc.message, exc.hint or _hint(src, dst))
    return result, dict(result.meta).get("model") or "argostranslate"


def verify_quotes(
    article_path: str | os.PathLike[str],
    captions_path: str | os.PathLike[str],
    *,
    translator: Translator | None = None,
    encoding: str | None = None,
    speakers: Sequence[str] = (),
    notice: str | None = None,
) -> QuoteReport:
    """Check every quote of the article against the captions; see ``QuoteReport``.

    ``notice``: the captions were translated earlier by the test fixture model
    (a job's translate step); the report carries it like its own translation's.
    """
    article = read_article(article_path)
    read = read_track(captions_path, encoding=encoding)
    track = read.track
    article_lang = detect_language(article.text)
    captions_lang = track.language or detect_language(track.text)
    report = QuoteReport(
        str(article_path),
        str(captions_path),
        article_lang,
        captions_lang,
        article.paragraphs,
        (),
        warnings=tuple(str(n) for n in read.notices),
        notice=notice,
    )
    if not (article_lang and captions_lang and article_lang != captions_lang):
        quotes, speaker = check_paragraphs(article.paragraphs, track, speakers=speakers)
        return replace(report, quotes=quotes, video_speaker=speaker)
    if translator is not None:
        translated = translator(track.with_language(captions_lang))
        model = _model_name(translator, translated)
    else:
        outcome = _default_translation(
            track.with_language(captions_lang), captions_lang, article_lang
        )
        if isinstance(outcome, LanguageMismatch):
            return replace(
                report, quotes=unchecked_quotes(article.paragraphs), language_mismatch=outcome
            )
        translated, model = outcome
    if len(translated) != len(track):
        raise InternalError(
            "the translation returned a different number of cues",
            value=(len(track), len(translated)),
        )
    made_by_fixture = dict(translated.meta).get("notice")
    quotes, speaker = check_paragraphs(
        article.paragraphs, translated, original=track, speakers=speakers
    )
    return replace(
        report,
        quotes=quotes,
        video_speaker=speaker,
        translated=Translation(captions_lang, article_lang, model, notice=made_by_fixture),
        notice=made_by_fixture or notice,
    )


HTML_EXTENSIONS = (".html", ".htm")


def check_html_path(path: str | os.PathLike[str]) -> None:
    """An HTML report goes to a .html or .htm file: HTML in a .txt or .srt file would be
    opened as text, or overwrite a file of another kind."""
    ext = Path(path).suffix.lower()
    if ext not in HTML_EXTENSIONS:
        raise InputError(
            "the HTML report needs a .html or .htm file name",
            path=path,
            value=ext or "(none)",
        )


def _write_page(path: str | os.PathLike[str], page: str) -> None:
    with atomic_output(path) as tmp:
        tmp.write_text(page, encoding="utf-8")
        # The temporary file is private (0600); a report is meant to be shared.
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)


def _video_embed(
    report: QuoteReport, page: str | os.PathLike[str], video: str | os.PathLike[str]
) -> VideoEmbed:
    """The video as a link relative to the page (it stays a file beside the report),
    with the captions the quotes were checked against as WebVTT."""
    if not Path(video).is_file():
        raise InputError("video file not found", path=video)
    track = read_track(report.captions).track
    src = os.path.relpath(Path(video).resolve(), Path(page).resolve().parent)
    return VideoEmbed(quote_url(Path(src).as_posix()), render_track(track, "vtt"))


def write_html_report(
    report: QuoteReport,
    path: str | os.PathLike[str],
    video: str | os.PathLike[str] | None = None,
) -> None:
    """Write the HTML page atomically; never over an input file. With ``video``, the
    page plays it beside the quotes (a click on a quote seeks to its start)."""
    check_html_path(path)
    refuse_same_path(report.article, path)
    refuse_same_path(report.captions, path)
    if video is not None:
        refuse_same_path(video, path)
    embed = _video_embed(report, path, video) if video is not None else None
    _write_page(path, render_html(report, embed))


def article_paths(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The articles named, a folder standing for the article files in it (by name)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix.lower() in ARTICLE_FORMATS)
            if not found:
                raise InputError("no article (.txt, .md, .html) in the folder", path=p)
            out.extend(found)
        else:
            out.append(p)
    return out


def page_names(path: str | os.PathLike[str], reports: Sequence[QuoteReport]) -> list[Path]:
    """Where each article's page goes beside the summary page ``path``."""
    base = Path(path)
    return [
        base.with_name(f"{base.stem}.{n}-{Path(r.article).stem}.html")
        for n, r in enumerate(reports, start=1)
    ]


def write_html_summary(
    reports: Sequence[QuoteReport],
    path: str | os.PathLike[str],
    video: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """The summary page at ``path`` and one page per article beside it (returned)."""
    pages = page_names(path, reports)
    # Every page is checked before any is written: a refusal leaves nothing behind.
    for page in (path, *pages):
        for report in reports:
            refuse_same_path(report.article, page)
            refuse_same_path(report.captions, page)
        if video is not None:
            refuse_same_path(video, page)
    for report, page in zip(reports, pages, strict=True):
        write_html_report(report, page, video)
    rows = [(r.article, p.name, r) for r, p in zip(reports, pages, strict=True)]
    _write_page(path, render_summary_html(reports[0].captions, rows))
    return pages

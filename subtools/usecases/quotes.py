"""``subtools quotes``: check an article's quotes against a caption file.

When the captions are in another language than the article, they are
translated first (an injected ``translator``, else the translation use-case)
and the report says so. Without a usable translation the report carries a
``language_mismatch`` instead of comparing words of two languages.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..errors import DependencyError, InputError, InternalError
from ..io import atomic_output, read_track, refuse_same_path
from ..lang import detect_language
from ..model import Track
from ..quotes.article import read_article
from ..quotes.html import render_html
from ..quotes.results import LanguageMismatch, QuoteReport, Translation
from ..quotes.verify import unchecked_quotes, verify_paragraphs

__all__ = ["Translator", "verify_quotes", "write_html_report"]

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
        return replace(report, quotes=verify_paragraphs(article.paragraphs, track))
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
    return replace(
        report,
        quotes=verify_paragraphs(article.paragraphs, translated, original=track),
        translated=Translation(captions_lang, article_lang, model, notice=made_by_fixture),
        notice=made_by_fixture or notice,
    )


def write_html_report(report: QuoteReport, path: str | os.PathLike[str]) -> None:
    """Write the self-contained HTML page atomically; never over an input file."""
    refuse_same_path(report.article, path)
    refuse_same_path(report.captions, path)
    with atomic_output(path) as tmp:
        tmp.write_text(render_html(report), encoding="utf-8")
        # The temporary file is private (0600); a report is meant to be shared.
        umask = os.umask(0)
        os.umask(umask)
        tmp.chmod(0o666 & ~umask)

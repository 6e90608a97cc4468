"""Use-cases of ``subtools translate`` and ``subtools models``.

``translate_file`` reads a caption file, picks the source language and the
model, translates sentence-aware and writes the result atomically;
``translate_track`` is the small in-memory entry point other features (quote
checks across languages) call. No heavy import at module level: argostranslate
and CTranslate2 load only when a model is used.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..io import (
    Notice,
    check_output,
    format_for,
    read_track,
    write_json_file,
    write_track,
)
from ..lang import detect_language, language_code
from ..model import Track
from ..translate.base import ModelInfo, Progress, Translator
from ..translate.boundaries import EVIDENCE
from ..translate.glossary import GlossaryMiss, load_glossary
from ..translate.pipeline import translate_cues
from ..translate.sentences import CueBoundary

__all__ = [
    "FIXTURE_NOTICE",
    "TranslateResult",
    "install_model",
    "list_models",
    "real_model_installed",
    "remove_model",
    "resolve_source_language",
    "translate_file",
    "translate_track",
    "write_bilingual",
]

# Override blocks at a cue's start, except style toggles ({\i1} opens italics).
_PREFIX = re.compile(r"(?:\{\\(?![ibus][01]?\})[^{}]*\})+")
FIXTURE_NOTICE = "translated by the subtools test fixture model, not a real translation"


@dataclass(frozen=True, slots=True)
class TranslateResult:
    track: Track
    source_track: Track
    source_language: str
    target_language: str
    detected: bool  # source language found by detection (not given)
    model: ModelInfo
    sentences: int
    glossary_misses: tuple[GlossaryMiss, ...]
    skipped_cues: tuple[int, ...]
    filled_cues: tuple[int, ...]
    output: str | None = None
    bilingual: bool = False
    notices: tuple[Notice, ...] = ()  # the reader's repairs, reported as warnings
    # cues of each sentence too long for the model, translated in parts
    split_sentences: tuple[tuple[int, ...], ...] = ()
    # Where sentences cross cues (0-based cues) and which evidence placed each cut.
    boundaries: tuple[CueBoundary, ...] = ()

    @property
    def notice(self) -> str | None:
        """What a reader must be told about this output, if anything."""
        return FIXTURE_NOTICE if self.model.is_test_fixture else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "source_language": self.source_language,
            "source_language_detected": self.detected,
            "target_language": self.target_language,
            "model": self.model.to_dict(),
            "notice": self.notice,
            "cues": len(self.track),
            "sentences": self.sentences,
            "bilingual": self.bilingual,
            "skipped_cues": list(self.skipped_cues),
            "filled_cues": list(self.filled_cues),
            "split_sentences": [list(cues) for cues in self.split_sentences],
            "glossary_misses": [m.to_dict() for m in self.glossary_misses],
            "boundaries": [
                {"cue": b.cue + 1, "next_cue": b.next_cue + 1, "evidence": b.evidence}
                for b in self.boundaries
            ],
            "boundary_evidence": {
                e: sum(1 for b in self.boundaries if b.evidence == e) for e in EVIDENCE
            },
            "warnings": [str(n) for n in self.notices],
        }


def resolve_source_language(track: Track, from_lang: str | None) -> tuple[str, bool]:
    """(language, detected): ``from_lang`` unless it is None/"auto", else langdetect."""
    code = _code(from_lang or "auto")
    if code != "auto":
        return code, False
    if track.language:
        return track.language, False
    found = detect_language(track.text)
    if found is None:
        raise InputError(
            "cannot detect the source language (too little text)",
            path=track.source,
            hint="pass --from LANG, e.g. --from ru",
        )
    return found, True


def _code(language: str) -> str:
    """A language code as argos names it: "RU " -> "ru", "English" -> "en"; "auto" stays."""
    if language.strip().lower() == "auto":
        return "auto"
    return language_code(language)


@contextlib.contextmanager
def _backend(
    from_lang: str, to_lang: str, model: Path | None, detected: bool
) -> Iterator[tuple[Translator, ModelInfo]]:
    # Models are loaded once per process and reused by the next file (translate.loaded).
    from ..translate import loaded

    if model is None:
        translator = loaded.installed_translator(from_lang, to_lang)
        yield translator, translator.info
        return
    translator = loaded.model_translator(model)
    info = translator.info
    if (info.from_code, info.to_code) != (from_lang, to_lang):
        hint = (
            "pass --from to override the detected language"
            if detected
            else "use a model for this pair"
        )
        raise InputError(
            f"the model translates {info.pair}, but {from_lang}->{to_lang} is needed",
            path=model,
            hint=hint,
        )
    yield translator, info


def _check_pair(from_lang: str, to_lang: str, source: str | None) -> None:
    if from_lang == to_lang:
        raise InputError(
            f"the captions are already in {to_lang}",
            path=source,
            hint="pass --from if the language was detected wrongly",
        )


def translate_track(
    track: Track, to_lang: str, from_lang: str | None = None, translator: Translator | None = None
) -> Track:
    """Sentence-aware translation of a track in memory (same cues and timings).

    With no ``translator``, the installed argos model for the pair is used.
    """
    to_lang = _code(to_lang)
    src, detected = resolve_source_language(track, from_lang)
    if src == to_lang:
        return track
    if translator is not None:
        return translate_cues(track, translator, to_lang=to_lang).track
    with _backend(src, to_lang, None, detected) as (backend, info):
        done = translate_cues(track, backend, to_lang=to_lang).track
    # Reports (quotes) name the model that made the text they matched.
    label = f"argostranslate {info.name} {info.version}".strip()
    meta = [("model", label)]
    if info.is_test_fixture:
        label += " (test fixture, not a real translation)"
        meta = [("model", label), ("notice", FIXTURE_NOTICE)]
    return replace(done, meta=(*done.meta, *meta))


def _without_prefix(text: str, source: str) -> str:
    """``text`` without the override tags ({\\an8}) it shares at the start with ``source``.

    The source line above already carries them, and a tag in mid-cue is shown
    as text by renderers that do not apply it.
    """
    m = _PREFIX.match(source)
    prefix = m.group() if m else ""
    return text[len(prefix) :] if prefix and text.startswith(prefix) else text


def write_bilingual(result: TranslateResult, out: str | os.PathLike[str]) -> None:
    """Write a translation made earlier as a bilingual file (source above translation)."""
    meta = {k: v for k, v in result.to_dict().items() if k not in {"output", "warnings"}}
    meta["bilingual"] = True
    meta["language"], meta["source"] = result.target_language, result.source_track.source
    translated, source = result.track, result.source_track
    fmt = format_for(out).name
    if fmt == "json":
        cues = [
            {"index": n, "start": s.start, "end": s.end, "source": s.text, "text": t.text}
            for n, (s, t) in enumerate(zip(source.cues, translated.cues, strict=True), 1)
        ]
        write_json_file({**meta, "cues": cues}, out)
        return
    pairs = zip(source.cues, translated.cues, strict=True)
    both = [
        t.with_text(s.text + "\n" + _without_prefix(t.text, s.text)) if s.text != t.text else t
        for s, t in pairs
    ]
    write_track(translated.with_cues(both), out)


def translate_file(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    to_lang: str = "en",
    from_lang: str = "auto",
    model: str | os.PathLike[str] | None = None,
    glossary: str | os.PathLike[str] | None = None,
    bilingual: bool = False,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> TranslateResult:
    """Translate a caption file into ``out_path`` (format by extension), atomically.

    ``progress(done, total)`` follows the sentences sent to the model.
    """
    src_path, out = Path(in_path), Path(out_path)
    to_lang = _code(to_lang)
    check_output(src_path, out)
    terms = load_glossary(glossary) if glossary is not None else ()
    read = read_track(src_path, encoding=encoding)
    track = read.track
    lang, detected = resolve_source_language(track, from_lang)
    _check_pair(lang, to_lang, str(src_path))
    model_path = Path(model) if model is not None else None
    with _backend(lang, to_lang, model_path, detected) as (backend, info):
        done = translate_cues(track, backend, to_lang=to_lang, glossary=terms, progress=progress)
    translated = done.track.with_source(f"translation of {src_path}")
    result = TranslateResult(
        track=translated,
        source_track=track,
        source_language=lang,
        target_language=to_lang,
        detected=detected,
        model=info,
        sentences=done.sentences,
        glossary_misses=done.glossary_misses,
        skipped_cues=done.skipped_cues,
        filled_cues=done.filled_cues,
        output=str(out),
        bilingual=bilingual,
        notices=read.notices,
        split_sentences=done.split_sentences,
        boundaries=done.boundaries,
    )
    if bilingual:
        write_bilingual(result, out)
    else:
        write_track(translated, out)
    return result


def list_models() -> list[ModelInfo]:
    from ..translate import models

    return models.list_models()


def install_model(
    file: str | os.PathLike[str] | None = None,
    *,
    from_lang: str | None = None,
    to_lang: str | None = None,
) -> ModelInfo:
    """Install from an .argosmodel file, or download the pair from the argos index."""
    from ..translate import models

    if file is not None:
        if from_lang or to_lang:
            raise InputError("give either a model FILE or --from/--to, not both")
        return models.install_file(Path(file))
    if not (from_lang and to_lang):
        raise InputError("give a model FILE, or both --from and --to")
    return models.install_from_index(_code(from_lang), _code(to_lang))


def remove_model(from_lang: str, to_lang: str) -> list[ModelInfo]:
    from ..translate import models

    return models.remove_model(_code(from_lang), _code(to_lang))


def real_model_installed(from_lang: str, to_lang: str) -> bool:
    """True when a real (non-fixture) model for the pair is installed."""
    from ..translate import models

    return models.real_model_installed(from_lang, to_lang)

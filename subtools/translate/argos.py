"""argostranslate backend: the only module that imports argostranslate or ctranslate2.

argostranslate reads its settings (ARGOS_PACKAGES_DIR, XDG_* dirs, ARGOS_BEAM_SIZE,
...) once, when ``argostranslate.settings`` is first imported, so every import
here is lazy and happens after ``prepare_environment``.

Translation uses argostranslate's installed-package objects (metadata,
sentencepiece tokenizer, target prefix, beam/threads settings) and makes one
batched CTranslate2 call over all sentences with the same decoding options as
``argostranslate.translate``. That avoids two costs of argostranslate's own
``translate()`` for subtitles: one CTranslate2 call per line, and the ~2-5 s
import of stanza/torch that ``argostranslate.translate`` drags in. Sentence
splitting is done by subtools (sentences.py), so argos's SBD is not needed.
"""

from __future__ import annotations

import os
import sys
import urllib.request
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import DependencyError, InputError
from .alignment import word_alignment
from .base import Aligned, ModelInfo

__all__ = [
    "FIXTURE_KEY",
    "ArgosTranslator",
    "clear_argos_caches",
    "download_package",
    "installed",
    "load_package",
    "model_info",
    "naive_translate",
    "packages_dir",
    "prepare_environment",
]

FIXTURE_KEY = "subtools_test_fixture"
_INDEX_TIMEOUT_S = 15
# Sentences per CTranslate2 batch (CTranslate2 sorts by length inside a call).
# argostranslate's default of 32 *tokens* per batch costs ~10x on subtitles.
_BATCH_EXAMPLES = 64


def prepare_environment(packages: Path | None = None, home: Path | None = None) -> bool:
    """Point argostranslate at ``packages`` (and its XDG folders at ``home``) before import.

    Returns False when argostranslate's settings were already imported: the XDG
    folders can then no longer change (``packages`` still applies to subtools,
    which reads ARGOS_PACKAGES_DIR at every call).
    """
    if home is not None:
        for key, sub in (
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
        ):
            os.environ[key] = str(home / sub)
        packages = packages or home / "packages"
    if packages is not None:
        os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
    return "argostranslate.settings" not in sys.modules


def packages_dir() -> Path:
    """Where argos packages live: ARGOS_PACKAGES_DIR, else argostranslate's default."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env)
    from argostranslate import settings

    return Path(settings.package_data_dir)


def _settings() -> Any:
    from argostranslate import settings

    return settings


def model_info(pkg: Any) -> ModelInfo:
    meta_fixture = False
    readme = pkg.get_readme() or ""
    try:
        import json

        meta = json.loads((Path(pkg.package_path) / "metadata.json").read_text("utf-8"))
        meta_fixture = bool(meta.get(FIXTURE_KEY, False))
    except (OSError, ValueError):
        meta = {}
    return ModelInfo(
        from_code=str(pkg.from_code),
        to_code=str(pkg.to_code),
        name=str(meta.get("code") or Path(pkg.package_path).name),
        version=str(pkg.package_version or ""),
        path=str(pkg.package_path),
        is_test_fixture=meta_fixture or "TEST FIXTURE" in readme,
        from_name=str(pkg.from_name or ""),
        to_name=str(pkg.to_name or ""),
    )


def load_package(folder: Path) -> Any:
    """An ``argostranslate.package.Package`` for an unpacked package folder."""
    from argostranslate.package import Package

    try:
        return Package(folder)
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"not a usable argos package: {exc}", path=folder) from None


def installed(folder: Path | None = None) -> list[tuple[Any, ModelInfo]]:
    """Installed translate packages in ``folder`` (default: ``packages_dir()``)."""
    root = folder or packages_dir()
    found: list[tuple[Any, ModelInfo]] = []
    if not root.is_dir():
        return found
    for sub in sorted(root.iterdir()):
        if not (sub / "metadata.json").is_file():
            continue  # half-removed or foreign folder: argos itself would crash on it
        try:
            pkg = load_package(sub)
        except InputError:
            continue
        if getattr(pkg, "type", "translate") == "translate" and pkg.from_code and pkg.to_code:
            found.append((pkg, model_info(pkg)))
    return found


class ArgosTranslator:
    """Batch translation with an installed (or unpacked) argos package."""

    def __init__(self, package: Any, origin: Path | None = None) -> None:
        self.package = package
        info = model_info(package)
        # A model used from its .argosmodel file is named by that file, not by the
        # temporary folder it was unpacked to (reports outlive that folder).
        self.info = replace(info, path=str(origin)) if origin else info
        self._translator: Any = None
        # Errors name what the user gave (an .argosmodel file), not a temporary folder.
        self._where = origin or Path(package.package_path)
        self._hint = (
            "the file is damaged or was made for another CTranslate2 version"
            if origin
            else "the installed model is damaged; remove it and install it again"
        )

    def check(self) -> None:
        """Load the model and tokenizer now; InputError if either is unusable."""
        self._ct2()
        self._encode(["check"])

    def _encode(self, sentences: Sequence[str]) -> list[list[str]]:
        try:
            return [self.package.tokenizer.encode(x) for x in sentences]
        except (RuntimeError, OSError, AttributeError) as exc:
            msg = str(exc).split(" from ")[0]
            raise InputError(
                f"tokenizer cannot be loaded: {msg}", path=self._where, hint=self._hint
            ) from None

    def _ct2(self) -> Any:
        if self._translator is None:
            import ctranslate2

            s = _settings()
            try:
                self._translator = ctranslate2.Translator(
                    str(Path(self.package.package_path) / "model"),
                    device=s.device,
                    inter_threads=s.inter_threads,
                    intra_threads=s.intra_threads,
                    compute_type=s.compute_type,
                )
            except (RuntimeError, ValueError, OSError) as exc:
                raise InputError(
                    f"translation model cannot be loaded: {str(exc).split('. ')[0]}",
                    path=self._where,
                    hint=self._hint,
                ) from None
        return self._translator

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return [a.text for a in self._run(sentences, attention=False)]

    def translate_aligned(
        self, sentences: Sequence[str], need: Sequence[bool] | None = None
    ) -> list[Aligned]:
        """Translations with the word alignment the decoder's attention gives.

        Sentences whose ``need`` is False (a sentence inside one cue) get no
        alignment. Attention is still asked for the whole batch: a second
        CTranslate2 call for them cost more than the attention does
        (benchmarks/bench_translate.py measures it).
        """
        if need is not None and not any(need):
            return self._run(sentences, attention=False)
        return self._run(sentences, attention=True, need=need)

    def _run(
        self, sentences: Sequence[str], attention: bool, need: Sequence[bool] | None = None
    ) -> list[Aligned]:
        if not sentences:
            return []
        s = _settings()
        pkg = self.package
        translator = self._ct2()
        tokens = self._encode(sentences)
        prefix = [[pkg.target_prefix]] * len(tokens) if pkg.target_prefix else None
        options: dict[str, Any] = {"max_batch_size": _BATCH_EXAMPLES, "batch_type": "examples"}
        if os.environ.get("ARGOS_BATCH_SIZE"):  # the user chose argos's token batches
            options = {"max_batch_size": s.batch_size, "batch_type": "tokens"}
        results = translator.translate_batch(
            tokens,
            target_prefix=prefix,
            replace_unknowns=True,
            beam_size=max(1, s.beam_size),
            num_hypotheses=1,
            length_penalty=0.2,
            return_attention=attention,
            **options,
        )
        out = []
        for i, (sentence, source, result) in enumerate(
            zip(sentences, tokens, results, strict=True)
        ):
            hypothesis = result.hypotheses[0]
            value = pkg.tokenizer.decode(hypothesis)
            if pkg.target_prefix and value.startswith(pkg.target_prefix):
                value = value[len(pkg.target_prefix) :]
            value = value.strip()
            links = None
            wanted = attention and (need is None or need[i])
            if wanted and result.attention and not pkg.target_prefix:
                links = word_alignment(source, hypothesis, result.attention[0], sentence, value)
            out.append(Aligned(value, links))
        return out


def clear_argos_caches() -> None:
    """argostranslate caches installed languages per process; packages changed."""
    mod = sys.modules.get("argostranslate.translate")
    if mod is not None:
        mod.get_installed_languages.cache_clear()
        mod.installed_translates.clear()


def naive_translate(text: str, from_code: str, to_code: str) -> str:
    """``argostranslate.translate.translate`` as every cue-by-cue tool calls it.

    The tests' cue-by-cue baseline; subtools does not use it. (The benchmark's
    baseline calls argostranslate itself, in a process of its own.)
    """
    from argostranslate import translate

    translation = translate.get_translation_from_codes(from_code, to_code)
    if translation is None:
        raise DependencyError(f"argostranslate has no {from_code}->{to_code} translation")
    return str(translation.translate(text))


def download_package(from_code: str, to_code: str, folder: Path) -> Path:
    """Fetch the argos package index and download the pair's .argosmodel into ``folder``.

    Returns the downloaded file; installing it is the caller's job.
    """
    import json

    from argostranslate import networking

    s = _settings()
    how = (
        "download the .argosmodel file on a connected machine "
        "(https://www.argosopentech.com/argospm/index/) and run "
        "`subtools models install FILE.argosmodel`"
    )
    try:
        with urllib.request.urlopen(s.remote_package_index, timeout=_INDEX_TIMEOUT_S) as resp:
            index = json.loads(resp.read())
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DependencyError(
            f"cannot reach the argos package index ({reason})",
            value=s.remote_package_index,
            hint=how,
        ) from None
    for entry in index if isinstance(index, list) else []:
        if entry.get("from_code") == from_code and entry.get("to_code") == to_code:
            data = networking.get_from(entry.get("links", []))
            if not data:
                raise DependencyError(
                    f"download of the {from_code}->{to_code} model failed", hint=how
                )
            target = folder / f"translate-{from_code}_{to_code}.argosmodel"
            target.write_bytes(data)
            return target
    raise DependencyError(f"the argos package index has no {from_code}->{to_code} model")

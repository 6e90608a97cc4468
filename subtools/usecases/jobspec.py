"""JOB.toml: the steps of the whole job declared once for a user's own files.

Example::

    [inputs]
    captions = "captions/"        # a file, a folder (batch) or a glob
    article = "article.txt"       # optional: verify its quotes
    video = "interview.mp4"       # optional: burn a clip

    [translate]                   # optional
    to = "en"
    from = "auto"
    glossary = "terms.tsv"
    bilingual = true

    [check]                       # optional
    profile = "netflix-en"
    fix = true

    [quotes]                      # optional (needs inputs.article)
    html = true

    [clip]                        # optional (needs inputs.video and inputs.article)
    quote = 2
    pad = "0.5s"

    [output]
    folder = "out"

Paths are relative to the job file. Unknown sections or keys are errors, so a
typo never silently disables a step.
"""

from __future__ import annotations

import glob
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, SubtoolsError
from ..io import EXTENSIONS
from ..io.files import read_bytes
from ..iso639 import is_language_code
from ..timecode import parse_duration

__all__ = [
    "CheckSpec",
    "ClipSpec",
    "JobSpec",
    "QuotesSpec",
    "TranslateSpec",
    "load_job",
    "validate_job",
]

_ARTICLE: dict[type, str] = {int: "an"}


@dataclass(frozen=True, slots=True)
class TranslateSpec:
    to: str = "en"
    source: str = "auto"
    model: Path | None = None
    glossary: Path | None = None
    bilingual: bool = False


@dataclass(frozen=True, slots=True)
class CheckSpec:
    profile: str = "netflix-en"
    fix: bool = True


@dataclass(frozen=True, slots=True)
class QuotesSpec:
    html: bool = True


@dataclass(frozen=True, slots=True)
class ClipSpec:
    quote: int
    pad_ms: int = 500


@dataclass(frozen=True, slots=True)
class JobSpec:
    captions: tuple[Path, ...]
    out: Path
    article: Path | None = None
    video: Path | None = None
    translate: TranslateSpec | None = None
    check: CheckSpec | None = None
    quotes: QuotesSpec | None = None
    clip: ClipSpec | None = None
    # The job file: read, so protected from outputs; provenance, not a job value.
    source: Path | None = field(default=None, compare=False)

    def inputs(self) -> tuple[Path, ...]:
        """Every file the job reads: no output may replace one."""
        paths = [*self.captions, self.article, self.video, self.source]
        if self.translate:
            paths += [self.translate.model, self.translate.glossary]
        if self.check and _is_profile_file(self.check.profile):
            paths.append(Path(self.check.profile))
        return tuple(p for p in paths if p is not None)


def _is_profile_file(profile: str) -> bool:
    return profile.endswith(".toml") or "/" in profile


_KEYS: dict[str, set[str]] = {
    "inputs": {"captions", "article", "video"},
    "translate": {"to", "from", "model", "glossary", "bilingual"},
    "check": {"profile", "fix"},
    "quotes": {"html"},
    "clip": {"quote", "pad"},
    "output": {"folder"},
}


def _get(table: dict[str, Any], key: str, kind: type, path: Path, default: Any = None) -> Any:
    value = table.get(key, default)
    # TOML's true/false are bools, which Python also counts as ints.
    if value is not None and (
        not isinstance(value, kind) or (kind is int and isinstance(value, bool))
    ):
        raise InputError(
            f"'{key}' must be {_ARTICLE.get(kind, 'a')} {kind.__name__}", path=path, value=value
        )
    return value


def _resolve(base: Path, value: str) -> Path:
    """A path from the job file: ``~`` is the home folder, a relative path is below ``base``."""
    return base / Path(value).expanduser()


def _is_caption_file(path: Path) -> bool:
    # Hidden files are not the user's captions: macOS "._x.srt" resource files,
    # an interrupted atomic write's ".x.srt.1234.srt". (A glob skips them too.)
    return path.suffix.lower() in EXTENSIONS and not path.name.startswith(".") and path.is_file()


def expand_captions(pattern: str, base: Path) -> tuple[Path, ...]:
    """A file, a folder (every caption file in it) or a glob, sorted."""
    target = _resolve(base, pattern)
    if target.is_dir():
        files = sorted(p for p in target.iterdir() if _is_caption_file(p))
    elif target.exists() or not any(ch in pattern for ch in "*?["):
        files = [target]  # an existing path as written, even with '[' in its name
    else:
        files = sorted(p for p in map(Path, glob.glob(str(target))) if p.is_file())
    if not files:
        raise InputError("no caption files found", value=pattern, path=base)
    return tuple(files)


def load_job(path: str | Path) -> JobSpec:
    job = Path(path)
    if not job.exists():
        raise InputError("job file not found", path=job)
    raw = read_bytes(job)
    try:
        text = raw.decode("utf-8-sig")  # Windows editors save UTF-8 with a BOM
    except UnicodeDecodeError as exc:
        raise InputError(f"job file is not UTF-8 text (byte {exc.start})", path=job) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", path=job) from None
    for section, table in data.items():
        if section not in _KEYS:
            raise InputError(
                "unknown section", path=job, value=section, hint="sections: " + ", ".join(_KEYS)
            )
        if not isinstance(table, dict):
            raise InputError(
                f"[{section}] must be a table, not a value", path=job, value=f"{section} = {table}"
            )
        unknown = set(table) - _KEYS[section]
        if unknown:
            raise InputError(f"unknown key in [{section}]", path=job, value=sorted(unknown)[0])
    base = job.parent
    inputs = data.get("inputs", {})
    captions = _get(inputs, "captions", str, job)
    if not captions:
        raise InputError("[inputs] captions is required", path=job)

    def opt_path(table: dict[str, Any], key: str) -> Path | None:
        value = _get(table, key, str, job)
        return _resolve(base, value) if value else None

    translate = check = quotes = clip = None
    if "translate" in data:
        t = data["translate"]
        translate = TranslateSpec(
            to=_get(t, "to", str, job, "en"),
            source=_get(t, "from", str, job, "auto"),
            model=opt_path(t, "model"),
            glossary=opt_path(t, "glossary"),
            bilingual=_get(t, "bilingual", bool, job, False),
        )
    if "check" in data:
        c = data["check"]
        profile = _get(c, "profile", str, job, "netflix-en")
        if _is_profile_file(profile):  # a file, not a shipped name
            profile = str(_resolve(base, profile))
        check = CheckSpec(profile, _get(c, "fix", bool, job, True))
    article = opt_path(inputs, "article")
    video = opt_path(inputs, "video")
    if "quotes" in data:
        if article is None:
            raise InputError("[quotes] needs [inputs] article", path=job)
        quotes = QuotesSpec(_get(data["quotes"], "html", bool, job, True))
    if "clip" in data:
        if video is None or article is None:
            raise InputError("[clip] needs [inputs] video and article", path=job)
        c = data["clip"]
        number = _get(c, "quote", int, job)
        if not number or number < 1:
            raise InputError("[clip] quote must be a quote number (1, 2, ...)", path=job)
        try:
            pad = parse_duration(_get(c, "pad", str, job, "0.5s"))
        except InputError as exc:
            raise InputError(f"[clip] pad: {exc}", path=job) from None
        clip = ClipSpec(number, pad)
    folder = _get(data.get("output", {}), "folder", str, job, "out")
    out = _resolve(base, folder)
    given = _resolve(base, captions)
    if given.is_dir() and out.resolve() == given.resolve():
        raise InputError(
            "[output] folder is the captions folder; the next run would read its outputs "
            "as captions",
            path=job,
            value=folder,
        )
    return JobSpec(
        expand_captions(captions, base), out, article, video, translate, check, quotes, clip, job
    )


def validate_job(spec: JobSpec) -> None:
    """Check every value the job's files share before the first file runs.

    A wrong profile, language code, glossary, article or video would fail every
    file the same way: it is one error for the job file (exit 2), and no output
    folder is made.
    """
    job = spec.source
    t = spec.translate
    if t is not None:
        for key, code in (("to", t.to), ("from", t.source)):
            if not (is_language_code(code) or (key == "from" and code == "auto")):
                raise InputError(
                    f"[translate] {key} is not a language code",
                    path=job,
                    value=code,
                    hint="use a two-letter code such as en, ru, uk"
                    + (", or auto" if key == "from" else ""),
                )
        if t.source.strip().lower() == t.to.strip().lower():
            raise InputError("[translate] from and to are the same language", path=job, value=t.to)
        if t.model is not None:
            _must_be_file(t.model, "[translate] model", job)
        if t.glossary is not None:
            from ..translate.glossary import load_glossary

            glossary = t.glossary
            _shared_input("[translate] glossary", job, lambda: load_glossary(glossary))
    if spec.check is not None:
        from ..check.profiles import load_profile

        profile = spec.check.profile
        _shared_input("[check] profile", job, lambda: load_profile(profile))
    if spec.article is not None:
        from ..quotes.article import read_article

        article = spec.article
        _shared_input("[inputs] article", job, lambda: read_article(article))
    if spec.video is not None:
        _must_be_file(spec.video, "[inputs] video", job)


def _must_be_file(path: Path, what: str, job: Path | None) -> None:
    if not path.is_file():
        reason = "is a folder" if path.is_dir() else "not found"
        raise InputError(f"{what} {reason}", path=job, value=str(path))


def _shared_input(what: str, job: Path | None, load: Callable[[], object]) -> None:
    try:
        load()
    except SubtoolsError as exc:
        raise InputError(f"{what}: {exc}", path=job) from None

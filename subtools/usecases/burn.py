"""``burn`` and ``clip``: captions into the picture, quote clips (``doctor`` checks the setup).

Every run probes the video, reads the captions with subtools' own reader (any
encoding, any readable format; an .ass file is burned with its own styles unless
a style option is given), picks a font that has the caption letters, writes the
captions and links the font files into a private temporary folder (so no user
file name ever reaches the filter graph unescaped), then encodes to a temporary
file that replaces the output only when ffmpeg succeeded and drew the text.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..burn import ffmpeg as ff
from ..burn.clip import Span, clip_captions, clip_span
from ..burn.filters import Style
from ..burn.fonts import FontChoice
from ..burn.layout import ClipLook
from ..burn.posting import LOUDNORM, look_texts, plan_clip, with_texts
from ..burn.render import (
    FontWatch,
    audio_copyable,
    even_crop,
    pick_font,
    video_filter,
    workdir,
)
from ..errors import DependencyError, ExternalToolError, InputError
from ..io import atomic_output, read_track, refuse_same_path
from ..io.decode import decode_bytes
from ..io.files import read_bytes
from ..model import Track
from ..timecode import format_seconds
from ..wording import plural

if TYPE_CHECKING:
    from ..quotes.results import QuoteReport, QuoteResult

__all__ = [
    "PRESETS",
    "BurnOptions",
    "BurnResult",
    "ClipResult",
    "burn_file",
    "checked_quotes",
    "clip_file",
    "found_quote",
    "make_test_video",
    "quote_span",
    "save_frame",
]

# fmt: off
PRESETS = ("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower",
           "veryslow")
VIDEO_EXTENSIONS = (".mp4", ".m4v", ".mov", ".mkv")
# ISO 639-1 -> 639-2 for a soft track's language tag (the languages captions come in here).
_ISO639_2 = {"en": "eng", "ru": "rus", "uk": "ukr", "de": "deu", "fr": "fra", "es": "spa",
             "it": "ita", "pl": "pol", "be": "bel", "kk": "kaz"}
# fmt: on

Progress = ff.Progress
Log = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BurnOptions:
    font: str | None = None
    fonts_dir: Path | None = None
    style: Style = field(default_factory=Style)
    crf: int = 20
    preset: str = "veryfast"

    def __post_init__(self) -> None:
        if not 0 <= self.crf <= 51:
            raise InputError("crf must be 0 (lossless) to 51 (worst)", value=self.crf)
        if self.preset not in PRESETS:
            raise InputError(
                "unknown x264 preset", value=self.preset, hint="use one of: " + ", ".join(PRESETS)
            )


@dataclass(frozen=True, slots=True)
class BurnResult:
    output: str
    video: str
    captions: str
    start_ms: int  # span of the source video that was encoded
    end_ms: int
    duration_ms: int  # of the written file, as probed
    cues: int  # captions shown in the output
    font: str | None  # None for soft captions
    font_face: str | None  # the face libass reported using (PostScript name)
    ffmpeg: str
    seconds: float  # wall time of the encode
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "video": self.video,
            "captions": self.captions,
            "start": self.start_ms / 1000,
            "end": self.end_ms / 1000,
            "duration": self.duration_ms / 1000,
            "cues": self.cues,
            "font": self.font,
            "font_face": self.font_face,
            "ffmpeg": self.ffmpeg,
            "seconds": round(self.seconds, 3),
            "warnings": list(self.warnings),
        }


ClipResult = BurnResult  # a clip is a burn of a span; the names read better at call sites


@dataclass(frozen=True, slots=True)
class _Inputs:
    tools: ff.Toolchain
    media: ff.MediaInfo
    track: Track
    warnings: tuple[str, ...]
    own_ass: str | None = None  # an .ass file's text (UTF-8), burned with its own styles


def _check_paths(video: Path, captions: Path, output: Path) -> None:
    refuse_same_path(video, output)
    refuse_same_path(captions, output)
    if output.suffix.lower() not in VIDEO_EXTENSIONS:
        raise InputError(
            "output must be a video file",
            path=output,
            value=output.suffix or "(no extension)",
            hint="use one of: " + ", ".join(VIDEO_EXTENSIONS),
        )


def _load(video: Path, captions: Path, encoding: str | None, whole: bool = True) -> _Inputs:
    tools = ff.find_toolchain()
    media = ff.probe(tools, video)
    rate_note = []
    try:
        result = read_track(captions, encoding=encoding)
    except InputError as exc:
        if "frame rate is unknown" not in exc.message or not media.fps:
            raise
        result = read_track(captions, encoding=encoding, fps=media.fps)  # MicroDVD: the video's
        rate_note.append(f"{captions}: MicroDVD frames read at the video's {media.fps:g} fps")
    track = result.track.sorted()
    if not track.cues:
        raise InputError("no captions in this file", path=captions)
    warnings = [*rate_note, *(str(n) for n in result.notices)]
    if not media.has_audio:
        warnings.append(f"{video}: the video has no audio stream; the output is silent")
    late = [c for c in track.cues if c.end > media.duration]
    if late and whole:  # a clip uses a span: cues past the video do not concern it
        unseen = sum(1 for c in late if c.start >= media.duration)
        cut = len(late) - unseen
        warnings.append(
            f"captions run to {format_seconds(track.end)} but the video ends at "
            f"{format_seconds(media.duration)}: {plural(unseen, 'cue')} will not be shown"
            + (f", {cut} cut short" if cut else "")
        )
    own = None
    if result.format == "ass":
        own = decode_bytes(read_bytes(captions), encoding=result.encoding.encoding).text
    return _Inputs(tools, media, track, tuple(warnings), own)


def _check_length(written: int, expected: int, video: Path) -> None:
    """A truncated file still announces its full length, and ffmpeg decodes what is
    there without failing: a much shorter result is a damaged video, not an output."""
    if expected - written > max(1000, expected // 20):
        raise ExternalToolError(
            f"ffmpeg wrote {format_seconds(written)} of the {format_seconds(expected)} "
            "expected: the video is damaged or cut short",
            path=video,
            hint="check that the video plays to its end; re-download or re-export it",
        )


def _finish(
    inputs: _Inputs,
    job: ff.EncodeJob,
    video: Path,
    captions: Path,
    output: Path,
    span: Span,
    cues: int,
    font: FontChoice | None,
    warnings: list[str],
    progress: Progress | None,
    log: Log | None,
) -> BurnResult:
    started = time.perf_counter()
    watch = FontWatch(log)
    with atomic_output(output) as tmp:
        job = replace(job, output=tmp)
        ff.encode(inputs.tools, job, total_ms=span.duration, progress=progress, log=watch)
        if font is not None:
            warnings.extend(watch.verdict(font))  # raising here keeps the old output
        try:
            written = ff.probe(inputs.tools, tmp).duration
        except InputError:  # not one video frame came out
            written = 0
        _check_length(written, span.duration, video)
    return BurnResult(
        output=str(output),
        video=str(video),
        captions=str(captions),
        start_ms=span.start,
        end_ms=span.end,
        duration_ms=written,
        cues=cues,
        font=None if font is None else font.family,
        font_face=watch.face,
        ffmpeg=inputs.tools.ffmpeg,
        seconds=time.perf_counter() - started,
        warnings=tuple(warnings),
    )


def burn_file(
    video: str | os.PathLike[str],
    captions: str | os.PathLike[str],
    output: str | os.PathLike[str],
    options: BurnOptions | None = None,
    *,
    encoding: str | None = None,
    progress: Progress | None = None,
    log: Log | None = None,
) -> BurnResult:
    """Burn ``captions`` into the whole of ``video``; audio is copied when it fits OUTPUT."""
    options = options or BurnOptions()
    video, captions, output = Path(video), Path(captions), Path(output)
    _check_paths(video, captions, output)
    inputs = _load(video, captions, encoding)
    font = pick_font(inputs.track, options.font, options.fonts_dir)
    warnings = list(inputs.warnings)
    copy_audio = inputs.media.has_audio and audio_copyable(inputs.media, output)
    if inputs.media.has_audio and not copy_audio:
        warnings.append(
            f"audio re-encoded to AAC: {output.suffix} cannot hold {inputs.media.audio_codec}"
        )
    span = Span(0, inputs.media.duration)
    shown = sum(1 for c in inputs.track.cues if c.start < span.end)
    # An .ass file keeps its own styles and positions unless a style option was given.
    own = inputs.own_ass if options.font is None and options.style == Style() else None
    with workdir(inputs.track, font) as (srt, fonts):
        if own is not None:
            srt = srt.with_suffix(".ass")
            srt.write_text(own, encoding="utf-8")
        job = ff.EncodeJob(
            source=video,
            output=output,
            video_filter=video_filter(
                None if own else options.style, font, inputs.media, srt, fonts
            ),
            audio=inputs.media.has_audio,
            copy_audio=copy_audio,
            crf=options.crf,
            preset=options.preset,
        )
        return _finish(
            inputs, job, video, captions, output, span, shown, font, warnings, progress, log
        )


def clip_file(
    video: str | os.PathLike[str],
    captions: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    start_ms: int,
    end_ms: int,
    pad_ms: int = 0,
    soft: bool = False,
    options: BurnOptions | None = None,
    look: ClipLook | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
    log: Log | None = None,
) -> ClipResult:
    """Cut ``[start - pad, end + pad)`` with captions re-based to it, burned or as a track.

    The captions are those shown during ``[start, end)``; the padding shows picture only.
    ``look`` reframes the picture, fits the captions to it and adds a label and credit.

    The seek happens before decoding (``-ss`` on the input), so the cost follows
    the clip's length, not its position; audio is re-encoded for an exact cut.
    """
    options = options or BurnOptions()
    video, captions, output = Path(video), Path(captions), Path(output)
    _check_paths(video, captions, output)
    inputs = _load(video, captions, encoding, whole=False)
    try:
        span = clip_span(start_ms, end_ms, pad_ms, inputs.media.duration)
    except InputError as exc:
        raise exc.about(video) from None
    warnings = list(inputs.warnings)
    if span.clamped_end and end_ms > inputs.media.duration:
        warnings.append(
            f"the clip end {format_seconds(end_ms)} is past the end of the video; "
            f"the clip stops at {format_seconds(inputs.media.duration)}"
        )
    track = clip_captions(inputs.track, start_ms, end_ms, span)
    if not track.cues:
        warnings.append("no caption is shown during the clip")
    # An empty caption file makes libass fail; with nothing to show, just cut.
    burned = not soft and bool(track.cues)
    texts = look_texts(look)
    font = None
    if burned or texts:
        font = pick_font(with_texts(track, look), options.font, options.fonts_dir)
    plan = None
    if look is not None and look.reshapes:
        chosen = font or pick_font(track.with_cues(()), options.font, options.fonts_dir)
        plan = plan_clip(look, inputs.media, track, chosen, options.style, span.duration,
                         burn=burned)  # fmt: skip
        track = plan.track
    with workdir(track, font) as (srt, fonts):
        job = ff.EncodeJob(
            source=video,
            output=output,
            video_filter=even_crop(inputs.media),
            seek_ms=span.start,
            duration_ms=span.duration,
            audio=inputs.media.has_audio,
            copy_audio=False,
            audio_filter=LOUDNORM if look is not None and look.loudnorm else None,
            crf=options.crf,
            preset=options.preset,
        )
        if plan is not None:
            job = replace(
                job, video_filter=plan.video_filter(srt.parent, srt if burned else None, fonts)
            )
        elif burned:
            assert font is not None
            vf = video_filter(options.style, font, inputs.media, srt, fonts)
            job = replace(job, video_filter=vf)
        if soft and track.cues:
            job = replace(job, **_soft_track(inputs.track, srt, output))
        return _finish(
            inputs, job, video, captions, output, span, len(track), font, warnings, progress, log
        )


def _soft_track(track: Track, srt: Path, output: Path) -> dict[str, Any]:
    # The language tag comes from the whole file: a clip's few words are too little text.
    language = track.language
    if language is None:
        from ..lang import detect_language

        language = detect_language(track.text)
    codec = "srt" if output.suffix.lower() == ".mkv" else "mov_text"
    return {
        "soft_captions": srt,
        "caption_codec": codec,
        "caption_language": _ISO639_2.get(language or ""),
    }


def quote_span(
    article: str | os.PathLike[str], captions: str | os.PathLike[str], n: int
) -> tuple[int, int]:
    """The caption span (ms) of quote ``n`` (its 1-based id) as the quote check found it."""
    match = found_quote(article, captions, n).match
    assert match is not None
    return match.start_ms, match.end_ms


def checked_quotes(
    article: str | os.PathLike[str], captions: str | os.PathLike[str], what: str
) -> QuoteReport:
    """The quote check of ``article`` against ``captions``; an error when nothing was compared."""
    from .quotes import verify_quotes

    report = verify_quotes(article, captions)
    mismatch = report.language_mismatch
    if mismatch is not None:  # nothing was compared: "not found" would mislead
        raise DependencyError(
            f"the captions are in {mismatch.captions!r} and the article in "
            f"{mismatch.article!r}: {mismatch.reason}; {what} cannot be placed",
            hint=mismatch.hint,
        )
    return report


def found_quote(
    article: str | os.PathLike[str], captions: str | os.PathLike[str], n: int
) -> QuoteResult:
    """Quote ``n`` of the article as found in the captions (an error when it was not)."""
    report = checked_quotes(article, captions, f"quote {n}")
    quote = next((q for q in report.quotes if q.id == n), None)
    if quote is None:
        raise InputError(
            f"there is no quote {n}: the article has {plural(len(report.quotes), 'quote')}",
            path=article,
        )
    if quote.match is None:
        status = quote.status
        t = report.translated
        if t is not None and t.notice:  # e.g. the test fixture model: the miss may be its own
            status += f"; matched on a {t.from_lang}->{t.to_lang} translation: {t.notice}"
        raise InputError(
            f"quote {n} was not found in the captions (status: {status}); there is nothing to clip",
            path=article,
            hint="run `subtools quotes` to see what was found",
        )
    return quote


def save_frame(
    video: str | os.PathLike[str], picture: str | os.PathLike[str], *, at_ms: int
) -> Path:
    """Save the frame of ``video`` at ``at_ms`` as a PNG/JPEG, atomically."""
    source, target = Path(video), Path(picture)
    refuse_same_path(source, target)
    with atomic_output(target) as tmp:
        ff.snapshot(ff.find_toolchain(), source, tmp, at_ms)
    return target


def make_test_video(
    path: str | os.PathLike[str],
    duration_s: float,
    size: str = "640x360",
    *,
    rate: int = 25,
    audio: bool = True,
    crf: int = 18,
    preset: str = "ultrafast",
    keyint: int | None = None,
) -> Path:
    """A synthetic video (ffmpeg's testsrc2 card and a 440 Hz tone) for tests and the demo."""
    match = re.fullmatch(r"(\d+)x(\d+)", size)
    if not match or int(match.group(1)) % 2 or int(match.group(2)) % 2:
        raise InputError("size must be WIDTHxHEIGHT with even numbers", value=size)
    if duration_s <= 0:
        raise InputError("duration must be positive", value=duration_s)
    target = Path(path)
    with atomic_output(target) as tmp:
        ff.synthesize(
            ff.find_toolchain(),
            tmp,
            round(duration_s * 1000),
            width=int(match.group(1)),
            height=int(match.group(2)),
            rate=rate,
            audio=audio,
            crf=crf,
            preset=preset,
            keyint=keyint,
        )
    return target

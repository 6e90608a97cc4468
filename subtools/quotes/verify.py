"""Check every quote of an article against a caption track (pure: no I/O)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..model import Track
from .align import Alignment, Pattern, align_quote, build_pattern
from .article import Paragraph
from .attribution import Attribution, attribute
from .classify import MISSING, Difference, classify
from .extract import extract_quotes
from .results import UNCHECKED, CueSegment, Mark, Match, QuoteResult, VideoSpeaker
from .speakers import Person, name_key
from .stream import CaptionStream, build_stream, plain_cue_text

__all__ = [
    "assign_speakers",
    "check_paragraphs",
    "unchecked_quotes",
    "verify_paragraphs",
    "video_speaker",
]


def _match(
    alignment: Alignment, stream: CaptionStream, diffs: Sequence[Difference], original: Track | None
) -> Match | None:
    units = alignment.stream_units
    if not units:
        return None
    words = [stream.unit_word[u] for u in units]
    first, last = min(words), max(words)
    matched = {
        stream.unit_word[op.c] for op in alignment.ops if op.c is not None and op.q is not None
    }
    kinds: dict[int, tuple[str, str]] = {}
    for d in diffs:
        note = f"article: {d.article or '(nothing)'} · {d.reason}"
        for wi in d.caption_words:
            kinds[wi] = ("major" if d.severity == "major" else "minor", note)
    cue_lo, cue_hi = stream.word_cue[first], stream.word_cue[last]
    segments = []
    for ci in range(cue_lo, cue_hi + 1):
        marks = []
        for wi in range(first, last + 1):
            if stream.word_cue[wi] != ci:
                continue
            w = stream.words[wi]
            if wi in kinds:
                marks.append(Mark(w.start, w.end, *kinds[wi]))
            elif wi in matched:
                marks.append(Mark(w.start, w.end, "match"))
            else:
                marks.append(Mark(w.start, w.end, "skipped", "left out by the article's …"))
        cue = stream.track.cues[ci]
        orig = plain_cue_text(original.cues[ci].text) if original is not None else None
        segments.append(
            CueSegment(ci + 1, cue.start, cue.end, stream.texts[ci], tuple(marks), orig)
        )
    return Match(tuple(segments), stream.span_text(first, last), alignment.score)


def _article_marks(pattern: Pattern, diffs: Sequence[Difference]) -> tuple[tuple[int, Mark], ...]:
    out = []
    for d in diffs:
        sev = "major" if d.severity == "major" else "minor"
        note = f"captions: {d.captions or '(nothing)'} · {d.reason}"
        for wi in d.article_words:
            w = pattern.words[wi]
            out.append(
                (pattern.parts[pattern.word_part[wi]].paragraph, Mark(w.start, w.end, sev, note))
            )
    marked = {wi for d in diffs for wi in d.article_words}
    editorial = {u.word for u, opt in zip(pattern.units, pattern.optional, strict=True) if opt}
    for wi in sorted(editorial - marked):
        w = pattern.words[wi]
        note = "the article's [insertion]: not required in the captions"
        paragraph = pattern.parts[pattern.word_part[wi]].paragraph
        out.append((paragraph, Mark(w.start, w.end, "editorial", note)))
    return tuple(out)


def verify_paragraphs(
    paragraphs: Sequence[Paragraph],
    track: Track,
    original: Track | None = None,
    speakers: Sequence[str] = (),
) -> tuple[QuoteResult, ...]:
    """Results for every quote of ``paragraphs`` in ``track`` (see ``check_paragraphs``)."""
    return check_paragraphs(paragraphs, track, original, speakers)[0]


def check_paragraphs(
    paragraphs: Sequence[Paragraph],
    track: Track,
    original: Track | None = None,
    speakers: Sequence[str] = (),
) -> tuple[tuple[QuoteResult, ...], VideoSpeaker | None]:
    """Results for every quote of ``paragraphs`` in ``track``, and who speaks in the video.

    ``original`` is the untranslated track when ``track`` is a translation
    (same cues, same order), so reports can show the source text as well.
    ``speakers`` are names of the video's speaker (aliases); without them the
    speaker is inferred from the captions (``video_speaker``).
    """
    stream = build_stream(track)
    raw = extract_quotes(paragraphs)
    attributions = attribute(paragraphs, raw)
    results = []
    for n, (quote, who) in enumerate(zip(raw, attributions, strict=True), start=1):
        pattern = build_pattern(quote.parts)
        alignment = align_quote(pattern, stream)
        verdict = classify(alignment, pattern, stream, quote.kind)
        found = _match(alignment, stream, verdict.differences, original) if alignment else None
        missing = verdict.status == MISSING
        diffs = () if missing else verdict.differences
        results.append(
            QuoteResult(
                id=n,
                parts=quote.parts,
                kind=quote.kind,
                speaker=who.speaker,
                other_speaker=who.other,
                status=verdict.status,
                match=None if missing else found,
                candidate=found if missing else None,
                differences=diffs,
                article_marks=_article_marks(pattern, diffs),
                speaker_id=who.speaker_id,
            )
        )
    return assign_speakers(results, attributions, speakers)


def _alias_ids(aliases: Sequence[str]) -> set[str]:
    out = set()
    for alias in aliases:
        key = name_key(alias) or alias.strip().lower()
        out.add(Person(key, True, alias).id)
    return out


def video_speaker(
    results: Sequence[QuoteResult], attributions: Sequence[Attribution], aliases: Sequence[str]
) -> VideoSpeaker | None:
    """The person whose quotes the captions bear out (most found), or the one given."""
    named: dict[str, list[QuoteResult]] = defaultdict(list)
    names: dict[str, str] = {}
    for q, who in zip(results, attributions, strict=True):
        if who.named and who.speaker_id and q.kind == "speech":
            named[who.speaker_id].append(q)
            names[who.speaker_id] = who.speaker or who.speaker_id
    if aliases:
        ids = _alias_ids(aliases)
        known = sorted(ids & set(named))
        found = [q for i in known for q in named[i]]
        shown = names[known[0]] if known else aliases[0]
        return VideoSpeaker(
            shown, tuple(sorted(ids)), False, sum(q.found for q in found), len(found)
        )
    scored = [(sum(q.found for q in qs), -len(qs), i) for i, qs in named.items()]
    best = max(scored, default=None)
    if best is None or best[0] == 0:
        return None
    found_n, neg_total, best_id = best
    return VideoSpeaker(names[best_id], (best_id,), True, found_n, -neg_total)


def assign_speakers(
    results: Sequence[QuoteResult], attributions: Sequence[Attribution], aliases: Sequence[str]
) -> tuple[tuple[QuoteResult, ...], VideoSpeaker | None]:
    """Another speaker is a named person who is not the video's; a quote of theirs
    that the captions hold was said in the video: misattributed, not hidden."""
    speaker = video_speaker(results, attributions, aliases)
    video_ids = set(speaker.ids) if speaker else set()
    out = []
    for q, who in zip(results, attributions, strict=True):
        if not who.named:
            out.append(q)
            continue
        # The article placing a named person in the video counts when nobody was given.
        other = who.speaker_id not in video_ids and (bool(aliases) or who.other)
        out.append(
            replace(
                q,
                other_speaker=other,
                misattributed=other and q.kind == "speech" and q.found,
            )
        )
    return tuple(out), speaker


def unchecked_quotes(paragraphs: Sequence[Paragraph]) -> tuple[QuoteResult, ...]:
    """The quotes, extracted and attributed but not compared (captions unreadable for us)."""
    raw = extract_quotes(paragraphs)
    speakers = attribute(paragraphs, raw)
    return tuple(
        QuoteResult(
            n,
            q.parts,
            q.kind,
            who.speaker,
            who.other,
            UNCHECKED,
            None,
            None,
            (),
            speaker_id=who.speaker_id,
        )
        for n, (q, who) in enumerate(zip(raw, speakers, strict=True), start=1)
    )

"""The quote report as a JSON-ready dict (the ``--json`` output)."""

from __future__ import annotations

from typing import Any

from .classify import Difference
from .results import Match, QuoteReport, QuoteResult

__all__ = ["difference_to_dict", "match_to_dict", "quote_to_dict", "report_to_dict"]


def difference_to_dict(d: Difference) -> dict[str, Any]:
    return {
        "op": d.op,
        "article": d.article,
        "captions": d.captions,
        "severity": d.severity,
        "reason": d.reason,
    }


def match_to_dict(m: Match) -> dict[str, Any]:
    out: dict[str, Any] = {
        "start": m.start_ms / 1000,
        "end": m.end_ms / 1000,
        "cues": [c.number for c in m.cues],
        "caption_text": m.caption_text,
        "score": round(m.score, 3),
    }
    if any(c.original is not None for c in m.cues):
        out["caption_original"] = " ".join(c.original or "" for c in m.cues)
    return out


def quote_to_dict(q: QuoteResult) -> dict[str, Any]:
    found = match_to_dict(q.match) if q.match else None
    out: dict[str, Any] = {
        "id": q.id,
        "text": q.text,
        "paragraph": q.paragraph,
        "paragraphs": sorted({p.paragraph for p in q.parts}),
        "kind": q.kind,
        "speaker": q.speaker,
        "other_speaker": q.other_speaker,
        "status": q.status,
        "start": found["start"] if found else None,
        "end": found["end"] if found else None,
        "cues": found["cues"] if found else [],
        "caption_text": found["caption_text"] if found else None,
        "differences": [difference_to_dict(d) for d in q.differences],
        "score": round(q.score, 3),
        "counts_as_failure": q.failed,
    }
    if found and "caption_original" in found:
        out["caption_original"] = found["caption_original"]
    if q.candidate is not None:
        out["candidate"] = match_to_dict(q.candidate)
    return out


def report_to_dict(report: QuoteReport) -> dict[str, Any]:
    t, mm = report.translated, report.language_mismatch
    return {
        "article": report.article,
        "captions": report.captions,
        "article_language": report.article_language,
        "captions_language": report.captions_language,
        "translated": {"from": t.from_lang, "to": t.to_lang, "model": t.model, "notice": t.notice}
        if t
        else None,
        "language_mismatch": {
            "article": mm.article,
            "captions": mm.captions,
            "reason": mm.reason,
            "hint": mm.hint,
            "message": mm.message,
        }
        if mm
        else None,
        "quotes": [quote_to_dict(q) for q in report.quotes],
        "summary": report.summary,
        "warnings": list(report.warnings),
        "notice": report.notice,
    }

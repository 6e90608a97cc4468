"""The quote report as one self-contained HTML page (inline CSS, no scripts, no assets).

Each article paragraph sits beside the cards of its quotes: status, timecodes,
cue numbers and the caption text with word-level differences marked. Every
piece of text from the inputs is escaped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from html import escape

from ..timecode import format_srt
from .results import Mark, QuoteReport, QuoteResult

__all__ = ["SHOW_CANDIDATE_FROM", "STATUS_LABELS", "render_html"]

SHOW_CANDIDATE_FROM = 0.3  # below this score a missing quote's candidate is not shown

STATUS_LABELS = {
    "exact": "exact",
    "minor": "minor differences",
    "changed": "changed",
    "missing": "not found",
    "unchecked": "not checked",
}

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 Georgia,'DejaVu Serif',serif;color:#1d1d1f;background:#f6f5f2}
header{padding:18px 28px 12px;background:#fff;border-bottom:1px solid #ddd}
h1{margin:0 0 4px;font:600 20px/1.3 system-ui,'DejaVu Sans',sans-serif}
.meta{margin:0;font:13px/1.5 system-ui,'DejaVu Sans',sans-serif;color:#555}
.banner{margin:10px 0 0;padding:8px 12px;border-radius:6px;
 font:13px/1.5 system-ui,'DejaVu Sans',sans-serif}
.banner.tr{background:#e8f0fe;border:1px solid #aac4f0}
.banner.err{background:#fde8e8;border:1px solid #e09a9a}
.summary{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0 0;padding:0;list-style:none;
 font:13px system-ui,'DejaVu Sans',sans-serif}
.summary li{padding:2px 10px;border-radius:12px;border:1px solid #ccc;background:#fafafa}
main{padding:12px 28px 40px}
.row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:24px;
 padding:10px 0;border-bottom:1px solid #e4e2dc}
.para{margin:0}
.para.heading{font:700 19px/1.35 Georgia,'DejaVu Serif',serif}
.pn{display:inline-block;min-width:2.2em;color:#999;font:11px system-ui,sans-serif}
.side{font:13px/1.5 system-ui,'DejaVu Sans',sans-serif}
mark.q{padding:1px 2px;border-radius:3px;color:inherit}
mark.q sup{font:700 10px system-ui,sans-serif;margin-right:2px}
.s-exact{background:#d6f0d6}.s-minor{background:#fcefc0}.s-changed{background:#ffd1d1}
.s-missing{background:#e9e9e9;outline:1px dashed #c0392b}
.s-unchecked{background:#eee}.s-other{background:#e0e8f3;outline:none}
.d-major{text-decoration:underline wavy #c0392b;text-decoration-thickness:1.5px;
 background:#ffb3b3}
.d-minor{text-decoration:underline dotted #a67c00;background:#fbe3a0}
.m-match{background:#e6f4e6}.m-skipped{color:#888;text-decoration:line-through}
.m-editorial{color:#666;font-style:italic}
.card{margin:0 0 10px;padding:8px 10px;border-radius:6px;background:#fff;
 border:1px solid #ddd;border-left:6px solid #bbb}
.card.s-exact{border-left-color:#2e8b57}.card.s-minor{border-left-color:#d4a017}
.card.s-changed{border-left-color:#c0392b}.card.s-missing{border-left-color:#7f8c8d}
.card.s-other{border-left-color:#5b7db1}
.card{background:#fff}
.head{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline;margin-bottom:4px}
.badge{padding:0 7px;border-radius:9px;font-weight:600;color:#fff;background:#777}
.badge.exact{background:#2e8b57}.badge.minor{background:#b8860b}
.badge.changed{background:#c0392b}.badge.missing{background:#6c7a7b}
.badge.unchecked{background:#999}
.tag{color:#555}.other{color:#3d5f99;font-weight:600}
.cue{margin:2px 0;padding:2px 6px;background:#faf9f6;border-radius:4px}
.tc{font:12px ui-monospace,'DejaVu Sans Mono',monospace;color:#555;margin-right:6px}
.orig{display:block;color:#666;font-size:12px}
.diffs{margin:4px 0 0;padding-left:18px}
.diffs li.major{color:#a02a1f}.diffs li.minor{color:#7a5d00}
.lbl{color:#777;font-size:12px;margin-right:4px}
footer{padding:0 28px 24px;color:#888;font:12px system-ui,sans-serif}
@media (max-width:800px){.row{grid-template-columns:minmax(0,1fr)}}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _with_marks(text: str, marks: Iterable[Mark], base: int = 0, cls: str = "m") -> str:
    """``text`` escaped; non-overlapping ``marks`` (offsets minus ``base``) wrapped in spans."""
    out, pos = [], 0
    for mk in sorted(marks, key=lambda m: m.start):
        a, b = mk.start - base, mk.end - base
        if a < pos or b > len(text):
            continue
        out.append(_e(text[pos:a]))
        title = f' title="{_e(mk.note)}"' if mk.note else ""
        name = f"d-{mk.kind}" if mk.kind in ("major", "minor") else f"{cls}-{mk.kind}"
        out.append(f'<span class="{name}"{title}>{_e(text[a:b])}</span>')
        pos = b
    out.append(_e(text[pos:]))
    return "".join(out)


def _status_class(q: QuoteResult) -> str:
    return "s-other" if q.other_speaker and q.status != "exact" else f"s-{q.status}"


def _paragraph_html(
    text: str, quotes: list[tuple[int, int, QuoteResult]], marks: list[Mark]
) -> str:
    out, pos = [], 0
    for start, end, q in sorted(quotes, key=lambda t: t[0]):
        if start < pos:
            continue
        out.append(_e(text[pos:start]))
        inner = [m for m in marks if start <= m.start and m.end <= end]
        label = STATUS_LABELS.get(q.status, q.status)
        out.append(
            f'<mark class="q {_status_class(q)}" id="a{q.id}" data-quote="{q.id}" '
            f'data-status="{_e(q.status)}" title="quote {q.id}: {_e(label)}">'
            f"<sup>{q.id}</sup>{_with_marks(text[start:end], inner, start)}</mark>"
        )
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def _card(q: QuoteResult) -> str:
    # A weak candidate for a missing quote is noise to an editor (it stays in the JSON).
    weak = q.candidate is not None and q.candidate.score < SHOW_CANDIDATE_FROM
    found = q.match or (None if weak else q.candidate)
    label = STATUS_LABELS.get(q.status, q.status)
    head = [
        f'<span class="badge {_e(q.status)}">{q.id} · {_e(label)}</span>',
        f'<span class="tag">{_e(q.kind)}</span>',
    ]
    if q.speaker:
        head.append(f'<span class="tag">speaker: {_e(q.speaker)}</span>')
    if q.other_speaker:
        head.append('<span class="other">another speaker: not expected in this video</span>')
    if found:
        head.append(
            f'<span class="tc">{format_srt(found.start_ms)} → {format_srt(found.end_ms)}</span>'
        )
        head.append(f'<span class="tag">score {found.score:.2f}</span>')
    body = []
    if found:
        if q.candidate is not None:
            body.append('<div class="lbl">best candidate (not a match):</div>')
        for cue in found.cues:
            orig = f'<span class="orig">{_e(cue.original)}</span>' if cue.original else ""
            body.append(
                f'<div class="cue"><span class="tc">#{cue.number} {format_srt(cue.start_ms)}'
                f"</span>{_with_marks(cue.text, cue.marks)}{orig}</div>"
            )
    elif q.status == "missing":
        body.append('<div class="lbl">no caption shares enough words with this quote</div>')
    if q.differences:
        items = "".join(
            f'<li class="{_e(d.severity)}">{_e(d.article or "—")} → {_e(d.captions or "—")}'
            f' <span class="lbl">{_e(d.severity)}: {_e(d.reason)}</span></li>'
            for d in q.differences
        )
        body.append(f'<ul class="diffs">{items}</ul>')
    return (
        f'<div class="card {_status_class(q)}" id="q{q.id}" data-quote="{q.id}" '
        f'data-status="{_e(q.status)}"><div class="head">{"".join(head)}</div>'
        f"{''.join(body)}</div>"
    )


def render_html(report: QuoteReport) -> str:
    spans: dict[int, list[tuple[int, int, QuoteResult]]] = defaultdict(list)
    marks: dict[int, list[Mark]] = defaultdict(list)
    cards: dict[int, list[str]] = defaultdict(list)
    for q in report.quotes:
        for part in q.parts:
            spans[part.paragraph].append((part.start, part.end, q))
        for par, mk in q.article_marks:
            marks[par].append(mk)
        cards[q.parts[-1].paragraph].append(_card(q))
    rows = []
    for p in report.paragraphs:
        cls = "para heading" if p.heading else "para"
        rows.append(
            f'<div class="row"><p class="{cls}"><span class="pn">¶{p.index}</span>'
            f"{_paragraph_html(p.text, spans[p.index], marks[p.index])}</p>"
            f'<div class="side">{"".join(cards[p.index])}</div></div>'
        )
    s = report.summary
    summary = "".join(
        f'<li class="s-{k}">{v} {_e(STATUS_LABELS.get(k, k))}</li>'
        for k, v in s.items()
        if k in STATUS_LABELS
    )
    summary += (
        f"<li>{s['other_speaker']} attributed to another speaker</li>"
        f"<li><b>{s['failures']} speech quote(s) not borne out</b></li>"
    )
    banners = []
    if report.translated:
        t = report.translated
        banners.append(
            f'<p class="banner tr">Captions were machine-translated from '
            f"{_e(t.from_lang)} to {_e(t.to_lang)} ({_e(t.model)}) before matching; "
            f"the original cue text is shown under each cue.</p>"
        )
    if report.notice:
        tr = report.translated
        pair = f"{_e(tr.from_lang)}-&gt;{_e(tr.to_lang)} " if tr else "translation "
        banners.append(
            f'<p class="banner err"><b>Not a real translation:</b> {_e(report.notice)}. '
            f"Do not rely on the verdicts below; install a real {pair}model.</p>"
        )
    if report.language_mismatch:
        mm = report.language_mismatch
        banners.append(f'<p class="banner err">{_e(mm.message)}. {_e(mm.hint)}.</p>')
    langs = (
        f"article: {report.article_language or '?'} · captions: {report.captions_language or '?'}"
    )
    title = f"Quote check: {report.article}"
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(report.article_language or "en")}"><head>'
        f'<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f'<header><h1>Quote check</h1><p class="meta">{_e(report.article)} against '
        f"{_e(report.captions)} · {_e(langs)}</p>{''.join(banners)}"
        f'<ul class="summary">{summary}</ul></header>'
        f"<main>{''.join(rows)}</main>"
        f"<footer>Generated by subtools quotes. Highlights: green exact, amber minor, red "
        f"changed, dashed not found, blue another speaker. Hover a marked word for the "
        f"other side's wording.</footer></body></html>\n"
    )

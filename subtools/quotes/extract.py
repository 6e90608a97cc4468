"""Find the quotes of an article: double quotes of every style, single-quoted
phrases (headline terms), blockquotes, and news-style multi-paragraph quotes.

A paragraph that opens a quote without closing it continues into the next
paragraph when that one opens with a quote mark; the parts form one quote.
Apostrophes inside or at the end of words are not quote marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .article import Paragraph
from .normalize import word_set

__all__ = [
    "BLOCKQUOTE_CREDIT",
    "SPEECH_VERBS",
    "QuotePart",
    "RawQuote",
    "extract_quotes",
    "find_spans",
    "quote_kind",
]

_DOUBLE_CLOSE = {'"': '"', "“": '”"', "«": "»", "„": '“”"', "”": "”"}
_WORDISH = re.compile(r"[^\W_]", re.UNICODE)
_FIRST_SECOND_PERSON = word_set(
    "i me my we us our you your "
    # Russian and Ukrainian: "Мы отказываемся воевать" is someone speaking.
    "я меня мне мной мы нас нам нами наш наша наше наши ты тебя тебе тобой "
    "вы вас вам вами ваш ваша ваше ваши мене мені ми ти ви"
)
SPEECH_VERBS = word_set(
    "say says said saying tell tells told telling add adds added adding continue "
    "continues continued continuing ask asks asked asking explain explains explained "
    "explaining write writes wrote state states stated note notes noted argue argues "
    "argued insist insists insisted claim claims claimed warn warns warned recall recalls "
    "recalled declare declares declared reply replies replied answer answers answered "
    "urge urges urged announce announces announced complain complains complained shout "
    "shouts shouted repeat repeats repeated repeating admit admits admitted admitting "
    "stress stresses stressed stressing plead pleads pleaded pleading "
    "vow vows vowed vowing fume fumes fumed promise promises promised pledge pledges "
    "pledged remind reminds reminded exclaim exclaims exclaimed quip quips quipped "
    "begin begins began conclude concludes concluded thunder thunders thundered "
    "respond responds responded"
)


@dataclass(frozen=True, slots=True)
class QuotePart:
    """Quoted text at ``[start, end)`` of paragraph ``paragraph`` (marks excluded)."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RawQuote:
    """A quote before attribution: its parts in article order and its kind."""

    parts: tuple[QuotePart, ...]
    kind: str  # "speech" or "term"
    marks: str  # the opening mark as written ('"', '“', "'", "«", or "" for a blockquote)

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts)

    @property
    def paragraph(self) -> int:
        return self.parts[0].paragraph


Span = tuple[int, int | None, str]  # (opening mark index, closing mark index or None, mark)


def _double_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _DOUBLE_CLOSE and ch != "”":
            closers = _DOUBLE_CLOSE[ch]
            j = i + 1
            while j < n and text[j] not in closers:
                j += 1
            spans.append((i, j if j < n else None, ch))
            i = j + 1
        else:
            i += 1
    return spans


def _is_single_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in '([{—–-"“«') and bool(_WORDISH.match(after))


def _is_single_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (bool(_WORDISH.match(before)) or before in ".,!?…") and not _WORDISH.match(after)


def _single_spans(text: str, lo: int, hi: int) -> list[Span]:
    """Pairs of single quotes in ``text[lo:hi]``, skipping possessives (soldiers') if possible."""
    spans: list[Span] = []
    i = lo
    while i < hi:
        if text[i] in "'‘" and _is_single_open(text, i):
            closes = [j for j in range(i + 2, hi) if text[j] in "'’" and _is_single_close(text, j)]
            # "soldiers' family": a closing mark after an s and before a lower-case word
            # looks like a plural possessive; prefer another closing mark.
            plain = [
                j
                for j in closes
                if not (text[j - 1] == "s" and re.match(r"\s+[a-z]", text[j + 1 : j + 3]))
            ]
            pick = (plain or closes)[:1]
            if pick:
                spans.append((i, pick[0], text[i]))
                i = pick[0] + 1
                continue
        i += 1
    return spans


def find_spans(text: str) -> list[Span]:
    """All top-level quote spans of one paragraph, in order (nested quotes stay inside)."""
    doubles = _double_spans(text)
    spans: list[Span] = []
    pos = 0
    for start, end, mark in doubles:
        spans.extend(_single_spans(text, pos, start))
        spans.append((start, end, mark))
        pos = len(text) if end is None else end + 1
    spans.extend(_single_spans(text, pos, len(text)))
    return spans


def quote_kind(text: str) -> str:
    """``term`` for a short scare-quoted phrase, ``speech`` for a clause or sentence."""
    plain = re.sub(r"\[[^\]]*\]", " ", text)
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", plain)
    # A full stop after three words or fewer is usually the article's own
    # (American style puts it inside the closing mark), so length decides.
    if len(words) > 3:
        return "speech"
    if any(w.lower().replace("’", "'").split("'")[0] in _FIRST_SECOND_PERSON for w in words):
        return "speech"
    return "term"


def _attributed(text: str, closed_at: int) -> bool:
    """Whether a speech verb follows the quote closing at ``closed_at``: ``," he said``.

    Only after a quote that breaks off (``,"`` ``?"`` ``!"`` or ``",``): after a full
    stop, the next sentence's verb is not about the quote.
    """
    rest = text[closed_at + 1 :]
    if not (text[:closed_at].rstrip().endswith((",", "?", "!")) or rest.lstrip().startswith(",")):
        return False
    after = re.match(r"[^.!?;:\"“”«»]*", rest)
    words = re.findall(r"[^\W_]+", after.group(0) if after else "")[:4]
    return any(w.lower() in SPEECH_VERBS for w in words)


def _part(par: Paragraph, start: int, end: int) -> QuotePart | None:
    raw = par.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    # A comma before the closing mark is the article's punctuation, not the speaker's.
    trimmed = raw.strip().rstrip(",").rstrip()
    if not _WORDISH.search(trimmed):
        return None
    return QuotePart(par.index, start + lead, start + lead + len(trimmed), trimmed)


_BROKEN_OFF = (",", "—", "–")


def _resumes(text: str, closed_at: int, opens_at: int) -> bool:
    """Whether the quote opening at ``opens_at`` goes on with the sentence that a quote
    closed at ``closed_at`` broke off: ``"We waited," he said, "for four months."``."""
    between = text[closed_at + 1 : opens_at].strip()
    broken = text[:closed_at].rstrip().endswith(_BROKEN_OFF) or between.startswith(_BROKEN_OFF)
    return (
        broken
        and bool(_WORDISH.search(between))
        and not re.search(r"[.!?…]", between)
        and between.endswith((*_BROKEN_OFF, ":"))
    )


# "> … positions.\n> — Ivan, in the video": a dash after the last sentence (or a
# paragraph that is only such a line, an HTML <footer>) credits the speaker.
BLOCKQUOTE_CREDIT = re.compile(r"(?:^|(?<=[.!?…\"”’]))\s*(?:[—–]|--)\s*[^.!?…—–]*$")


def extract_quotes(paragraphs: Sequence[Paragraph]) -> list[RawQuote]:
    quotes: list[RawQuote] = []
    carry: list[QuotePart] | None = None  # parts of a quote left open at a paragraph end
    carry_mark = ""

    def finish(parts: list[QuotePart], mark: str, speech: bool = False) -> None:
        if parts:
            text = " ".join(p.text for p in parts)
            quotes.append(RawQuote(tuple(parts), "speech" if speech else quote_kind(text), mark))

    for par in paragraphs:
        spans = find_spans(par.text)
        if carry is not None:
            opens_here = bool(spans) and spans[0][0] == len(par.text) - len(par.text.lstrip())
            if not opens_here or spans[0][2] in "'‘":
                finish(carry, carry_mark)
                carry = None
        if par.blockquote and not spans:
            credit = BLOCKQUOTE_CREDIT.search(par.text)
            part = _part(par, 0, credit.start() if credit else len(par.text))
            if part:
                finish([part], "")
            continue
        speech_closed_at: int | None = None  # closing mark of the paragraph's last speech quote
        for k, (start, end, mark) in enumerate(spans):
            part = _part(par, start + 1, len(par.text) if end is None else end)
            parts = [part] if part else []
            # Short as it may be, the rest of a sentence interrupted by "he said" is speech.
            resumed = speech_closed_at is not None and _resumes(par.text, speech_closed_at, start)
            if k == 0 and carry is not None:
                parts = carry + parts
                mark = carry_mark
                carry = None
            if end is None:
                carry, carry_mark = parts, mark
            else:
                finish(parts, mark, resumed or _attributed(par.text, end))
                speech_closed_at = end if parts and quotes[-1].kind == "speech" else None
    if carry is not None:
        finish(carry, carry_mark)
    return quotes

"""Best-effort speaker attribution from the words around a quote.

Patterns: ``"...," he said`` / ``"...," said Varga`` after a quote, and
``Smart told Newsweek, "..."`` / ``He continued, "..."`` before it. Each phrase
is resolved to a person by ``speakers.SpeakerBook`` (surnames, roles,
pronouns, initials), so all the names of one person share a ``speaker_id``.
A *named* person is taken as someone other than the person in the video,
unless a sentence that attributes a quote to them mentions the video (the
check then decides with the captions: see ``verify.assign_speakers``).
Unnamed speakers ("one soldier", "he", "their commander") are taken as the
video's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .article import Paragraph
from .extract import SPEECH_VERBS, RawQuote
from .normalize import word_set
from .speakers import Person, SpeakerBook

__all__ = ["SPEECH_VERBS", "Attribution", "attribute"]

PRONOUNS = word_set("he she they i we it")
_DETERMINERS = word_set("the a an one another their his her our its this that these those")
_PREPOSITIONS = word_set("in on at from to of for with by near into across")
_ADVERBS = word_set("and then also later once again often recently previously flatly")
_TITLES = word_set("dr. mr. mrs. ms. prof. gen. col. maj. capt. lt. sgt. jr. st.")
_VIDEO = re.compile(r"\b(video|clip|footage|captions?|recording|vlog|stream)\b", re.I)
_TOKEN = re.compile(r"[^\s,;:()\"“”«»—–]+")


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None  # the person's fullest name, else the phrase as written
    other: bool  # attributed to someone other than the person in the video
    speaker_id: str | None = None  # the same for every name of one person
    named: bool = False  # a named person (only they can be "another speaker")


def _masked(text: str, quotes: Sequence[tuple[int, int]]) -> str:
    """``text`` with quoted words blanked, so verbs inside quotes are not read as attribution."""
    chars = list(text)
    for a, b in quotes:
        for k in range(a, min(b, len(chars))):
            chars[k] = " "
    return "".join(chars)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _subject(words: list[str]) -> tuple[str, bool] | None:
    """(phrase, is_name) of the noun phrase ending ``words``."""
    words = [w for w in words if w.lower() not in _ADVERBS and not w.isdigit()]
    if not words:
        return None
    last = words[-1].rstrip(".")
    if last.lower() in PRONOUNS:
        return last.lower(), False
    run: list[str] = []
    for w in reversed(words):
        if _capitalised(w) or w.lower() in _TITLES:
            run.insert(0, w)
        else:
            break
    start = len(words) - len(run)
    # "of Ohio", "of the United States": a place hung on the subject, not the subject.
    prep = start - 1 if start > 0 and words[start - 1].lower() in _PREPOSITIONS else None
    if (
        start > 1
        and words[start - 1].lower() == "the"
        and words[start - 2].lower() in _PREPOSITIONS
    ):
        prep = start - 2
    if run and prep is not None and prep > 0:
        before = _subject(words[:prep])
        if before is not None and before[1]:
            return before  # "Senator Ruth Calder of Ohio"
    if run and prep is None and run[0].lower() not in _DETERMINERS:
        titles = [k for k, w in enumerate(run) if w.lower() in _TITLES]
        if titles:  # "Historian Dr. Elena Varga": the name starts at the title
            run = run[titles[0] :]
        return " ".join(run), True
    if words[0].lower() in PRONOUNS and not any(w.lower() in _DETERMINERS for w in words):
        return words[0].lower(), False  # "He closed by asking": the subject opens the clause
    return " ".join(_noun_phrase(words)), False


def _attaches(word: str) -> bool:
    """A word that hangs a phrase on the noun before it: "holding", "of", "near"."""
    w = word.lower()
    return w in _PREPOSITIONS or (w.endswith("ing") and len(w) > 5)


def _noun_phrase(words: list[str]) -> list[str]:
    """The unnamed subject ending ``words``, from its determiner.

    A determiner phrase hung on an earlier noun by a participle or preposition
    belongs to that noun ("a soldier holding the company flag", "one of the
    soldiers"), unless the earlier phrase is itself after a preposition ("in the
    morning the soldier").
    """
    window = words[-8:]
    dets = [k for k, w in enumerate(window) if w.lower() in _DETERMINERS]
    if not dets:
        return words[-3:]
    start = dets[-1]
    for k in reversed(dets[:-1]):
        if not (start > 0 and _attaches(window[start - 1])):
            break
        if k > 0 and window[k - 1].lower() in _PREPOSITIONS:
            break
        start = k
    return window[start:]


_ABBREVIATION = re.compile(r"\b(Dr|Mr|Mrs|Ms|Prof|Gen|Col|Maj|Capt|Lt|Sgt|Jr|St)\.")
_HIDDEN_DOT = "\u2024"  # stands in for the dot of "Dr." while splitting sentences


def _hide_dots(text: str) -> str:
    return _ABBREVIATION.sub(rf"\1{_HIDDEN_DOT}", text)


def _tokens(text: str) -> list[str]:
    """The words of ``text``, abbreviation dots hidden or not."""
    return [w.replace(_HIDDEN_DOT, ".") for w in _TOKEN.findall(text)]


def _clause_before(text: str) -> list[str]:
    """Words after the last clause boundary of ``text``."""
    return _tokens(re.split(r"[.;:!?—–()\"“”«»]|,\s", _hide_dots(text))[-1])


def _sentence_start(text: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", _hide_dots(text))
    return parts[-1].replace(_HIDDEN_DOT, ".")


_PHRASE_ENDS = _PREPOSITIONS - {"of"} | word_set("and but who as while when adding saying")


def _inverted_subject(words: list[str]) -> tuple[str, bool] | None:
    """The subject after its verb: ``said Colonel Ivanov``, ``said the soldier``."""
    run = []
    for r in words[:3]:
        if _capitalised(r) or r.lower() in _TITLES:
            run.append(r)
        else:
            break
    if run:
        return " ".join(run), True
    if not words or words[0].lower() not in _DETERMINERS:
        return None
    phrase = [words[0]]
    for r in words[1:5]:  # "one of the soldiers"
        if r.lower() in _PHRASE_ENDS:
            break
        phrase.append(r)
    return (" ".join(phrase), False) if len(phrase) > 1 else None


_NEXT_CLAUSE = word_set("but while whereas although though yet and")


def _from_after(after: str) -> tuple[str, bool] | None:
    """``," he said`` / ``," said Varga`` / ``," the soldier says in the video``."""
    m = re.match(r"[\s,.!?…—–]*([^.;:!?]*)", _hide_dots(after))
    if not m:
        return None
    words = _tokens(m.group(1))[:8]
    if words and words[0].lower() in _NEXT_CLAUSE:
        return None  # '," but the soldier insisted "…"' introduces the next quote
    for k, w in enumerate(words):
        if w.lower() == "according":  # "according to the captions" names a source, not a speaker
            return None
        if w.lower() in SPEECH_VERBS:
            if k:
                return _subject(words[:k])
            return _inverted_subject(_tokens(re.split(r"[,—–]", m.group(1))[0])[1:])
        if k >= 6:
            break
    return None


def _from_before(before: str) -> tuple[str, bool] | None:
    sentence = _sentence_start(before)
    if not sentence.strip(" \"“«'‘") and before.strip():
        # The quote opens a sentence: "The soldier says in the video. \"...\""
        sentence = _sentence_start(before.rstrip(" \"“«'‘"))
        if not re.search(r"[.:]\s*$", sentence):
            return None
    tokens = _TOKEN.findall(sentence)
    # "a reply which": after a determiner a speech verb is a noun.
    verbs = [
        k
        for k, w in enumerate(tokens)
        if w.lower() in SPEECH_VERBS and not (k and tokens[k - 1].lower() in _DETERMINERS)
    ]
    if not verbs:
        # "Jensen disagreed: \"...\"": whatever the verb, a colon hands over to the speaker.
        if len(tokens) >= 2 and re.search(r":\s*[\"“«'‘]?\s*$", sentence):
            if tokens[0].lower() in PRONOUNS:  # "He reminded his listeners:"
                return tokens[0].lower(), False
            owner = re.fullmatch(r"([A-Z][\w-]+)['’]s", tokens[0])
            if owner:  # "Roe's closing words were plain:"
                return owner.group(1), True
            return _subject(_clause_before(sentence[: sentence.rfind(tokens[-1])]))
        return None
    k = verbs[-1]
    # Look only inside the clause that holds the verb.
    prefix = " ".join(tokens[:k])
    upto = sentence[: sentence.rfind(tokens[k])] if tokens[k] in sentence else prefix
    found = _subject(_clause_before(upto))
    if found is None:
        # "Jason Smart—a political adviser—told": step over the appositive.
        m = re.search(r"([—–,])[^—–,]*[—–,]\s*$", upto)
        if m:
            # "Her aide, Tom Hill, said": a name in the appositive is the speaker's.
            words = _tokens(_hide_dots(m.group(0).strip(",—– ")))
            inner = _subject(words)
            if inner and inner[1] and len(inner[0].split()) == len(words):
                found = inner
            else:
                found = _subject(_clause_before(upto[: m.start()]))
    if found is None:
        # "A student of mine, Leo Park, once said": the name before an adverb.
        for clause in reversed(re.split(r",\s", _hide_dots(upto))[:-1]):
            found = _subject(_tokens(clause))
            if found is not None:
                break
    if found is None and len(verbs) > 1:  # "He said ... and added:"
        j = verbs[0]
        found = _subject(_clause_before(sentence[: sentence.find(tokens[j])]))
    if found is None:
        first = tokens[0] if tokens else ""
        if first.lower() in PRONOUNS:
            found = (first.lower(), False)
    return found


def _from_credit(after: str, quote: RawQuote) -> tuple[str, bool] | None:
    """A blockquote's credit line: ``— Ivan, a mobilized soldier, in the video``."""
    credit = re.match(r"\s*(?:[—–]|--)\s*([^,;()]+)", after) if not quote.marks else None
    return _subject(_tokens(credit.group(1))) if credit else None


def _found(q: RawQuote, texts: dict[int, str], headings: set[int]) -> tuple[str, bool] | None:
    """The speaker phrase written around a quote, and whether it is a name."""
    first, last = q.parts[0], q.parts[-1]
    if q.kind == "term" or first.paragraph in headings:
        return None
    after_text = texts[last.paragraph][last.end :]
    before_text = texts[first.paragraph][: first.start]
    return _from_credit(after_text, q) or _from_after(after_text) or _from_before(before_text)


def attribute(paragraphs: Sequence[Paragraph], quotes: Sequence[RawQuote]) -> list[Attribution]:
    by_par: dict[int, list[tuple[int, int]]] = {}
    for q in quotes:
        for p in q.parts:
            by_par.setdefault(p.paragraph, []).append((p.start, p.end))
    texts = {p.index: _masked(p.text, by_par.get(p.index, [])) for p in paragraphs}
    headings = {p.index for p in paragraphs if p.heading}
    found_all = [_found(q, texts, headings) for q in quotes]
    book = SpeakerBook(paragraphs, texts, [f[0] for f in found_all if f and f[1]])
    video_keys: set[str] = set()  # named people the article places in the video
    last_speaker: dict[int, tuple[str | None, Person | None]] = {}  # paragraph -> last quote's
    found_people: list[tuple[str | None, Person | None]] = []
    for q, found in zip(quotes, found_all, strict=True):
        first, last = q.parts[0], q.parts[-1]
        if q.kind == "term" or first.paragraph in headings:
            # A term is the article's wording about the video, and a headline
            # is title case: neither has a speaker to find.
            found_people.append((None, None))
            continue
        after_text = texts[last.paragraph][last.end :]
        before_text = texts[first.paragraph][: first.start]
        sentence = _sentence_start(before_text) + _hide_dots(after_text).split(". ")[0]
        at = (first.paragraph, first.start)
        result: tuple[str | None, Person | None]
        if found is None:
            # Another quote earlier in the paragraph, or a quote opening the paragraph
            # right after a quoted paragraph: the same speaker goes on.
            prev = last_speaker.get(first.paragraph)
            if prev is None and not before_text.strip(" \"“«'‘"):
                prev = last_speaker.get(first.paragraph - 1)
            result = prev or (None, None)
        else:
            phrase, is_name = found
            person = book.named(phrase, at) if is_name else book.unnamed(phrase, at)
            if person is None and phrase.lower() not in PRONOUNS:
                person = book.anonymous(phrase, at)
            if person is not None and person.named and _VIDEO.search(sentence):
                video_keys.add(person.key)
            result = (phrase, person)
        found_people.append(result)
        last_speaker[last.paragraph] = result
    out = []
    for shown, who in found_people:
        if who is None or not who.named:
            out.append(Attribution(shown, False, who.id if who else None))
        else:
            out.append(Attribution(who.display, who.key not in video_keys, who.id, True))
    return out

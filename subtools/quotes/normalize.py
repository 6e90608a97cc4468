"""Words and comparison units for matching quotes against captions.

A *word* is what a reader sees (``couldn't``, ``57th``), with its character
offsets so reports can mark it in the original text. A *unit* is what the
aligner compares: contractions are split (``couldn't`` -> ``could`` + ``not``)
so that a dropped negation is one unit, not a different spelling of a word.
Case, Unicode quote/apostrophe/dash variants and punctuation never matter.
Numbers are read the same way whether written in digits or words
("twenty-one", "21st"), so a check can tell a number format from a new number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "SCALE_WORDS",
    "WORD_RE",
    "Number",
    "Unit",
    "Word",
    "canonical",
    "equivalent",
    "is_abbreviation",
    "normalize_word",
    "number_value",
    "numbers_in",
    "same_numbers",
    "tokenize",
    "units_of",
    "without_numbers",
    "word_set",
    "word_units",
]

# Digits first so that "1,000" and "57th" stay one word; letters joined by
# apostrophes ("don't", "o'clock") are one word; hyphens split words.
# Dotted initials ("U.S.", "U.N.") are one word, so they can stand for their expansion.
WORD_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W_])"
    r"|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?(?![^\W_])|[^\W_]+(?:['’ʼ][^\W_]+)*",
    re.UNICODE,
)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and edit)."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Word:
    """A word as written: ``text`` at ``[start, end)`` of its source string."""

    text: str
    norm: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Unit:
    """A comparison unit: ``key`` (lower-case, contractions expanded) of word ``word``."""

    key: str
    word: int


def normalize_word(text: str) -> str:
    """Lower-case NFKC form with ASCII apostrophes and without digit-group commas."""
    norm = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    if norm[:1].isdigit():
        norm = re.sub(r"(?<=\d),(?=\d{3})", "", norm)
    return norm


def tokenize(text: str, offset: int = 0) -> list[Word]:
    """The words of ``text``; offsets are shifted by ``offset``."""
    return [
        Word(m.group(), normalize_word(m.group()), m.start() + offset, m.end() + offset)
        for m in WORD_RE.finditer(text)
    ]


_NEG_IRREGULAR = {"can't": "can", "won't": "will", "shan't": "shall", "ain't": "is"}
_SUFFIX_KEYS = {"'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "'d": "'d"}
# Only after these words is "'s" a verb ("that's" = "that is"); elsewhere it is
# a possessive and stays part of the word.
_S_VERB_HOSTS = word_set("it that there here what who where how he she this")


def units_of(norm: str) -> list[str]:
    """Comparison keys of one normalised word."""
    if norm == "cannot":
        return ["can", "not"]
    if norm in _NEG_IRREGULAR:
        return [_NEG_IRREGULAR[norm], "not"]
    if norm.endswith("n't") and len(norm) > 3:
        return [norm[:-3], "not"]
    if norm == "let's":
        return ["let", "us"]
    for suffix, key in _SUFFIX_KEYS.items():
        if norm.endswith(suffix) and len(norm) > len(suffix):
            return [norm[: -len(suffix)], key]
    if norm.endswith("'s") and norm[:-2] in _S_VERB_HOSTS:
        return [norm[:-2], "'s"]
    return [norm]


# Abbreviations and what they stand for. Dotted initials by their lower-case form;
# the bare ones only as capitals ("US" is the country, "us" the pronoun), and
# titles only capitalised ("Dr Smith", not a word inside a sentence).
_DOTTED = {
    "u.s.": "united states",
    "u.s.a.": "united states of america",
    "u.k.": "united kingdom",
    "u.n.": "united nations",
    "e.u.": "european union",
}
_CAPITALS = {
    "US": "united states",
    "USA": "united states of america",
    "UK": "united kingdom",
    "UN": "united nations",
    "EU": "european union",
    "Dr": "doctor",
    "Mr": "mister",
    "Mrs": "missus",
    "Gen": "general",
    "Gov": "governor",
    "Sen": "senator",
    "Rep": "representative",
    "Lt": "lieutenant",
    "Col": "colonel",
    "Capt": "captain",
    "Sgt": "sergeant",
    "Prof": "professor",
    "Pres": "president",
    "Mt": "mount",
    "Ft": "fort",
}
_NUMBER_SIGN = re.compile(r"\.?\s?\d")  # "No. 1", "No 1": the word "number"


def is_abbreviation(raw: str, norm: str) -> bool:
    """Whether ``word_units`` may expand this word (then a difference is an abbreviation)."""
    return norm in _DOTTED or raw in _CAPITALS or norm in ("no", "nos")


def word_units(raw: str, norm: str, after: str = "") -> list[str]:
    """Comparison keys of a word as written (``after``: the text that follows it), with
    abbreviations expanded: "U.S." and "US" give the keys of "United States"."""
    expansion = _DOTTED.get(norm) or _CAPITALS.get(raw)
    if expansion is None and raw in ("No", "no", "Nos", "nos") and _NUMBER_SIGN.match(after):
        expansion = "number"
    if expansion is not None:
        return expansion.split()
    return units_of(norm)


def _ordered(text: str) -> list[str]:
    return text.split()


_ONES = _ordered(
    "zero one two three four five six seven eight nine "
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS = _ordered("twenty thirty forty fifty sixty seventy eighty ninety")
_ORD_ONES = _ordered(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_ONES)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update({w: i for i, w in enumerate(_ORD_ONES) if i})
NUMBER_WORDS.update({w[:-1] + "ieth": 20 + 10 * i for i, w in enumerate(_TENS)})
SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 10**9}
SCALE_WORDS.update({w + "th": v for w, v in SCALE_WORDS.items()})
# "the twelfth attack" is not "twelve attacks": an ordinal's value carries a "th".
ORDINAL_WORDS = frozenset(
    [
        *_ORD_ONES[1:],
        *(w[:-1] + "ieth" for w in _TENS),
        *(w for w in SCALE_WORDS if w.endswith("th")),
    ]
)

# UK spellings whose US form is not produced by the suffix rules below.
_SPELLING_TABLE = {
    "grey": "gray",
    "programme": "program",
    "programmes": "programs",
    "tyre": "tire",
    "tyres": "tires",
    "judgement": "judgment",
    "ageing": "aging",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "aluminium": "aluminum",
    "pyjamas": "pajamas",
    "plough": "plow",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "okay": "ok",
}
# (pattern, replacement, minimum word length): the length guard keeps short
# words that differ in meaning ("our"/"or", "filled"/"filed") apart.
_SPELLING_RULES = (
    (re.compile(r"our(s|ed|ing|ite|ites|able)?$"), r"or\1", 6),
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1", 6),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1", 6),
    (re.compile(r"tre(s)?$"), r"ter\1", 5),
    (re.compile(r"ogue(s)?$"), r"og\1", 7),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1", 8),
)


def number_value(key: str) -> str | None:
    """The value of a one-word number (``12``, ``twelve``, ``2.5``), else None; an ordinal's
    ends in ``th`` (``57th``, ``twelfth`` -> ``12th``), a decade's in ``s`` (``1990s``)."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(st|nd|rd|th|s)?", key)
    if m:
        whole, _, frac = m.group(1).partition(".")
        value = str(int(whole))
        frac = frac.rstrip("0")
        suffix = "" if m.group(2) is None else "s" if m.group(2) == "s" else "th"
        return (f"{value}.{frac}" if frac else value) + suffix
    word = NUMBER_WORDS.get(key)
    if word is None:
        return None
    return f"{word}th" if key in ORDINAL_WORDS else str(word)


Number = tuple[str, bool, bool]  # value, ordinal, written in digits


def numbers_in(keys: list[str]) -> list[Number]:
    """The numbers in ``keys``; runs of number words ("twenty one") form one number."""
    values: list[Number] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            total, current = 0, 0
            for k in run:
                if k in SCALE_WORDS:
                    current = max(current, 1) * SCALE_WORDS[k]
                    if SCALE_WORDS[k] >= 1000:
                        total, current = total + current, 0
                elif k != "and":
                    current += NUMBER_WORDS[k]
            ordinal = [k for k in run if k != "and"][-1] in ORDINAL_WORDS
            values.append((str(total + current), ordinal, False))
            run.clear()

    for k in keys:
        if k in NUMBER_WORDS or k in SCALE_WORDS or (k == "and" and run):
            run.append(k)
            continue
        flush()
        value = number_value(k)
        if value is not None:
            values.append((value.removesuffix("th"), value.endswith("th"), True))
    flush()
    return values


def same_numbers(article: list[Number], captions: list[Number]) -> bool:
    """Equal values, and an ordinal for an ordinal; in digits, "1428" and "1428th" are
    one unit's name written two ways, but "first" is not "one"."""
    rest = list(captions)
    for value, ordinal, digits in article:
        match = next(
            (
                k
                for k, (v, o, d) in enumerate(rest)
                if v == value and (o == ordinal or (digits and d))
            ),
            None,
        )
        if match is None:
            return False
        del rest[match]
    return not rest


def without_numbers(keys: list[str]) -> list[str]:
    return [k for k in keys if k != "and" and k not in SCALE_WORDS and number_value(k) is None]


def canonical(key: str) -> str:
    """A spelling- and number-neutral form: equal forms are minor variants."""
    value = number_value(key)
    if value is not None:
        return f"#{value}"
    if key in _SPELLING_TABLE:
        return _SPELLING_TABLE[key]
    if key.endswith("'s") and len(key) > 3:
        # "United State's" is a typo for "States", "soldier's" for "soldiers".
        return canonical(key[:-2] + "s")
    for pattern, repl, min_len in _SPELLING_RULES:
        if len(key) >= min_len and pattern.search(key):
            return pattern.sub(repl, key)
    return key


_AMBIGUOUS = {"'d": frozenset({"had", "would"}), "'s": frozenset({"is", "has", "us"})}


def equivalent(a: str, b: str) -> bool:
    """True when two keys differ only in spelling, number format or contraction."""
    if a == b:
        return True
    if a in _AMBIGUOUS:
        return b in _AMBIGUOUS[a]
    if b in _AMBIGUOUS:
        return a in _AMBIGUOUS[b]
    return canonical(a) == canonical(b)

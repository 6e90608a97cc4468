"""One person, many names: resolve the speaker phrases of an article to people.

An article names one person in many ways: "President Jane Roe", "Roe",
"Roe's", "the president", "she". Titles and first names are stripped for
matching (the surname is the key), a role noun is bound to the person who holds
it in the text ("President Jane Roe" makes "the president" Roe), and a pronoun
goes to the nearest person mentioned before it whose gender does not conflict.
People are found in the whole article first, so a mention between two quotes
(an aide, a host) counts for the pronouns after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .article import Paragraph
from .normalize import word_set

__all__ = ["Person", "SpeakerBook", "name_key", "strip_titles"]

# Words that say what a person is, not who: stripped from names, bound as roles.
ROLE_WORDS = word_set(
    "president vice prime minister secretary senator governor general colonel sergeant "
    "lieutenant captain major admiral commander chief justice judge mayor ambassador "
    "speaker chairman chairwoman director professor doctor historian analyst adviser "
    "advisor spokesman spokeswoman spokesperson representative congressman congresswoman "
    "soldier officer host anchor reporter correspondent editor author aide"
)
_QUALIFIERS = word_set(
    "defence defense foreign interior state former then house senate army navy "
    "military political presidential white chief deputy"
)
_HONORIFICS = {
    "dr": None,
    "dr.": None,
    "prof.": None,
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "sir": "m",
    "lady": "f",
    "gen.": None,
    "col.": None,
    "sgt.": None,
    "lt.": None,
    "capt.": None,
    "maj.": None,
    "sen.": None,
    "gov.": None,
    "rep.": None,
    "pres.": None,
}
_SUFFIXES = word_set("jr. jr sr. sr ii iii iv")
# A few first names, for pronouns only; unknown names fit either pronoun.
_FEMALE = word_set(
    "jane mary anna elena margaret susan sarah linda helen ruth alice emma olga maria "
    "karen nancy laura julia claire grace rose eleanor martha dorothy frances joan kate "
    "catherine elizabeth hannah irene natalia sofia lucy amy anne edna"
)
_MALE = word_set(
    "john james robert michael william david richard thomas charles joseph george "
    "frank franklin dwight abraham ivan jason mark peter paul henry edward harry tom "
    "bob samuel daniel andrew ronald lyndon walter arthur ed carl harold leo jim fred "
    "sam abe"
)
_FIRST_NAMES = _FEMALE | _MALE
_NOT_NAMES = word_set(
    "the a an he she it we they i in on at but and this that when after before as "
    "if so yet for of by from to with his her their its our my your one two even only "
    "also not now still "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_NAME_RUN = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'-]*")
_FEMININE_ROLES = word_set("chairwoman spokeswoman congresswoman")


def _clean(token: str) -> str:
    return re.sub(r"['’]s$", "", token.strip(",;:")).rstrip("’'")


def _is_title(token: str) -> bool:
    low = token.lower()
    return low in ROLE_WORDS or low in _QUALIFIERS or low in _HONORIFICS


def strip_titles(phrase: str) -> list[str]:
    """The name tokens of ``phrase`` without titles, qualifiers and suffixes."""
    tokens = [_clean(t) for t in phrase.split()]
    return [t for t in tokens if t and not _is_title(t) and t.lower() not in _SUFFIXES]


def name_key(phrase: str) -> str | None:
    """The matching key of a name: its surname, lower-case ("President Jane Roe's" -> roe)."""
    names = [
        t for t in strip_titles(phrase) if t[:1].isupper() and not re.fullmatch(r"[A-Z]\.?", t)
    ]
    return names[-1].lower() if names else None


_PAST = word_set("former outgoing late ex previous then")


def _roles(phrase: str) -> set[str]:
    """Role nouns in a name phrase: "Defence Minister Ivan Petrov" -> minister, defence
    minister. A past holder ("Outgoing President Dwight Eisenhower") is not "the president"."""
    tokens = [t.lower().rstrip(".") for t in phrase.split()]
    out = set()
    for k, t in enumerate(tokens):
        if t in ROLE_WORDS:
            if k and tokens[k - 1] in _PAST:
                out.add(f"{tokens[k - 1]} {t}")
                continue
            out.add(t)
            if k and tokens[k - 1] in _QUALIFIERS | ROLE_WORDS:
                out.add(f"{tokens[k - 1]} {t}")
    return out


def _abbreviates(initials: str, person: Person) -> bool:
    """ "FDR" for Franklin D. Roosevelt (or Franklin Roosevelt: the middle name may be
    missing from the article), "JFK" for John F. Kennedy."""
    names = [t for t in strip_titles(person.display) if t[:1].isupper()]
    if len(names) < 2:
        return False
    full = "".join(t[0] for t in names)
    return initials == full or (len(names) == 2 and len(initials) == 3 and initials[::2] == full)


def _gender(phrase: str) -> str | None:
    tokens = [t.lower() for t in phrase.split()]
    for t in tokens:
        if _HONORIFICS.get(t):
            return _HONORIFICS[t]
        if t in _FEMININE_ROLES:
            return "f"
    for t in strip_titles(phrase)[:1]:
        if t.lower() in _FEMALE:
            return "f"
        if t.lower() in _MALE:
            return "m"
    return None


@dataclass
class Person:
    """A person of the article (mutable while the book is built, then only read)."""

    key: str  # surname, or the role noun of an unnamed speaker
    named: bool
    display: str
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    titled: bool = False  # named with a title or a known first name: surely a person
    shown: bool = False  # ``display`` comes from an attribution, not a mere mention

    @property
    def id(self) -> str:
        return re.sub(r"[^\w]+", "-", self.key).strip("-") or "speaker"


Position = tuple[int, int]  # (paragraph, character)


class SpeakerBook:
    """The people of one article, and the mentions that pronouns can refer to."""

    def __init__(
        self,
        paragraphs: Sequence[Paragraph],
        masked: dict[int, str],
        speakers: Sequence[str] = (),
    ) -> None:
        # Names that attribute a quote somewhere: people, wherever they are mentioned.
        self.speaker_keys = {k for k in map(name_key, speakers) if k}
        self.people: dict[str, Person] = {}
        self.roles: dict[str, str] = {}  # role noun -> person key
        self.mentions: list[tuple[Position, str]] = []
        for p in paragraphs:
            if p.heading:
                continue
            for m in _NAME_RUN.finditer(masked.get(p.index, p.text)):
                self._mention(m.group(), (p.index, m.start()))
        self.mentions.sort()

    def _mention(self, run: str, at: Position) -> None:
        tokens = run.split()
        while tokens and tokens[0].lower().rstrip(".,") in _NOT_NAMES:
            tokens = tokens[1:]
        # "Dashing John F. Kennedy": a capitalised word opening the sentence.
        while (
            len(tokens) > 1
            and tokens[1].lower() in _FIRST_NAMES
            and not (tokens[0].lower() in _FIRST_NAMES or _is_title(tokens[0]))
        ):
            tokens = tokens[1:]
        # "Abraham Lincoln's Gettysburg Address": the person ends at the possessive.
        owner = next((k for k, t in enumerate(tokens) if re.search(r"['’]s?$", t)), None)
        if owner is not None:
            tokens = [*tokens[:owner], _clean(tokens[owner])]
        phrase = " ".join(tokens).rstrip(".,;:")
        names = strip_titles(phrase)
        key = self._key(phrase)
        if key is None:
            return
        titled = (
            len(names) < len(phrase.split())
            or names[0].lower() in _FIRST_NAMES
            or key in self.speaker_keys
        )
        if not titled and key not in self.people:
            return  # "Pearl Harbor", "New York": a person only when a quote is theirs
        person = self._named(phrase, key, display=False)
        person.titled = person.titled or titled
        self.mentions.append((at, key))

    def _key(self, phrase: str) -> str | None:
        """The key of a name, initials ("FDR") standing for the person they abbreviate."""
        key = name_key(phrase)
        names = strip_titles(phrase)
        if key and len(names) == 1 and re.fullmatch(r"[A-Z]{2,4}", names[0]):
            for person in self.people.values():
                if person.named and person.key != key and _abbreviates(names[0], person):
                    return person.key
        return key

    def _named(self, phrase: str, key: str, display: bool) -> Person:
        shown = phrase
        if not display:
            # A mere mention shows without its leading role: "Abe Lincoln", not
            # "President Abe Lincoln" (an attribution's phrase is kept as written).
            words = phrase.split()
            while len(words) > 1 and words[0].lower() in ROLE_WORDS | _QUALIFIERS:
                words = words[1:]
            shown = " ".join(words)
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person(key, True, shown)
        if not person.named:
            person.named, person.display = True, shown
        fuller = len(strip_titles(shown)) - len(strip_titles(person.display))
        if fuller > 0 or (fuller == 0 and display and not person.shown):
            # The fullest form ("Dr. Elena Varga" over "Varga"), an attribution's on a tie.
            person.display, person.shown = shown, display or person.shown
        person.gender = person.gender or _gender(phrase)
        for role in _roles(phrase):
            person.roles.add(role)
            self.roles[role] = key
        return person

    def named(self, phrase: str, at: Position) -> Person | None:
        """The person a name phrase ("Roe", "President Jane Roe") refers to; a title
        alone ("the President") is a role (None when nobody holds it)."""
        key = self._key(phrase)
        if key is None:
            return self.unnamed(phrase, at)
        person = self._named(phrase, key, display=True)
        person.titled = True
        self.mentions.append((at, key))
        self.mentions.sort()
        return person

    def unnamed(self, phrase: str, at: Position) -> Person | None:
        """The person of an unnamed phrase: a pronoun or a role ("the president")."""
        words = [w.lower().strip(",.") for w in phrase.split()]
        if not words:
            return None
        if len(words) == 1 and words[0] in ("he", "she"):
            return self._pronoun("m" if words[0] == "he" else "f", at)
        head = next((w for w in reversed(words) if w in self.roles), None)
        if head is not None and len(words) <= 4:
            person = self.people[self.roles[head]]
            self.mentions.append((at, person.key))
            self.mentions.sort()
            return person
        return None

    def _pronoun(self, gender: str, at: Position) -> Person | None:
        for pos, key in reversed(self.mentions):
            if pos > at:
                continue
            person = self.people[key]
            if not person.named:
                return None  # "said the soldier. He repeated": the unnamed speaker goes on
            if person.gender in (None, gender) and person.titled:
                person.gender = person.gender or gender
                return person
        return None

    def anonymous(self, phrase: str, at: Position) -> Person:
        """An unnamed speaker ("one soldier"): a person of its own, for the pronouns after it."""
        words = [w.lower().strip(",.") for w in phrase.split()]
        nouns = [w for w in words if w in ROLE_WORDS] or words[-1:] or ["speaker"]
        key = f"the {nouns[-1]}"
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person(key, False, phrase)
        self.mentions.append((at, key))
        self.mentions.sort()
        return person

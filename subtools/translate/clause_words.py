"""Word lists the cue-boundary rules read, per language (data, no logic).

Source side: words that open a clause or phrase, and their usual renderings
in the target; target side: words that must not end a cue because they belong
with what follows (auxiliaries, subject pronouns, numbers, fixed pairs).
"""

from __future__ import annotations

import re

from ..linebreak import PREPOSITIONS

__all__ = [
    "ADJECTIVE",
    "ALL_CLAUSE_WORDS",
    "ALL_PREPOSITIONS",
    "AUXILIARIES",
    "CLAUSE_PUNCT",
    "CLAUSE_WORDS",
    "FIXED_PAIRS",
    "NO_END",
    "NUMBER",
    "NUMBER_WORDS",
    "RENDERINGS",
    "STRIP",
    "SUBJECTS",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that open a clause: a cue starting with one in the source should start
# with one in the translation.
CLAUSE_WORDS: dict[str, frozenset[str]] = {
    "ru": _set(
        "и а но или либо что чтобы когда если потому поэтому пока хотя где куда откуда "
        "как чем зато ведь будто словно который которая которое которые которого "
        "которой которому котором которым которых которую которыми чей чья чьё чьи "
        "кто ибо причём притом однако тогда иначе"
    ),
    "en": _set(
        "and but or nor that which who whom whose when where while if because so as "
        "although though until unless since whether then otherwise however "
        "asking saying including"
    ),
}
# The usual renderings of a Russian clause word: a cue starting with "или"
# should start with "or" when the translation has one near the right place.
RENDERINGS: dict[str, frozenset[str]] = {
    "и": _set("and"),
    "а": _set("and but while whereas"),
    "но": _set("but"),
    "или": _set("or"),
    "либо": _set("or either"),
    "что": _set("that what"),
    "чтобы": _set("to so that"),
    "когда": _set("when while as"),
    "если": _set("if unless"),
    "потому": _set("because as since"),
    "поэтому": _set("so therefore"),
    "пока": _set("while until"),
    "хотя": _set("although though"),
    "где": _set("where"),
    "куда": _set("where"),
    "как": _set("how as like"),
    "чем": _set("than"),
    "кто": _set("who"),
    # Prepositions: "больничный лист | до конца недели" -> "sick note | until the end".
    "до": _set("until till to before up"),
    "под": _set("under by below beneath"),
    "у": _set("near at by with"),
    "на": _set("on at to in onto for"),
    "в": _set("in into to at on"),
    "во": _set("in into to at on"),
    "к": _set("to towards toward"),
    "ко": _set("to towards toward"),
    "от": _set("from of"),
    "из": _set("from out of"),
    "с": _set("with from since off"),
    "со": _set("with from since off"),
    "без": _set("without"),
    "для": _set("for"),
    "после": _set("after"),
    "перед": _set("before"),
    "через": _set("through across in after"),
    "о": _set("about of on"),
    "об": _set("about of on"),
    "за": _set("for behind after in"),
    "по": _set("on along by through across"),
    "при": _set("at with under during"),
    "про": _set("about"),
    "между": _set("between among"),
    "против": _set("against"),
    "около": _set("near about around"),
    "вокруг": _set("around"),
    **{
        w: _set("who which that whom whose")
        for w in _set(
            "который которая которое которые которого которой которому котором которым "
            "которых которую которыми"
        )
    },
}
ALL_CLAUSE_WORDS = frozenset().union(*CLAUSE_WORDS.values())
# Words that open what follows, so a cue must not end on them ("including"
# and "then" can: "..., including | forty children").
NO_END = (ALL_CLAUSE_WORDS | {"than"}) - _set("asking saying including then however otherwise")
ALL_PREPOSITIONS = frozenset().union(*PREPOSITIONS.values())
# Words that belong with the verb after them: "were | killed" splits a verb.
AUXILIARIES: dict[str, frozenset[str]] = {
    "en": _set(
        "am is are was were be been being have has had do does did will would shall "
        "should can could may might must not don't didn't doesn't won't can't couldn't "
        "wouldn't isn't aren't wasn't weren't haven't hasn't hadn't i'll we'll you'll "
        "they'll he'll she'll it's i'm we're you're they're i've we've they've"
    ),
    "ru": _set("не ни бы буду будем будет будут будешь будете"),
}
NUMBER_WORDS = _set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion half dozen minus plus "
    "один одна одно два две три четыре пять шесть семь восемь девять десять сто тысяча "
    "тысячи тысяч миллион миллиона миллионов минус плюс"
)
NUMBER = re.compile(r"^[-+−]?\d[\d.,:]*(?:-?[^\W\d_]{1,3})?$")
# English adjective endings: "military | police", "regional | administration".
ADJECTIVE = re.compile(r"(?:al|ary|ic|ive|ous|ful|less|ian|ern|ese|ent|ant)$")
# Two words that are one unit whatever else is around them.
FIXED_PAIRS = frozenset(
    tuple(pair.split())
    for pair in ("more than", "less than", "fewer than", "rather than", "such as", "as well")
)
# A subject pronoun belongs with its verb: "today you | would fix".
SUBJECTS = _set("i you he she we they")
CLAUSE_PUNCT = (",", ";", ":", "—", "–", "-", "...", "…")
STRIP = "\"'«»“”„()[]"

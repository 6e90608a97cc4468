"""The use-case on the samples and on the article variants in ``articles/``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.errors import InputError
from subtools.io import read_track, write_track
from subtools.quotes.article import parse_article
from subtools.quotes.report import report_to_dict
from subtools.quotes.verify import verify_paragraphs
from subtools.usecases.quotes import verify_quotes

from .conftest import ARTICLES, SAMPLES


def brief(path: Path, captions: Path) -> list[tuple[Any, ...]]:
    data = report_to_dict(verify_quotes(path, captions))
    return [
        (
            q["status"],
            q["cues"],
            [
                (d["op"], d["article"], d["captions"], d["severity"], d["reason"])
                for d in q["differences"]
            ],
        )
        for q in data["quotes"]
    ]


def test_sample_article_against_english_captions(sample_article: Path, captions_en: Path) -> None:
    report = verify_quotes(sample_article, captions_en)
    data = report_to_dict(report)
    assert data["article_language"] == "en" and data["captions_language"] == "en"
    assert data["translated"] is None and data["language_mismatch"] is None
    q = {x["id"]: x for x in data["quotes"]}
    assert [(x["id"], x["kind"], x["status"]) for x in data["quotes"]] == [
        (1, "term", "exact"),
        (2, "speech", "exact"),
        (3, "speech", "exact"),
        (4, "speech", "exact"),
        (5, "speech", "minor"),
        (6, "speech", "exact"),
        (7, "speech", "exact"),
        (8, "speech", "changed"),
        (9, "term", "exact"),
        (10, "term", "exact"),
        (11, "speech", "exact"),
        (12, "speech", "missing"),
        (13, "speech", "missing"),
    ]
    assert (q[2]["start"], q[2]["end"], q[2]["cues"]) == (11.1, 14.0, [4])
    assert (q[4]["start"], q[4]["end"], q[4]["cues"]) == (8.0, 14.0, [3, 4])
    assert q[5]["differences"] == [
        {
            "op": "replace",
            "article": "we had",
            "captions": "we'd",
            "severity": "minor",
            "reason": "contraction",
        }
    ]
    assert q[5]["caption_text"] == "we'd been attached to an assault unit"
    assert q[8]["paragraphs"] == [6, 7] and q[8]["cues"] == [9, 10, 11, 12, 13]
    assert q[8]["differences"] == [
        {
            "op": "replace",
            "article": "artillery",
            "captions": "mortar",
            "severity": "major",
            "reason": "word",
        }
    ]
    assert q[8]["counts_as_failure"] is True
    assert q[11]["caption_text"] == "return us to our permanent base"
    for n in (12, 13):
        assert q[n]["speaker"] == "Dr. Elena Varga" and q[n]["other_speaker"] is True
        assert q[n]["start"] is None and q[n]["cues"] == [] and q[n]["caption_text"] is None
        assert q[n]["counts_as_failure"] is False
        assert 0 < q[n]["candidate"]["score"] < 0.5
    assert data["summary"] == {
        "exact": 9,
        "minor": 1,
        "changed": 1,
        "missing": 2,
        "quotes": 13,
        "speech": 10,
        "terms": 3,
        "other_speaker": 2,
        "misattributed": 0,
        "failures": 1,
    }
    assert [x.id for x in report.failures] == [8]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ellipsis.txt", [("exact", [1, 2], []), ("exact", [3, 4], [])]),
        ("brackets.txt", [("exact", [14], []), ("exact", [6], []), ("exact", [11], [])]),
        ("curly.txt", [("exact", [8], []), ("exact", [7, 8], []), ("exact", [13], [])]),
        ("fabricated.txt", [("exact", [1, 2], []), ("missing", [], [])]),
        (
            "negation.txt",
            [
                ("exact", [11], []),
                ("changed", [12], [("replace", "could", "couldn't", "major", "negation")]),
            ],
        ),
        (
            "number.txt",
            [
                ("changed", [9, 10], [("insert", "", "twelve of", "major", "number")]),
                ("minor", [3], [("replace", "3", "Three", "minor", "number format")]),
                ("changed", [9, 10], [("replace", "ten", "twelve", "major", "number")]),
            ],
        ),
        ("multipara.txt", [("exact", [9, 10, 11, 12, 13], [])]),
        (
            "split.txt",
            [
                ("exact", [11], []),
                ("exact", [11], []),
                ("exact", [3], []),
                ("changed", [2], [("replace", "rear", "defense", "major", "word")]),
                ("changed", [12], [("replace", "could", "couldn't", "major", "negation")]),
            ],
        ),
        ("person.txt", [("changed", [3, 4], [("replace", "they", "we", "major", "person")])]),
        (
            "minor.txt",
            [
                (
                    "minor",
                    [1, 2],
                    [
                        ("replace", "mobilised", "mobilized", "minor", "spelling"),
                        ("replace", "fifty-seventh", "57th", "minor", "number format"),
                        ("replace", "defence", "defense", "minor", "spelling"),
                    ],
                ),
                (
                    "minor",
                    [5],
                    [
                        ("replace", "we had", "we'd", "minor", "contraction"),
                        ("insert", "", "an", "minor", "article"),
                    ],
                ),
            ],
        ),
        (
            "other_speaker.txt",
            [("exact", [6], []), ("missing", [], []), ("missing", [], []), ("missing", [], [])],
        ),
        (
            "article.md",
            [
                ("exact", [8], []),
                ("exact", [4], []),
                ("exact", [6], []),
                ("exact", [11], []),
                ("exact", [10], []),
            ],
        ),
        (
            "article.html",
            [
                ("exact", [8], []),
                ("exact", [4], []),
                ("exact", [6], []),
                ("exact", [8], []),
                ("changed", [9, 10], [("replace", "artillery", "mortar", "major", "word")]),
            ],
        ),
    ],
)
def test_article_variants(name: str, expected: list[tuple[Any, ...]], captions_en: Path) -> None:
    assert brief(ARTICLES / name, captions_en) == expected


def test_other_speaker_quotes_do_not_fail_the_check(captions_en: Path) -> None:
    report = verify_quotes(ARTICLES / "other_speaker.txt", captions_en)
    assert [(q.speaker, q.other_speaker) for q in report.quotes] == [
        ("one soldier", False),
        ("John Moreau", True),
        ("John Moreau", True),
        ("John Moreau", True),
    ]
    assert report.failures == ()


def test_a_changed_second_half_of_a_split_sentence_fails_the_check(captions_en: Path) -> None:
    # "to the rear." is three words, yet the speaker's: a term would not count.
    report = verify_quotes(ARTICLES / "split.txt", captions_en)
    assert [(q.speaker, q.other_speaker, q.kind) for q in report.quotes] == [
        ("the soldier", False, "speech"),
        ("the soldier", False, "speech"),
        ("he", False, "speech"),
        ("he", False, "speech"),
        ("one of the men", False, "speech"),
    ]
    assert [q.id for q in report.failures] == [4, 5]


def test_missing_article_is_an_input_error(tmp_path: Path, captions_en: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        verify_quotes(tmp_path / "nope.txt", captions_en)
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported article file type"):
        verify_quotes(tmp_path / "a.pdf", captions_en)


_WORDS = [
    "we",
    "were",
    "sent",
    "to",
    "the",
    "front",
    "line",
    "without",
    "weapons",
    "and",
    "training",
    "not",
    "twelve",
    "12",
    "mortar",
    "artillery",
    "they",
    "couldn't",
    "help",
    "us",
    "...",
    "…",
    "[in]",
    "'sandbox'",
    '"',
    "“",
    "”",
    "«",
    "»",
    ",",
    ".",
    "\n\n",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=80))
def test_any_article_gives_a_consistent_report(words: list[str]) -> None:
    track = read_track(SAMPLES / "captions.en.srt").track
    for r in verify_paragraphs(parse_article(" ".join(words)), track):
        assert r.status in ("exact", "minor", "changed", "missing")
        assert 0.0 <= r.score <= 1.0
        if r.match is not None:
            numbers = [c.number for c in r.match.cues]
            assert numbers == list(range(numbers[0], numbers[-1] + 1))
            assert r.match.start_ms <= r.match.end_ms
        assert (r.status == "exact") == (r.differences == ()) or r.status == "missing"


def test_webvtt_captions_and_an_article_without_quotes(tmp_path: Path, captions_en: Path) -> None:
    vtt = tmp_path / "captions.vtt"
    write_track(read_track(captions_en).track, vtt)
    report = verify_quotes(ARTICLES / "negation.txt", vtt)
    assert [
        (q.status, [c.number for c in q.match.cues] if q.match else []) for q in report.quotes
    ] == [("exact", [11]), ("changed", [12])]
    plain = tmp_path / "plain.txt"
    plain.write_text("No quotes here.\n\nJust narration about the video.", encoding="utf-8")
    empty = verify_quotes(plain, vtt)
    assert empty.quotes == () and empty.failures == ()


def test_russian_article_against_russian_captions(tmp_path: Path, captions_ru: Path) -> None:
    article = tmp_path / "statya.txt"
    article.write_text(
        "Мобилизованные просят вернуть их домой\n\n"
        "«Мы не подписывали никаких контрактов», — говорит солдат на видео.\n\n"
        "«Нам ответили, что они могут помочь», — добавил он.",
        encoding="utf-8",
    )
    report = verify_quotes(article, captions_ru)
    assert report.article_language == "ru" and report.translated is None
    assert [
        (q.status, [(d.article, d.captions, d.reason) for d in q.differences])
        for q in report.quotes
    ] == [
        ("exact", []),
        ("changed", [("они", "ничем не", "negation")]),
    ]

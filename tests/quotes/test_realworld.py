"""The real-world set: public-domain speech transcripts cut into captions, and
articles written for these tests in wire, broadsheet, tabloid and blog styles.

Every quote is hand-labelled in realworld/labels.tsv (status, resolved speaker,
misattributed, cue span); each label is a test. The transcripts are verbatim
(Lincoln's Gettysburg Address, Roosevelt's address to Congress of 8 December
1941, excerpts of Kennedy's inaugural address); the caption tracks are made
from them by scripts/transcript_to_captions.py.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli import app
from subtools.io import read_track, render_track
from subtools.quotes.results import QuoteReport
from subtools.usecases.quotes import verify_quotes

HERE = Path(__file__).resolve().parent / "realworld"
ROOT = HERE.parents[2]
runner = CliRunner()


def _labels() -> list[tuple[str, int, str, str, bool, str, str]]:
    rows = []
    for line in (HERE / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        article, quote, status, speaker, mis, cues, pattern = line.split("\t")
        rows.append((article, int(quote), status, speaker, mis == "yes", cues, pattern))
    return rows


LABELS = _labels()
ARTICLES = sorted({row[0] for row in LABELS})


def captions_for(article: str) -> Path:
    return HERE / "captions" / f"{article.split('_')[0]}.en.srt"


@cache
def report(article: str) -> QuoteReport:
    return verify_quotes(HERE / "articles" / article, captions_for(article))


def test_the_set_is_big_enough() -> None:
    assert len(LABELS) >= 80
    assert len({a.split("_")[0] for a in ARTICLES}) >= 3
    assert {a.split("_")[1].split(".")[0] for a in ARTICLES} == {
        "wire",
        "broadsheet",
        "tabloid",
        "blog",
    }
    # Every article's quotes are all labelled.
    for article in ARTICLES:
        assert len(report(article).quotes) == sum(1 for r in LABELS if r[0] == article)


@pytest.mark.parametrize(
    ("article", "quote", "status", "speaker", "misattributed", "cues", "pattern"),
    LABELS,
    ids=[f"{r[0]}#{r[1]}" for r in LABELS],
)
def test_label(
    article: str,
    quote: int,
    status: str,
    speaker: str,
    misattributed: bool,
    cues: str,
    pattern: str,
) -> None:
    q = report(article).quotes[quote - 1]
    span = f"{q.match.cues[0].number}-{q.match.cues[-1].number}" if q.match else "-"
    got = (q.status, q.speaker_id or "-", q.misattributed, span)
    assert got == (status, speaker, misattributed, cues), pattern


@pytest.mark.parametrize("article", ARTICLES)
def test_no_quote_said_in_the_video_is_another_speakers(article: str) -> None:
    for q in report(article).quotes:
        if q.found and q.other_speaker:
            assert q.misattributed, q.text


@pytest.mark.parametrize("article", ARTICLES)
def test_the_video_speaker_is_inferred(article: str) -> None:
    speaker = report(article).video_speaker
    expected = {"gettysburg": "lincoln", "infamy": "roosevelt", "inaugural": "kennedy"}
    assert speaker is not None and speaker.inferred
    assert speaker.ids == (expected[article.split("_")[0]],)
    assert speaker.found == speaker.quotes  # all the speaker's own quotes are in the video


@pytest.mark.parametrize("article", ARTICLES)
def test_exit_code(article: str) -> None:
    result = runner.invoke(
        app, ["quotes", str(HERE / "articles" / article), str(captions_for(article))]
    )
    rows = [r for r in LABELS if r[0] == article]
    changed = any(r[2] == "changed" for r in rows)
    assert result.exit_code == (1 if changed else 0), result.stdout
    assert "video speaker:" in result.stdout


@pytest.mark.parametrize("speech", ["gettysburg", "infamy", "inaugural"])
def test_several_articles_against_one_video(speech: str, tmp_path: Path) -> None:
    folder = tmp_path / speech
    folder.mkdir()
    for article in ARTICLES:
        if article.startswith(speech):
            (folder / article).write_bytes((HERE / "articles" / article).read_bytes())
    captions = str(captions_for(f"{speech}_"))
    result = runner.invoke(app, ["quotes", str(folder), captions, "--json"])
    data = json.loads(result.stdout)
    assert [Path(row["article"]).name for row in data["summary"]] == sorted(
        a for a in ARTICLES if a.startswith(speech)
    )
    for row, article in zip(data["summary"], data["articles"], strict=True):
        assert row["changed"] == sum(q["status"] == "changed" for q in article["quotes"])
        assert row["misattributed"] == sum(q["misattributed"] for q in article["quotes"])
    assert result.exit_code == 1  # every speech has an article that misquotes


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "transcript_to_captions", ROOT / "scripts" / "transcript_to_captions.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("speech", ["gettysburg", "infamy", "inaugural"])
def test_the_tracks_are_made_by_the_script(speech: str) -> None:
    script = _script()
    text = (HERE / "transcripts" / f"{speech}.txt").read_text(encoding="utf-8")
    track = script.cut_transcript(text)
    committed = captions_for(f"{speech}_")
    assert render_track(track, "srt") == committed.read_text(encoding="utf-8")
    for cue in read_track(committed).track.cues:
        lines = cue.text.split("\n")
        assert len(lines) <= 2 and all(len(line) <= 42 for line in lines)
        chars = len(" ".join(lines))
        assert chars * 1000 / cue.duration <= 15.01 or cue.duration == script.MIN_MS
    # Word for word the transcript: the captions lose nothing.
    words = " ".join(c.text.replace("\n", " ") for c in read_track(committed).track.cues)
    assert words.split() == text.split()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.text(alphabet="abcdefghij.,!?—'", min_size=1, max_size=12).filter(
                lambda w: any(c.isalpha() for c in w)
            ),
            min_size=1,
            max_size=60,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_transcript_cuts_into_readable_ordered_cues(paragraphs: list[list[str]]) -> None:
    script = _script()
    text = "\n\n".join(" ".join(words) for words in paragraphs)
    cues = script.cut_transcript(text).cues
    assert [w for c in cues for w in c.text.split()] == text.split()
    for cue in cues:
        lines = cue.text.split("\n")
        assert len(lines) <= 2 and all(len(line) <= script.LINE for line in lines)
        assert cue.duration == max(script.MIN_MS, round(len(" ".join(lines)) * 1000 / script.CPS))
    for before, after in itertools.pairwise(cues):
        assert after.start >= before.end + script.GAP_MS

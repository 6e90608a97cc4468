"""Every file of the other caption formats in ../shared/corpus (ASS/SSA, TTML/DFXP,
SCC, EBU and Spruce STL, SBV, SubViewer, MicroDVD, MPL2, TMPlayer, SAMI, and the
.txt/.xml/.idx/.lrc/.ytt files beside them) either reads with the cue count below
or is refused with the reason below; never another exception.

The counts were checked against each file's own SRT/ASS companion where the
project has one (see test_companions_hold_the_same_text).
"""

from __future__ import annotations

import re

import pytest

from subtools.errors import InputError
from subtools.io import read_track

from ..conftest import CORPUS, corpus_index

FORMATS = {"ass", "ssa", "dfxp", "ttml", "scc", "stl", "sbv", "sub", "smi", "sami", "txt", "xml",
           "idx", "lrc", "ytt", "tmp"}  # fmt: skip

READ = {
    "baxtree__subaligner/tests/subaligner/resource/test.ass": (17, "ass"),
    "baxtree__subaligner/tests/subaligner/resource/test.dfxp": (17, "ttml"),
    "baxtree__subaligner/tests/subaligner/resource/test.sami": (17, "sami"),
    "baxtree__subaligner/tests/subaligner/resource/test.sbv": (17, "sbv"),
    "baxtree__subaligner/tests/subaligner/resource/test.scc": (15, "scc"),
    "baxtree__subaligner/tests/subaligner/resource/test.smi": (17, "sami"),
    "baxtree__subaligner/tests/subaligner/resource/test.ssa": (17, "ass"),
    "baxtree__subaligner/tests/subaligner/resource/test.stl": (7, "stl"),
    "baxtree__subaligner/tests/subaligner/resource/test.sub": (17, "microdvd"),
    "baxtree__subaligner/tests/subaligner/resource/test.tmp": (17, "tmp"),
    "baxtree__subaligner/tests/subaligner/resource/test.ttml": (17, "ttml"),
    "baxtree__subaligner/tests/subaligner/resource/test.xml": (17, "ttml"),
    "baxtree__subaligner/tests/subaligner/resource/test_mpl2.txt": (17, "mpl2"),
    "glut23__webvtt-py/tests/subtitles/invalid_timeframe.sbv": (3, "sbv"),
    "glut23__webvtt-py/tests/subtitles/missing_caption_text.sbv": (4, "sbv"),
    "glut23__webvtt-py/tests/subtitles/missing_timeframe.sbv": (3, "sbv"),
    "glut23__webvtt-py/tests/subtitles/sample.sbv": (4, "sbv"),
    "glut23__webvtt-py/tests/subtitles/two_captions.sbv": (2, "sbv"),
    "jellyfin__jellyfin/tests/Jellyfin.MediaEncoding.Tests/Test Data/example.ass": (1, "ass"),
    "jellyfin__jellyfin/tests/Jellyfin.MediaEncoding.Tests/Test Data/example.ssa": (1, "ass"),
    "libass__libass/compare/test/sub1.ass": (1, "ass"),
    "libass__libass/compare/test/sub2.ass": (1, "ass"),
    "mantas-done__subtitles/tests/files/ass.ass": (2, "ass"),
    "mantas-done__subtitles/tests/files/ass_different_format.ass": (2, "ass"),
    "mantas-done__subtitles/tests/files/ass_different_format2.ass": (2, "ass"),
    "mantas-done__subtitles/tests/files/ass_different_format3.ass": (1, "ass"),
    "mantas-done__subtitles/tests/files/dfxp.dfxp": (2, "ttml"),
    "mantas-done__subtitles/tests/files/dfxp_with_different_br.dfxp": (1, "ttml"),
    "mantas-done__subtitles/tests/files/ebu_stl_iso6937.stl": (2, "stl"),
    "mantas-done__subtitles/tests/files/scc.scc": (2, "scc"),
    "mantas-done__subtitles/tests/files/smi.smi": (2, "sami"),
    "mantas-done__subtitles/tests/files/smi_formatted.smi": (3, "sami"),
    "mantas-done__subtitles/tests/files/stl.stl": (2, "spruce"),
    "mantas-done__subtitles/tests/files/stl_with_comments.stl": (2, "spruce"),
    "mantas-done__subtitles/tests/files/sub_viewer.sub": (2, "sbv"),
    "mantas-done__subtitles/tests/files/sub_viewer_with_headers.sub": (2, "subviewer"),
    "mantas-done__subtitles/tests/files/ttml.ttml": (2, "ttml"),
    "mantas-done__subtitles/tests/files/ttml2.ttml": (5, "ttml"),
    "mantas-done__subtitles/tests/files/ttml_with_duplicated_element_ids.ttml": (3, "ttml"),
    "mantas-done__subtitles/tests/files/ttml_with_multiple_divs.ttml": (2, "ttml"),
    "otsaloma__gaupol/data/samples/ass.ass": (9, "ass"),
    "otsaloma__gaupol/data/samples/mpl2.txt": (9, "mpl2"),
    "otsaloma__gaupol/data/samples/ssa.ssa": (9, "ass"),
    "otsaloma__gaupol/data/samples/subviewer2.sub": (8, "subviewer"),
    "otsaloma__gaupol/data/samples/tmplayer-1.txt": (8, "tmp"),
    "otsaloma__gaupol/data/samples/tmplayer-2.txt": (8, "tmp"),
    "otsaloma__gaupol/data/samples/tmplayer.txt": (8, "tmp"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001.dfxp": (15, "ttml"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001.sbv": (15, "sbv"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001.sub": (15, "subviewer"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001.ttml": (15, "ttml"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_m.dfxp": (15, "ttml"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_m.sbv": (15, "sbv"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_m.sub": (15, "subviewer"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_m.ttml": (15, "ttml"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_mu.dfxp": (15, "ttml"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_mu.sbv": (15, "sbv"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_mu.sub": (15, "subviewer"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_mu.ttml": (15, "ttml"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_u.dfxp": (15, "ttml"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_u.sbv": (15, "sbv"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_u.sub": (15, "subviewer"),
    "readbeyond__aeneas/aeneas/tests/res/syncmaps/sonnet001_u.ttml": (15, "ttml"),
    "sandflow__ttconv/src/test/resources/scc/mix-rows-roll-up.scc": (16, "scc"),
    "sandflow__ttconv/src/test/resources/scc/paint-on.scc": (4, "scc"),
    "sandflow__ttconv/src/test/resources/scc/pop-on.scc": (3, "scc"),
    "sandflow__ttconv/src/test/resources/ttml/lwsp_default.ttml": (2, "ttml"),
    "sandflow__ttconv/src/test/resources/ttml/lwsp_preserve.ttml": (1, "ttml"),
    "sandflow__ttconv/src/test/resources/ttml/referential_styling.ttml": (2, "ttml"),
    "tkarabela__pysubs2/tests/data/subtitle_with_attached_fonts_aegisub.ass": (1, "ass"),
    "tkarabela__pysubs2/tests/data/subtitle_with_attached_fonts_pysubs2_ref.ass": (1, "ass"),
    "tkarabela__pysubs2/tests/data/ttml_example.ass": (11, "ass"),
    "tkarabela__pysubs2/tests/data/ttml_example.ttml": (11, "ttml"),
    "tkarabela__pysubs2/tests/data/ttml_example2.ass": (10, "ass"),
    "tkarabela__pysubs2/tests/data/ttml_example2.ttml": (10, "ttml"),
    "tkarabela__pysubs2/tests/data/ttml_example_apple.ass": (38, "ass"),
    "tkarabela__pysubs2/tests/data/ttml_example_apple.ttml": (38, "ttml"),
}
# Refused, and why (checked by hand).
PLAIN_TEXT = "cannot tell the caption format from the content (no timing lines found)"
NO_CUES = "no subtitle cues found"
NO_FPS = "MicroDVD times are frames and the frame rate is unknown"
PICTURES = "VobSub (DVD subtitle pictures, .idx/.sub) holds pictures of text, not text"
NOT_SUPPORTED = "unsupported caption file type"
REFUSED = {
    "baxtree__subaligner/tests/subaligner/resource/test.ytt": NOT_SUPPORTED,  # YouTube XML
    "baxtree__subaligner/tests/subaligner/resource/test_utils.scc": NO_CUES,  # the word "output"
    "baxtree__subaligner/tests/subaligner/resource/test_utils.smi": NO_CUES,  # the word "output"
    "baxtree__subaligner/tests/subaligner/resource/test_utils.xml": PLAIN_TEXT,
    "emk__subtitles-rs/fixtures/example.idx": PICTURES,
    "emk__subtitles-rs/fixtures/tiny-split.idx": PICTURES,
    "emk__subtitles-rs/fixtures/tiny.idx": PICTURES,
    "glut23__webvtt-py/tests/subtitles/invalid_format.sbv": NO_CUES,  # no timing line at all
    "mantas-done__subtitles/tests/files/lrc.lrc": NOT_SUPPORTED,  # song lyrics
    "otsaloma__gaupol/data/samples/lrc.lrc": NOT_SUPPORTED,
    # no {1}{1}fps first line: read with --fps (below)
    "mantas-done__subtitles/tests/files/sub_microdvd.sub": NO_FPS,
    "mantas-done__subtitles/tests/files/sub_microdvd_with_styles.sub": NO_FPS,
    "otsaloma__gaupol/data/samples/microdvd.sub": NO_FPS,
    # the ttm: prefix is used without its namespace declaration
    "mantas-done__subtitles/tests/files/ttml_with_fps_and_multiplier_given.ttml":
        "not well-formed XML: unbound prefix: line 5, column 6",
    "sandflow__ttconv/src/test/resources/ttml/body_only.ttml": NO_CUES,  # an empty <body/>
    "tkarabela__pysubs2/tests/data/subtitle_with_attached_fonts_no_events.ass": NO_CUES,
    # one event, without text (the files test embedded pictures)
    "tkarabela__pysubs2/tests/data/subtitle_with_attached_images_aegisub.ass": NO_CUES,
    "tkarabela__pysubs2/tests/data/subtitle_with_attached_images_pysubs2_ref.ass": NO_CUES,
}  # fmt: skip
# Text files with no times (aeneas' plain-text inputs and the like).
PLAIN_PATTERN = re.compile(r"readbeyond__aeneas/.*\.txt$|(plain|with_newlines|test|poem\.es)\.txt$")


def corpus_rows() -> list[str]:
    return [r["path"] for r in corpus_index() if r["format"] in FORMATS]


ROWS = corpus_rows()


@pytest.mark.skipif(not ROWS, reason="../shared/corpus is not present")
def test_every_corpus_file_is_listed() -> None:
    unlisted = [
        p for p in ROWS if p not in READ and p not in REFUSED and not PLAIN_PATTERN.search(p)
    ]
    assert unlisted == []


@pytest.mark.parametrize("rel", ROWS, ids=ROWS)
def test_corpus_file(rel: str) -> None:
    assert CORPUS is not None
    path = CORPUS / rel
    if rel in READ:
        result = read_track(path)
        assert (len(result.track), result.format) == READ[rel]
        return
    with pytest.raises(InputError) as err:
        read_track(path)
    message = str(err.value)
    assert re.match(rf"{re.escape(str(path))}(:\d+)?: ", message) and "\n" not in message
    reason = REFUSED.get(rel) or ("empty file" if path.stat().st_size < 8 else PLAIN_TEXT)
    assert reason in message


NO_FPS_FILES = [p for p, why in REFUSED.items() if why == NO_FPS]


@pytest.mark.parametrize("rel", NO_FPS_FILES if ROWS else [], ids=NO_FPS_FILES if ROWS else [])
def test_microdvd_without_a_frame_rate_reads_with_fps(rel: str) -> None:
    result = read_track(CORPUS / rel, fps=25)
    assert result.format == "microdvd" and len(result.track) >= 2


COMPANIONS = ["test.ass", "test.ssa", "test.dfxp", "test.ttml", "test.xml", "test.sbv", "test.smi",
              "test.sami", "test.sub", "test.tmp", "test_mpl2.txt"]  # fmt: skip
BAXTREE = "baxtree__subaligner/tests/subaligner/resource"


def _words(text: str) -> list[str]:
    return re.sub(r"<[^>]+>|\{[^}]*\}", "", text).split()


@pytest.mark.parametrize("name", COMPANIONS if ROWS else [], ids=COMPANIONS if ROWS else [])
def test_companions_hold_the_same_text(name: str) -> None:
    """subaligner's test files are one transcript in every format: each reads to
    the SRT's cues (text word for word; times within the format's resolution)."""
    srt = read_track(CORPUS / BAXTREE / "test.srt").track
    other = read_track(CORPUS / BAXTREE / name).track
    assert [_words(c.text) for c in other] == [_words(c.text) for c in srt]
    tolerance = {"test.tmp": 1000, "test_mpl2.txt": 100, "test.sub": 40}.get(name, 10)
    # subaligner's TTML files are the transcript 2 s later (its test input for shifting)
    offset = 2000 if name in ("test.dfxp", "test.ttml", "test.xml") else 0
    for a, b in zip(other, srt, strict=True):
        assert abs(a.start - offset - b.start) <= tolerance

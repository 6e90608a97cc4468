"""``clip --all-quotes`` on the samples: one clip per found quote, posters, index, HTML page."""

from __future__ import annotations

import itertools
import json
import re
import struct
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from subtools.burn.ffmpeg import Toolchain, probe
from subtools.burn.layout import ClipLook
from subtools.errors import InputError
from subtools.usecases.burn import BurnOptions, ClipResult, make_test_video
from subtools.usecases.clips import (
    ClipBatch,
    QuoteClip,
    SkippedQuote,
    clip_name,
    clip_quotes,
    default_label,
    index_page,
    poster_time,
)

from ..quotes.test_html import chromium
from .conftest import changes

runner = CliRunner()
FOUND = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]  # quotes 12 and 13 are not in the captions


@pytest.fixture(scope="module")
def long_video(media_dir: Path) -> Path:
    """52 s at 160x90: long enough for every quote of the sample captions (to 50.5 s)."""
    return make_test_video(media_dir / "long.mp4", 52, "160x90", crf=20)


@pytest.fixture(scope="module")
def batch(long_video: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = Path(__file__).resolve().parents[2] / "samples"
    out = tmp_path_factory.mktemp("batch") / "clips"
    result = runner.invoke(
        app,
        ["clip", str(long_video), str(root / "captions.en.srt"), "--all-quotes", "--article",
         str(root / "article.txt"), "-o", str(out), "--aspect", "9:16", "--height", "160",
         "--credit", "Captions: volunteer translators", "--preset", "ultrafast"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out, result.stdout


def test_names_labels_and_poster_times() -> None:
    assert clip_name(3, "We, the mobilized men of the 57th Battalion") == (
        "quote03-we-the-mobilized-men-of"
    )
    assert clip_name(12, "«Мы не отказываемся» — служить") == "quote12-мы-не-отказываемся-служить"
    assert clip_name(4, "…") == "quote04"
    assert default_label("one soldier") == "one soldier"
    assert default_label("Dr. Elena Varga ") == "Dr. Elena Varga"
    assert [default_label(s) for s in ("he", "They", None, " ")] == [None] * 4
    # the quote starts 500 ms into its padded clip: a second later, or mid-way when short
    assert poster_time(29_000, 28_500, 17_800) == 1500
    assert poster_time(1000, 500, 1200) == 1100


def test_every_found_quote_is_clipped_and_the_missing_listed(
    batch: tuple[Path, str], tools: Toolchain
) -> None:
    out, stdout = batch
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [c["quote"] for c in index["clips"]] == FOUND
    assert [(s["quote"], s["status"]) for s in index["skipped"]] == [
        (12, "missing"),
        (13, "missing"),
    ]
    assert index["failed"] == []
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        ["index.html", "index.json"]
        + [c["file"] for c in index["clips"]]
        + [c["poster"] for c in index["clips"]]
    )
    quote8 = index["clips"][7]
    assert quote8["file"] == "quote08-yesterday-twelve-of-our-comrades.mp4"
    assert quote8["label"] is None  # "he": a pronoun makes no label
    # padded by 0.5 s: 29.0-46.8 s of captions is 28.5-47.3 s of video
    assert (quote8["start"], quote8["end"], quote8["cues"]) == (28.5, 47.3, 5)
    assert index["clips"][2]["label"] == "one soldier"
    info = probe(tools, out / quote8["file"])
    assert (info.width, info.height) == (90, 160)
    assert abs(info.duration - 18_800) <= 80  # two frames at 25 fps
    with (out / index["clips"][0]["poster"]).open("rb") as fh:
        head = fh.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (90, 160)
    lines = stdout.splitlines()
    assert lines[7] == (
        "wrote quote08-yesterday-twelve-of-our-comrades.mp4: 0:28.500 - 0:47.300 "
        "(18.84 s, 5 captions)"
    )
    assert lines[2].endswith("(7.56 s, 2 captions, label 'one soldier')")
    assert lines[11].startswith("skipped quote 12 (missing): 'videos like this one")
    assert lines[-1] == f"wrote {out / 'index.json'} and index.html: 11 clips, 2 skipped, 0 failed"


@pytest.mark.slow
def test_index_page_in_headless_chromium(batch: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = batch
    dom = chromium("--dump-dom", (out / "index.html").as_uri(), profile=tmp_path / "p").stdout
    figures = re.findall(r'<figure data-quote="(\d+)"><a href="([^"]+)"><img src="([^"]+)"', dom)
    assert [int(n) for n, _, _ in figures] == FOUND
    assert all((out / clip).is_file() and (out / poster).is_file() for _, clip, poster in figures)
    assert re.findall(r'<li data-quote="(\d+)">', dom) == ["12", "13"]


def test_index_page_escapes_text() -> None:
    result = ClipResult("o.mp4", "v.mp4", "c.srt", 0, 1000, 1000, 1, "F", None, "ffmpeg", 0.1)
    batch = ClipBatch(
        "out",
        "<v>.mp4",
        "c.srt",
        "a&b.txt",
        (QuoteClip(1, "<script>x</script>", None, 'A "B" <i>', "q.mp4", "q.png", result),),
        (SkippedQuote(2, "missing", "<b>gone</b>"),),
        "out/index.json",
        "out/index.html",
    )
    page = index_page(batch)
    assert "<script>x" not in page and "<b>gone" not in page and "<i>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "A &quot;B&quot; &lt;i&gt;" in page
    assert "Quote clips of a&amp;b.txt" in page


def test_output_must_be_a_folder(long_video: Path, samples: Path, tmp_path: Path) -> None:
    taken = tmp_path / "file.mp4"
    taken.write_bytes(b"x")
    with pytest.raises(InputError, match="with --all-quotes the output is a folder"):
        clip_quotes(long_video, samples / "captions.en.srt", samples / "article.txt", taken)
    assert taken.read_bytes() == b"x"


def test_a_quote_past_the_video_fails_alone_and_the_batch_goes_on(
    video: Path, samples: Path, tmp_path: Path
) -> None:
    # The 6 s video holds quote 3 (1.0-7.5 s) in part; every later quote starts after it.
    article = tmp_path / "two.txt"
    article.write_text(
        '"We, the mobilized men of the 57th Battalion, are appealing to the defense minister," '
        'he said. "We have not signed any contracts," he added.',
        encoding="utf-8",
    )
    seen: list[tuple[int, int]] = []
    batch = clip_quotes(video, samples / "captions.en.srt", article, tmp_path / "out",
                        look=ClipLook(aspect="1:1", height=120),
                        options=BurnOptions(preset="ultrafast"),
                        progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    # one bar over the batch: clip 1's encode, then each quote's planned share
    total = (7500 - 1000 + 1000) + (21_500 - 18_000 + 1000)
    assert seen[-1] == (total, total) and len(seen) > 2
    assert all(a <= b for a, b in itertools.pairwise(seen)) and {t for _, t in seen} == {total}
    assert [(c.quote, c.file is not None) for c in batch.clips] == [(1, True), (2, False)]
    assert (
        batch.failed[0].error
        == f"{video}: clip starts at 18.000 s but the video is only 6.000 s long"
    )
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert index["failed"] == [2]
    result = runner.invoke(app, ["clip", str(video), str(samples / "captions.en.srt"),
                                 "--all-quotes", "--article", str(article), "-o",
                                 str(tmp_path / "cli"), "--preset", "ultrafast"])  # fmt: skip
    assert result.exit_code == 1
    assert f"error: quote 2: {video}: clip starts at 18.000 s" in result.stderr
    as_json = runner.invoke(app, ["clip", str(video), str(samples / "captions.en.srt"),
                                  "--all-quotes", "--article", str(article), "-o",
                                  str(tmp_path / "json"), "--preset", "ultrafast", "--json"])  # fmt: skip
    assert as_json.exit_code == 1
    data = json.loads(as_json.stdout)
    assert (data["failed"], [c["quote"] for c in data["clips"]]) == ([2], [1, 2])
    assert (data["clips"][0]["start"], data["clips"][0]["label"]) == (0.5, None)  # "he"


@pytest.mark.slow
def test_clip_of_a_quote_is_labelled_with_its_speaker(
    tools: Toolchain, video: Path, samples: Path, tmp_path: Path
) -> None:
    article, captions = samples / "article.txt", samples / "captions.en.srt"
    shape = ["--aspect", "9:16", "--height", "320", "--preset", "ultrafast", "--crf", "10"]
    for name, extra in (("speaker", []), ("none", ["--label", ""])):
        result = runner.invoke(app, ["clip", str(video), str(captions), "-o",
                                     str(tmp_path / f"{name}.mp4"), "--quote", "3",
                                     "--article", str(article), *shape, *extra])  # fmt: skip
        assert result.exit_code == 0, result.output
    # the summary names the clip's real start: 0.5 s before the quote's first caption
    assert result.stdout.startswith(f"wrote {tmp_path / 'none.mp4'}: 0:00.500 - 0:06.000")

    def grey(path: Path, t: float) -> bytes:
        from .test_shaped import gray

        return gray(tools, path, t, 180, 320)

    # "one soldier" (quote 3's speaker in the article) drawn in the first seconds only
    early = changes(grey(tmp_path / "speaker.mp4", 0.2), grey(tmp_path / "none.mp4", 0.2), 180)
    assert early.count > 100 and early.top > 160
    late = changes(grey(tmp_path / "speaker.mp4", 4.8), grey(tmp_path / "none.mp4", 4.8), 180)
    assert late.count == 0

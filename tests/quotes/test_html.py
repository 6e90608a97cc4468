"""The HTML report: escaping and structure, then a real headless chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from subtools.errors import DependencyError
from subtools.usecases.quotes import verify_quotes, write_html_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    if CHROMIUM is None:
        raise DependencyError("chromium is not installed", hint="apt-get install chromium")
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )


def test_every_article_text_is_escaped(tmp_path: Path, captions_en: Path) -> None:
    article = tmp_path / "evil.txt"
    article.write_text(
        "A <script>alert(1)</script> headline & more\n\n"
        'The soldier says in the video: "We have not signed any <b>contracts</b>."',
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    write_html_report(verify_quotes(article, captions_en), out)
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "<b>contracts" not in page
    assert "A &lt;script&gt;alert(1)&lt;/script&gt; headline &amp; more" in page
    # Inside the quote the tag's letters are words of their own, marked as changes.
    assert '&lt;<span class="d-major" title="captions: (nothing) · word">b</span>&gt;' in page
    assert out.stat().st_mode & 0o044 == 0o044  # readable by others, like any shared report


def test_page_is_self_contained(tmp_path: Path, sample_article: Path, captions_en: Path) -> None:
    out = tmp_path / "r.html"
    write_html_report(verify_quotes(sample_article, captions_en), out)
    page = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=|@import|url\(|<link|<script""", page)
    assert page.count("<mark ") == 14  # 13 quotes, the multi-paragraph one in two parts
    assert '<span class="d-major" title="captions: mortar · word">artillery</span>' in page
    assert '<span class="d-major" title="article: artillery · word">mortar</span>' in page


@pytest.mark.slow
def test_report_in_headless_chromium(
    tmp_path: Path, sample_article: Path, captions_en: Path
) -> None:
    out = tmp_path / "report.html"
    write_html_report(verify_quotes(sample_article, captions_en), out)
    dom = chromium("--dump-dom", out.as_uri(), profile=tmp_path / "profile").stdout
    marks = re.findall(
        r'<mark class="q ([^"]+)" id="a(\d+)" data-quote="\d+" '
        r'data-status="(\w+)"',
        dom,
    )
    assert [(int(n), status) for _, n, status in marks] == [
        (1, "exact"),
        (2, "exact"),
        (3, "exact"),
        (4, "exact"),
        (5, "minor"),
        (6, "exact"),
        (7, "exact"),
        (8, "changed"),
        (8, "changed"),
        (9, "exact"),
        (10, "exact"),
        (11, "exact"),
        (12, "missing"),
        (13, "missing"),
    ]
    assert {cls for cls, n, _ in marks if n in ("12", "13")} == {"s-other"}
    assert len(re.findall(r'<div class="card s-', dom)) == 13
    assert "00:00:29,000 → 00:00:46,800" in dom

    shot = tmp_path / "report.png"
    chromium(
        f"--screenshot={shot}",
        "--window-size=1280,1600",
        "--hide-scrollbars",
        out.as_uri(),
        profile=tmp_path / "profile",
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1280  # IHDR width
    assert len(data) > 50_000  # a rendered page, not a blank one


# Test harness only: clicks the quote named in the page's #fragment (as a reader
# would) and writes where the video is once it has seeked. One click per page
# load: a chain of seeks in one headless page does not always finish.
_CLICK_PROBE = """<script>
(function(){var v=document.getElementById('video');var out=document.createElement('pre');
out.id='probe';document.body.appendChild(out);
var el=document.querySelector('mark[data-quote="'+location.hash.slice(1)+'"]');
v.addEventListener('seeked',function(){out.textContent=JSON.stringify(
[parseFloat(el.dataset.start),v.currentTime,v.textTracks[0].cues.length]);v.pause();});
v.addEventListener('error',function(){out.textContent='error '+v.error.code;});
if(v.readyState>=1){el.click();}else{v.addEventListener('loadedmetadata',function(){el.click();});}
})();
</script>"""


@pytest.mark.slow
def test_clicking_a_quote_plays_the_video_from_its_start(
    tmp_path: Path, sample_article: Path, captions_en: Path
) -> None:
    import json

    from subtools.usecases.burn import make_test_video

    video = make_test_video(tmp_path / "clip.mp4", 56, "320x180", keyint=25)
    out = tmp_path / "report" / "report.html"
    out.parent.mkdir()
    report = verify_quotes(sample_article, captions_en)
    write_html_report(report, out, video=video)
    page = out.read_text(encoding="utf-8")
    assert '<video id="video" controls preload="auto" src="../clip.mp4">' in page
    assert 'src="data:text/vtt;base64,' in page
    probe = out.with_name("probe.html")
    probe.write_text(page.replace("</body>", _CLICK_PROBE + "</body>"), encoding="utf-8")
    # The first quote, one over two paragraphs (two marks) and the last one.
    for quote, start in ((1, 25.1), (8, 29.0), (11, 47.0)):
        q = report.quotes[quote - 1]
        assert q.match is not None and q.match.start_ms / 1000 == start
        dom = chromium(
            "--autoplay-policy=no-user-gesture-required",
            "--virtual-time-budget=30000",
            "--dump-dom",
            f"{probe.as_uri()}#{quote}",
            profile=tmp_path / f"profile{quote}",
        ).stdout
        found = re.search(r'<pre id="probe">([^<]*)</pre>', dom)
        assert found and found.group(1), dom[-2000:]
        data_start, current, cues = json.loads(found.group(1))
        assert data_start == start
        assert abs(current - start) <= 0.1, (quote, start, current)
        assert cues == 15  # the captions are the video's WebVTT track


def test_without_video_the_page_has_no_script(
    tmp_path: Path, sample_article: Path, captions_en: Path
) -> None:
    out = tmp_path / "r.html"
    write_html_report(verify_quotes(sample_article, captions_en), out)
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<video" not in page
    assert 'data-start="29.000" data-end="46.800"' in page  # quote 8, for a later click


def test_a_missing_video_is_an_input_error(
    tmp_path: Path, sample_article: Path, captions_en: Path
) -> None:
    from subtools.errors import InputError

    report = verify_quotes(sample_article, captions_en)
    with pytest.raises(InputError, match="video file not found"):
        write_html_report(report, tmp_path / "r.html", video=tmp_path / "nope.mp4")
    assert not (tmp_path / "r.html").exists()

from __future__ import annotations

from pathlib import Path

import pytest

from subtools.errors import InputError
from subtools.usecases.jobspec import (
    AlignSpec,
    CheckSpec,
    ClipSpec,
    JobSpec,
    QuotesSpec,
    TranslateSpec,
    load_job,
)


def job(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "job.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_full_job_resolves_paths_against_the_job_file(tmp_path: Path) -> None:
    (tmp_path / "subs").mkdir()
    for name in ("b.srt", "a.vtt", "notes.txt"):
        (tmp_path / "subs" / name).write_text("x")
    spec = load_job(
        job(
            tmp_path,
            """
[inputs]
captions = "subs"
article = "article.txt"
video = "v.mp4"
[translate]
to = "en"
from = "ru"
glossary = "terms.tsv"
bilingual = true
[check]
profile = "netflix-ru"
fix = false
[quotes]
html = false
[clip]
quote = 3
pad = "1.5s"
[output]
folder = "results"
""",
        )
    )
    assert spec == JobSpec(
        captions=(tmp_path / "subs" / "a.vtt", tmp_path / "subs" / "b.srt"),
        out=tmp_path / "results",
        article=tmp_path / "article.txt",
        video=tmp_path / "v.mp4",
        translate=TranslateSpec("en", "ru", None, tmp_path / "terms.tsv", True),
        check=CheckSpec("netflix-ru", False),
        quotes=QuotesSpec(False),
        clip=ClipSpec(3, 1500),
    )


def test_minimal_job_and_glob(tmp_path: Path) -> None:
    for name in ("x1.srt", "x2.srt", "y.srt"):
        (tmp_path / name).write_text("x")
    spec = load_job(job(tmp_path, '[inputs]\ncaptions = "x*.srt"\n'))
    assert spec == JobSpec((tmp_path / "x1.srt", tmp_path / "x2.srt"), tmp_path / "out")


def test_a_file_or_folder_named_with_brackets_is_taken_as_written(tmp_path: Path) -> None:
    # "[ru]" is a glob character class: an existing path was globbed, matched
    # nothing and failed with "no caption files found".
    folder = tmp_path / "caps [ru]"
    (folder / "old.srt").mkdir(parents=True)  # a folder, however named
    (folder / "one.srt").write_text("x")
    spec = load_job(job(tmp_path, '[inputs]\ncaptions = "caps [ru]/one.srt"\n'))
    assert spec.captions == (folder / "one.srt",)
    spec = load_job(job(tmp_path, '[inputs]\ncaptions = "caps [ru]"\n'))
    assert spec.captions == (folder / "one.srt",)
    # A folder or a glob lists files only: a sub-folder is not a caption file.
    spec = load_job(job(tmp_path, '[inputs]\ncaptions = "caps [[]ru]/*"\n'))
    assert spec.captions == (folder / "one.srt",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[inputs]\ncaptions = "a.srt"\n[chek]\nprofile = "x"\n',
            "unknown section ('chek'); sections: inputs, align, translate, check, quotes, clip, output",
        ),
        (
            '[inputs]\ncaptions = "a.srt"\n[check]\nprofil = "x"\n',
            "unknown key in [check] ('profil')",
        ),
        ('[inputs]\narticle = "a.txt"\n', "[inputs] captions is required"),
        ('[inputs]\ncaptions = "a.srt"\n[quotes]\n', "[quotes] needs [inputs] article"),
        (
            '[inputs]\ncaptions = "a.srt"\narticle = "a.txt"\n[clip]\nquote = 1\n',
            "[clip] needs [inputs] video and article",
        ),
        ('[inputs]\ncaptions = "a.srt"\n[check]\nfix = "yes"\n', "'fix' must be a bool ('yes')"),
        (
            "[inputs\n",
            "invalid TOML: Expected ']' at the end of a table declaration (at line 1, column 8)",
        ),
        ('[inputs]\ncaptions = "none*.srt"\n', None),
        # true is not a quote number (a bool is an int to Python: it was quote 1)
        (
            '[inputs]\ncaptions = "a.srt"\narticle = "a.txt"\nvideo = "v.mp4"\n[clip]\nquote = true\n',
            "'quote' must be an int (True)",
        ),
        (
            '[inputs]\ncaptions = "a.srt"\narticle = "a.txt"\nvideo = "v.mp4"\n'
            '[clip]\nquote = 1\npad = "zz"\n',
            "[clip] pad: not a time: use seconds (1.5s, -250ms) or a timecode (00:01:02,500) ('zz')",
        ),
        ("inputs = 3\n", "[inputs] must be a table, not a value ('inputs = 3')"),
        ('[inputs]\ncaptions = "a.srt"\n[align]\n', "[align] needs [inputs] video"),
        (
            '[inputs]\ncaptions = "a.srt"\nvideo = "v.mp4"\n[align]\nmax_offset = "-5s"\n',
            "[align] max_offset must be positive (-5000)",
        ),
        (
            '[inputs]\ncaptions = "a.srt"\nvideo = "v.mp4"\n[align]\nsplit = 1\n',
            "'split' must be a bool (1)",
        ),
        (
            '[inputs]\ncaptions = "a.srt"\nvideo = "v.mp4"\n[align]\nratio = 1\n',
            "unknown key in [align] ('ratio')",
        ),
    ],
)
def test_bad_job_files(tmp_path: Path, text: str, message: str | None) -> None:
    path = job(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_job(path)
    if message:
        assert str(err.value) == f"{path}: {message}"
    else:
        assert str(err.value) == f"{tmp_path}: no caption files found ('none*.srt')"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xef\xbb\xbf[inputs]\ncaptions = 'a.srt'\n", None),  # Notepad's UTF-8 BOM
        (b"[inputs]\ncaptions = '\xff.srt'\n", "{p}: job file is not UTF-8 text (byte 21)"),
    ],
)
def test_job_file_encoding(tmp_path: Path, data: bytes, message: str | None) -> None:
    p = tmp_path / "job.toml"
    p.write_bytes(data)
    if message is None:
        assert load_job(p).captions == (tmp_path / "a.srt",)
        return
    with pytest.raises(InputError) as err:
        load_job(p)
    assert str(err.value) == message.format(p=p)


def test_job_file_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_job(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a folder, not a file"


def test_output_folder_that_is_the_captions_folder_is_refused(tmp_path: Path) -> None:
    # The next run would read summary.json and the outputs as caption files.
    (tmp_path / "caps").mkdir()
    (tmp_path / "caps" / "a.srt").write_text("x")
    p = job(tmp_path, '[inputs]\ncaptions = "caps"\n[output]\nfolder = "./caps/"\n')
    with pytest.raises(InputError) as err:
        load_job(p)
    assert str(err.value) == (
        f"{p}: [output] folder is the captions folder; the next run would read "
        "its outputs as captions ('./caps/')"
    )


def test_home_folder_paths_are_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "~/..." was taken relative to the job file's folder: "<job folder>/~/...".
    home = tmp_path / "home"
    (home / "caps").mkdir(parents=True)
    (home / "caps" / "a.srt").write_text("x")
    monkeypatch.setenv("HOME", str(home))
    spec = load_job(
        job(
            tmp_path,
            '[inputs]\ncaptions = "~/caps/*.srt"\narticle = "~/a.txt"\n[output]\nfolder = "~/out"\n',
        )
    )
    assert (spec.captions, spec.article, spec.out) == (
        (home / "caps" / "a.srt",),
        home / "a.txt",
        home / "out",
    )


def test_a_profile_file_is_found_beside_the_job_file(tmp_path: Path) -> None:
    # Paths in a job file are relative to it; a profile .toml was looked up in
    # the working folder instead, so `subtools run jobs/job.toml` failed.
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "a.srt").write_text("x")
    p = tmp_path / "jobs" / "job.toml"
    p.write_text('[inputs]\ncaptions = "a.srt"\n[check]\nprofile = "house.toml"\n')
    spec = load_job(p)
    assert spec.check == CheckSpec(str(tmp_path / "jobs" / "house.toml"), True)
    p.write_text('[inputs]\ncaptions = "a.srt"\n[check]\nprofile = "netflix-ru"\n')
    assert load_job(p).check == CheckSpec("netflix-ru", True)


def test_hidden_files_in_a_captions_folder_are_not_captions(tmp_path: Path) -> None:
    # macOS leaves "._name.srt" resource files beside each caption file on
    # shared drives; each one failed the batch as "binary data".
    (tmp_path / "caps").mkdir()
    (tmp_path / "caps" / "a.srt").write_text("x")
    (tmp_path / "caps" / "._a.srt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    (tmp_path / "caps" / ".a.srt.tmp1.srt").write_text("an interrupted write")
    spec = load_job(job(tmp_path, '[inputs]\ncaptions = "caps"\n'))
    assert spec.captions == (tmp_path / "caps" / "a.srt",)


def test_align_section(tmp_path: Path) -> None:
    (tmp_path / "a.srt").write_text("x")
    text = '[inputs]\ncaptions = "a.srt"\nvideo = "v.mp4"\n[align]\n'
    assert load_job(job(tmp_path, text)).align == AlignSpec(90_000, True, False)
    text += 'max_offset = "3m"\nsplit = false\nforce = true\n'
    spec = load_job(job(tmp_path, text))
    assert spec.align == AlignSpec(180_000, False, True)
    assert spec.video == tmp_path / "v.mp4"

"""`subtools translate` and `subtools models` through typer's CliRunner (real fixture model)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

from .conftest import FIXTURE_MODEL, GOLDEN, ROOT, SAMPLE_RU, _variant_pair

runner = CliRunner()


def test_translate_writes_golden_srt_and_labels_the_fixture(
    with_model: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.en.srt"
    result = runner.invoke(app, ["translate", str(SAMPLE_RU), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == (GOLDEN / "captions.ru-en.fixture.srt").read_text("utf-8")
    assert result.stdout == (
        f"wrote {out}: 15 cues, 12 sentences, ru (detected) -> en\n"
        "model: ru_en-subtools-test-fixture (ru->en, version 0.1) - the subtools TEST FIXTURE "
        "model, not a real translation\n"
    )
    assert "NOTE: translated by the subtools test fixture model" in result.stderr


def test_translate_json_output(with_model: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(
        app, ["translate", str(SAMPLE_RU), "-o", str(out), "--from", "ru", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {
        k: data[k]
        for k in (
            "source_language",
            "source_language_detected",
            "cues",
            "sentences",
            "skipped_cues",
            "glossary_misses",
            "notice",
        )
    } == {
        "source_language": "ru",
        "source_language_detected": False,
        "cues": 15,
        "sentences": 12,
        "skipped_cues": [],
        "glossary_misses": [],
        "notice": "translated by the subtools test fixture model, not a real translation",
    }
    written = json.loads(out.read_text("utf-8"))
    assert written["language"] == "en"
    assert written["cues"][13]["text"] == "<i>We ask to be returned\nto our permanent base.</i>"


def test_bilingual_srt_and_json(with_model: Path, tmp_path: Path) -> None:
    srt, js = tmp_path / "bi.srt", tmp_path / "bi.json"
    for out in (srt, js):
        res = runner.invoke(app, ["translate", str(SAMPLE_RU), "-o", str(out), "--bilingual", "-q"])
        assert res.exit_code == 0, res.output
    blocks = srt.read_text("utf-8").split("\n\n")
    assert blocks[1] == (
        "2\n00:00:04,300 --> 00:00:07,500\nобращаемся к министру обороны.\n"
        "are appealing to the defense minister."
    )
    cue = json.loads(js.read_text("utf-8"))["cues"][0]
    assert cue == {
        "index": 1,
        "start": 1000,
        "end": 4200,
        "source": "Мы, мобилизованные\nиз 57-го батальона,",
        "text": "We, the mobilized men\nof the 57th Battalion,",
    }


def test_glossary_miss_exits_1_and_is_listed(with_model: Path, tmp_path: Path) -> None:
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("министр обороны\tdefense minister\nпесочница\tsandpit\n", "utf-8")
    out = tmp_path / "out.srt"
    result = runner.invoke(
        app, ["translate", str(SAMPLE_RU), "-o", str(out), "--glossary", str(glossary), "--json"]
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["glossary_misses"] == [
        {
            "source": "песочница",
            "target": "sandpit",
            "cues": [7, 8],
            "translation": 'We do not refuse to serve, but we will not go into the "sandbox" '
            "without ammunition.",
        }
    ]
    assert out.exists()


def test_model_file_is_used_without_installing(empty_packages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.srt"
    result = runner.invoke(
        app, ["translate", str(SAMPLE_RU), "-o", str(out), "--model", str(FIXTURE_MODEL), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8") == (GOLDEN / "captions.ru-en.fixture.srt").read_text("utf-8")
    assert list(empty_packages.iterdir()) == []


def _error(args: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, args)
    return result.exit_code, result.stderr


def test_errors_are_one_line_exit_2(empty_packages: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "o.srt")
    assert _error(["translate", str(SAMPLE_RU), "-o", out]) == (
        2,
        (
            "error: no translation model for ru->en is installed; install one with "
            "`subtools models install --from ru --to en` (needs internet) or "
            "`subtools models install FILE.argosmodel`\n"
        ),
    )
    assert _error(["translate", str(SAMPLE_RU), "-o", str(SAMPLE_RU)]) == (
        2,
        (f"error: {SAMPLE_RU}: output path is the input file; refusing to overwrite it\n"),
    )
    short = tmp_path / "short.srt"
    short.write_text("1\n00:00:01,000 --> 00:00:02,000\nДа.\n", "utf-8")
    assert _error(["translate", str(short), "-o", out]) == (
        2,
        (
            f"error: {short}: cannot detect the source language (too little text); "
            "pass --from LANG, e.g. --from ru\n"
        ),
    )
    empty = tmp_path / "empty.json"
    empty.write_text('{"cues": []}', "utf-8")
    assert _error(["translate", str(empty), "-o", out, "--from", "ru"]) == (
        2,
        (f"error: {empty}: no subtitle cues found\n"),
    )
    assert not Path(out).exists()
    # A missing output folder is found before the model is loaded and the
    # track translated (it used to fail only when writing, after all the work).
    missing = tmp_path / "nope" / "o.srt"
    assert _error(
        ["translate", str(SAMPLE_RU), "-o", str(missing), "--model", "no.argosmodel"]
    ) == (
        2,
        f"error: {tmp_path / 'nope'}: output folder does not exist\n",
    )


def test_wrong_direction_and_corrupt_model_files(empty_packages: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "o.srt")
    en_ru = _variant_pair(tmp_path, "en", "ru")
    assert _error(["translate", str(SAMPLE_RU), "-o", out, "--model", str(en_ru)]) == (
        2,
        (
            f"error: {en_ru}: the model translates en->ru, but ru->en is needed; pass --from "
            "to override the detected language\n"
        ),
    )
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"PK\x03\x04 not really")
    code, err = _error(["translate", str(SAMPLE_RU), "-o", out, "--model", str(bad)])
    assert code == 2 and err.startswith(f"error: {bad}: ") and err.count("\n") == 1
    assert not Path(out).exists()


def test_models_install_list_remove(empty_packages: Path) -> None:
    res = runner.invoke(app, ["models", "list"])
    assert (res.exit_code, res.stdout) == (
        0,
        "no translation models installed (see `subtools models install --help`)\n",
    )
    res = runner.invoke(app, ["models", "install", str(FIXTURE_MODEL)])
    path = empty_packages / "translate-ru_en-subtools-test-fixture"
    assert (res.exit_code, res.stdout) == (
        0,
        (
            "installed ru_en-subtools-test-fixture (ru->en, version 0.1) - the subtools TEST "
            f"FIXTURE model, not a real translation in {path}\n"
        ),
    )
    res = runner.invoke(app, ["models", "list", "--json"])
    assert json.loads(res.stdout) == {
        "models": [
            {
                "from": "ru",
                "to": "en",
                "name": "ru_en-subtools-test-fixture",
                "version": "0.1",
                "path": str(path),
                "is_test_fixture": True,
            }
        ]
    }
    res = runner.invoke(app, ["models", "remove", "--from", "RU", "--to", "En"])  # any case
    assert res.exit_code == 0 and res.stdout.startswith("removed ru_en-subtools-test-fixture")
    assert _error(["models", "remove", "--from", "ru", "--to", "en"]) == (
        2,
        ("error: no model for ru->en is installed; see `subtools models list`\n"),
    )


def test_models_install_bad_input(
    empty_packages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "x.argosmodel"
    text.write_text("nope")
    assert _error(["models", "install", str(text)]) == (
        2,
        (f"error: {text}: not an .argosmodel (it is not a zip archive)\n"),
    )
    assert _error(["models", "install"]) == (
        2,
        ("error: give a model FILE, or both --from and --to\n"),
    )
    import argostranslate.settings

    monkeypatch.setattr(
        argostranslate.settings, "remote_package_index", "http://127.0.0.1:9/index.json"
    )
    code, err = _error(["models", "install", "--from", "ru", "--to", "en"])
    assert code == 2
    assert err.startswith("error: cannot reach the argos package index")
    assert err.endswith("run `subtools models install FILE.argosmodel`\n")


def test_help_does_not_import_the_translation_backend() -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nimport cli\n"
        "for args in (['--help'], ['translate', '--help'], ['models', '--help']):\n"
        "    assert CliRunner().invoke(cli.app, args).exit_code == 0\n"
        "print(sorted(m for m in ('argostranslate', 'ctranslate2', 'torch') if m in sys.modules))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (proc.returncode, proc.stdout) == (0, "[]\n"), proc.stderr


def test_reader_repairs_are_reported_not_translated_silently(
    with_model: Path, tmp_path: Path
) -> None:
    # info/convert/check print the reader's repairs; translate dropped them, so
    # a split cue (missing blank line) went into the draft without a word.
    src = tmp_path / "ru.srt"
    text = SAMPLE_RU.read_text("utf-8")
    src.write_text(text.replace("из 57-го батальона,\n\n2\n", "из 57-го батальона,\n2\n"), "utf-8")
    out = tmp_path / "out.srt"
    result = runner.invoke(app, ["translate", str(src), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        f"warning: {src}:5: missing blank line before this cue: split\n"
    )
    result = runner.invoke(app, ["translate", str(src), "-o", str(out), "--json"])
    assert json.loads(result.stdout)["warnings"] == [
        f"{src}:5: missing blank line before this cue: split"
    ]


def test_language_codes_in_capitals_are_understood(with_model: Path, tmp_path: Path) -> None:
    # "--to EN" said no ru->EN model was installed, next to an installed ru->en one.
    out = tmp_path / "out.srt"
    result = runner.invoke(
        app, ["translate", str(SAMPLE_RU), "-o", str(out), "--from", "RU", "--to", "EN", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out}: 15 cues, 12 sentences, ru (given) -> en\n")


def test_the_output_never_replaces_the_glossary_it_read(with_model: Path, tmp_path: Path) -> None:
    glossary = tmp_path / "terms.srt"
    glossary.write_text("песочница\tsandpit\n", "utf-8")
    result = runner.invoke(
        app,
        ["translate", str(SAMPLE_RU), "--glossary", str(glossary), "-o", str(glossary), "--quiet"],
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {glossary}: output path is a file this command reads; refusing to overwrite it\n"
    )
    assert glossary.read_text("utf-8") == "песочница\tsandpit\n"

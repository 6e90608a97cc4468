"""The job steps' own results: what `subtools run --json` reports per step."""

from __future__ import annotations

import json
from pathlib import Path

from subtools.usecases.demo import FIXTURE_MODEL
from subtools.usecases.jobspec import JobSpec, TranslateSpec
from subtools.usecases.steps import translate_step

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_translate_step_reports_the_files_it_wrote(tmp_path: Path) -> None:
    spec = JobSpec(
        captions=(SAMPLES / "captions.ru.srt",),
        out=tmp_path,
        translate=TranslateSpec(model=FIXTURE_MODEL, bilingual=True),
    )
    step, next_file = translate_step(SAMPLES / "captions.ru.srt", spec, tmp_path)
    draft = tmp_path / "captions.fixture-draft.en.srt"
    both = tmp_path / "captions.fixture-draft.ru-en.srt"
    assert next_file == draft
    assert step.outputs == (str(draft), str(both))
    # The data (summary.json, `run --json`) names the same files, which exist.
    assert (step.data["output"], step.data["bilingual_output"]) == (str(draft), str(both))
    assert sorted(p.name for p in tmp_path.iterdir()) == [draft.name, both.name]


def test_a_jobs_quote_report_on_a_fixture_translation_carries_the_notice(tmp_path: Path) -> None:
    from subtools.usecases.job import run_job
    from subtools.usecases.jobspec import QuotesSpec

    spec = JobSpec(
        captions=(SAMPLES / "captions.ru.srt",),
        out=tmp_path,
        article=SAMPLES / "article.txt",
        translate=TranslateSpec(model=FIXTURE_MODEL),
        quotes=QuotesSpec(html=True),
    )
    report = run_job(spec)
    assert report.files[0].error is None
    notice = "translated by the subtools test fixture model, not a real translation"
    assert json.loads((tmp_path / "quotes.json").read_text("utf-8"))["notice"] == notice
    html = (tmp_path / "quotes.html").read_text("utf-8")
    assert (
        f'<p class="banner err"><b>Not a real translation:</b> {notice}. '
        "Do not rely on the verdicts below; install a real translation model.</p>"
    ) in html

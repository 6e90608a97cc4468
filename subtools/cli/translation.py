"""Translation: ``translate`` and the ``models`` group."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from subtools.cli.common import (
    EXIT_PROBLEMS,
    Encoding,
    InPath,
    JsonFlag,
    StderrBar,
    handle_errors,
    print_json,
    warn,
)
from subtools.wording import numbered, plural

app = typer.Typer()

models_app = typer.Typer(
    name="models",
    help="Translation models (argostranslate packages): list, install, remove.",
    no_args_is_help=True,
)
app.add_typer(models_app, name="models", rich_help_panel="Translation")


@app.command(rich_help_panel="Translation")
@handle_errors
def translate(
    source: InPath,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Output file (.srt, .vtt, .json).")
    ],
    to_lang: Annotated[str, typer.Option("--to", help="Target language code.")] = "en",
    from_lang: Annotated[
        str, typer.Option("--from", help="Source language code, or 'auto' to detect it.")
    ] = "auto",
    model: Annotated[
        Path | None,
        typer.Option("--model", help="Use this .argosmodel file without installing it."),
    ] = None,
    glossary: Annotated[
        Path | None, typer.Option("--glossary", help="TSV of: source term<TAB>target term.")
    ] = None,
    bilingual: Annotated[
        bool,
        typer.Option("--bilingual", help="Source above translation (SRT/VTT), both in JSON."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    encoding: Encoding = None,
    as_json: JsonFlag = False,
) -> None:
    """Translate captions sentence by sentence, keeping every cue's timing and tags.

    Exit 1: a glossary term is missing from its cues (the output is written).
    """
    from subtools.usecases.translate import translate_file

    with StderrBar("translating", 200, enabled=not quiet and not as_json) as bar:  # sentences
        result = translate_file(
            source,
            output,
            to_lang=to_lang,
            from_lang=from_lang,
            model=model,
            glossary=glossary,
            bilingual=bilingual,
            encoding=encoding,
            progress=bar,
        )
    if as_json:
        print_json(result.to_dict())
        if result.glossary_misses:
            raise typer.Exit(EXIT_PROBLEMS)
        return
    warn(result.notices)
    how = "detected" if result.detected else "given"
    typer.echo(
        f"wrote {result.output}: {plural(len(result.track), 'cue')}, "
        f"{plural(result.sentences, 'sentence')}, "
        f"{result.source_language} ({how}) -> {result.target_language}"
    )
    typer.echo(f"model: {result.model.describe()}")
    if result.notice:
        typer.echo(f"NOTE: {result.notice}", err=True)
    if result.skipped_cues:
        cues = numbered("cue", result.skipped_cues)
        typer.echo(f"kept untranslated (nothing to translate): {cues}")
    from subtools.translate.pipeline import MAX_MODEL_CHARS

    for numbers in result.split_sentences:
        typer.echo(
            f"warning: a sentence too long for the model ({numbered('cue', numbers)}) was "
            f"translated in parts of at most {MAX_MODEL_CHARS} characters, cut at commas or "
            "between words",
            err=True,
        )
    if result.filled_cues:
        cues = numbered("cue", result.filled_cues)
        they = "they show" if len(result.filled_cues) > 1 else "it shows"
        typer.echo(f"translation too short to reach {cues}: {they} '…'", err=True)
    for miss in result.glossary_misses:
        typer.echo(
            f"glossary miss: {miss.source!r} -> {miss.target!r} "
            f"not in {numbered('cue', miss.cues)}",
            err=True,
        )
    if result.glossary_misses:  # the output is written; the check found problems
        raise typer.Exit(EXIT_PROBLEMS)


@models_app.command("list")
@handle_errors
def models_list(as_json: JsonFlag = False) -> None:
    """List installed translation models."""
    from subtools.usecases.translate import list_models

    found = list_models()
    if as_json:
        print_json({"models": [m.to_dict() for m in found]})
        return
    if not found:
        typer.echo("no translation models installed (see `subtools models install --help`)")
    for m in found:
        typer.echo(f"{m.pair}  {m.describe()}  [{m.path}]")


@models_app.command("install")
@handle_errors
def models_install(
    file: Annotated[
        Path | None, typer.Argument(help="An .argosmodel file (omit with --from/--to).")
    ] = None,
    from_lang: Annotated[str | None, typer.Option("--from", help="Source language.")] = None,
    to_lang: Annotated[str | None, typer.Option("--to", help="Target language.")] = None,
) -> None:
    """Install a model from a file, or download one from the argos index (needs internet)."""
    from subtools.usecases.translate import install_model

    info = install_model(file, from_lang=from_lang, to_lang=to_lang)
    typer.echo(f"installed {info.describe()} in {info.path}")


@models_app.command("remove")
@handle_errors
def models_remove(
    from_lang: Annotated[str, typer.Option("--from", help="Source language.")],
    to_lang: Annotated[str, typer.Option("--to", help="Target language.")],
) -> None:
    """Remove the installed model(s) for a language pair."""
    from subtools.usecases.translate import remove_model

    for info in remove_model(from_lang, to_lang):
        typer.echo(f"removed {info.describe()}")

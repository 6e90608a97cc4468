"""Build the tiny ru->en .argosmodels used by the translation tests, fully offline.

A model is a real argostranslate package (CTranslate2 Marian model,
sentencepiece tokenizer, MiniSBD sentence splitter) that has memorised a fixed
set of sentence pairs and nothing else. It lets the tests run the true
argostranslate code path and assert exact output; it says nothing about
translation quality, and its metadata says so (``subtools_test_fixture``).

Two sets (``--set``):
- ``sample`` (default): the sentences of ``samples/captions.ru.srt`` ->
  tests/fixtures/models/ru_en_tiny.argosmodel;
- ``boundaries``: the sentences of the reference pairs (Russian tracks with
  English captions split by a person: tests/fixtures/boundaries/*.ru.srt +
  *.en.srt, and the sample with samples/captions.en.srt), translated exactly as
  the reference -> tests/fixtures/models/ru_en_boundaries.argosmodel. Its
  decoder returns attention averaged over all heads, for the alignment tests.

Run:  .venv/bin/python scripts/build_test_model.py [--set NAME] [--out PATH] [--steps N]
Needs torch, transformers, sentencepiece, ctranslate2 and onnx: the [fixture] extra
(`.venv/bin/pip install -e ".[fixture]"`), which `make test` does not install.
Deterministic: fixed seeds, one thread, deterministic torch algorithms.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from subtools.translate.argos import FIXTURE_KEY  # light: argostranslate loads lazily

__all__ = ["FIXTURE_MARKER", "PACKAGE_DIR_NAME", "PAIRS", "SETS", "FixtureSet", "build"]

ROOT = Path(__file__).resolve().parent.parent

# The English side is a faithful, plain rendering of each Russian sentence
# written for this fixture; the sentence split is the one subtools.translate
# makes from the sample (cue text joined across cues, tags and dashes removed).
PAIRS: tuple[tuple[str, str], ...] = (
    (
        "Мы, мобилизованные из 57-го батальона, обращаемся к министру обороны.",
        "We, the mobilized men of the 57th Battalion, are appealing to the defense minister.",
    ),
    (
        "Три недели назад нас отправили на передовую без оружия и без подготовки.",
        "Three weeks ago we were sent to the front line without weapons and without training.",
    ),
    (
        "Командир сказал, что нас прикрепили к штурмовому отряду.",
        "The commander said that we had been attached to an assault unit.",
    ),
    ("Мы не подписывали никаких контрактов.", "We did not sign any contracts."),
    (
        "Мы не отказываемся служить, но мы не пойдём в «песочницу» без патронов.",
        'We do not refuse to serve, but we will not go into the "sandbox" without ammunition.',
    ),
    (
        "Вчера двенадцать наших товарищей погибли под миномётным огнём у нулевой линии.",
        "Yesterday twelve of our comrades were killed by mortar fire near the zero line.",
    ),
    (
        "Мы обратились к коменданту и военной полиции.",
        "We appealed to the commandant and the military police.",
    ),
    (
        "Нам ответили, что ничем не могут помочь.",
        "We were told that they could not help in any way.",
    ),
    ("Поэтому мы записываем это видео.", "That is why we are recording this video."),
    (
        "Просим вернуть нас в пункт постоянной дислокации.",
        "We ask to be returned to our permanent base.",
    ),
    ("Всё, выключай.", "That's it, turn it off."),
    ("Подожди.", "Wait."),
)

# The metadata key subtools reads to label every output of this model as not a translation.
FIXTURE_MARKER = FIXTURE_KEY
PACKAGE_DIR_NAME = "translate-ru_en-subtools-test-fixture"
SEED = 20240607

README = """# subtools TEST FIXTURE ru -> en (not a translation model)

This package was built by subtools' scripts/build_test_model.py. It is a tiny
randomly initialised Marian model trained only to memorise the {n} sentences of
{what}. Any other input comes out as junk.
It exists so that tests run the real argostranslate/CTranslate2 code path.
Never present its output as a translation.
"""


@dataclasses.dataclass(frozen=True)
class FixtureSet:
    """What one fixture model memorises and how it is labelled."""

    pairs: tuple[tuple[str, str], ...]
    out: Path
    package_dir: str
    code: str
    what: str  # for the README and metadata: which sentences it knows
    vocab_size: int = 320
    steps: int = 600
    d_model: int = 64  # more sentences need a wider model to be memorised exactly
    # CTranslate2 returns the attention of this many heads of the last layer,
    # averaged (its default is 1: the first head only).
    alignment_heads: int | None = None


def _reference_pairs() -> tuple[tuple[str, str], ...]:
    from subtools.io import read_track
    from subtools.translate.reference import reference_sentences

    tracks = sorted((ROOT / "tests/fixtures/boundaries").glob("*.ru.srt"))
    tracks.append(ROOT / "samples/captions.ru.srt")
    pairs: dict[str, str] = {}
    for ru in tracks:
        en = ru.with_name(ru.name.replace(".ru.srt", ".en.srt"))
        for src, ref in reference_sentences(read_track(ru).track, read_track(en).track):
            if pairs.setdefault(src, ref) != ref:
                raise SystemExit(f"{src!r} has two reference translations")
    return tuple(pairs.items())


SETS = {
    "sample": lambda: FixtureSet(
        PAIRS,
        ROOT / "tests/fixtures/models/ru_en_tiny.argosmodel",
        PACKAGE_DIR_NAME,
        "ru_en-subtools-test-fixture",
        "subtools' samples/captions.ru.srt",
    ),
    "boundaries": lambda: FixtureSet(
        _reference_pairs(),
        ROOT / "tests/fixtures/models/ru_en_boundaries.argosmodel",
        "translate-ru_en-subtools-boundaries-fixture",
        "ru_en-subtools-boundaries-fixture",
        "subtools' reference caption pairs (tests/fixtures/boundaries, samples/captions.*.srt)",
        vocab_size=600,
        steps=2000,
        d_model=96,
        alignment_heads=4,
    ),
}


def _train_sentencepiece(lines: Sequence[str], workdir: Path, vocab_size: int) -> Path:
    import sentencepiece as spm

    # Train from memory: a file path would be recorded in the model and make
    # the bytes depend on the temporary folder's name.
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buffer,
        model_type="unigram",
        vocab_size=vocab_size,
        character_coverage=1.0,
        hard_vocab_limit=False,
        normalization_rule_name="identity",
        # Marian order: </s> = 0, <unk> = 1, then the pieces (<pad> appended later).
        eos_id=0,
        unk_id=1,
        bos_id=-1,
        pad_id=-1,
        seed_sentencepiece_size=2000,
        num_threads=1,
        minloglevel=2,
    )
    path = workdir / "sentencepiece.model"
    path.write_bytes(buffer.getvalue())
    return path


def _sbd_onnx(path: Path, sentences: Sequence[str]) -> None:
    """A rule-based MiniSBD model: one Gather over a per-character logits table.

    Class 1 ends a token at every character, class 2 ends a sentence at
    . ! ? and the ellipsis; MiniSBD reads only this table, so no download.
    """
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    chars = sorted({ch for s in sentences for ch in s} | set(".!?…,;:-—«»\"' 0123456789"))
    units = ["<PAD>", "<UNK>", *chars]
    table = np.full((len(units), 5), -10.0, dtype=np.float32)
    table[:, 1] = 10.0
    for i, unit in enumerate(units):
        if unit in {".", "!", "?", "…"}:
            table[i, 1] = -10.0
            table[i, 2] = 10.0
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "units"], ["logits"], axis=0)],
        "rule_sbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["B", "T"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["B", "T", "F"]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["B", "T", 5])],
        initializer=[numpy_helper.from_array(table, "table")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    config = {
        "skip_newline": False,
        "max_seqlen": 1000,
        "no_ssplit": False,
        "batch_size": 32,
        "feat_funcs": [],
        "use_dictionary": False,
        "num_dict_feat": 0,
    }
    vocab = {
        "lang": "ru",
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {u: i for i, u in enumerate(units)},
        "_id2unit": units,
    }
    for key, value in (
        ("lang_code", "ru"),
        ("config", json.dumps(config)),
        ("vocab", json.dumps(vocab, ensure_ascii=False)),
        ("lexicon", "null"),
    ):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


class _VocabOnly:
    """What CTranslate2's Marian loader reads from a tokenizer: the vocab and two tokens."""

    eos_token = "</s>"
    unk_token = "<unk>"

    def __init__(self, tokens: Sequence[str]) -> None:
        self._vocab = {tok: i for i, tok in enumerate(tokens)}

    def get_vocab(self) -> dict[str, int]:
        return dict(self._vocab)


def _train_marian(
    pairs: Sequence[tuple[str, str]], sp_model: Path, workdir: Path, steps: int, d_model: int = 64
) -> tuple[Any, list[str]]:
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    tokens = [sp.id_to_piece(i) for i in range(sp.get_piece_size())] + ["<pad>"]
    assert tokens[0] == "</s>" and tokens[1] == "<unk>", tokens[:3]
    pad = len(tokens) - 1
    index = {t: i for i, t in enumerate(tokens)}

    def ids(text: str) -> list[int]:
        return [index.get(p, 1) for p in sp.encode(text, out_type=str)]

    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    config = MarianConfig(
        vocab_size=len(tokens),
        decoder_vocab_size=len(tokens),
        d_model=d_model,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=2 * d_model,
        decoder_ffn_dim=2 * d_model,
        max_position_embeddings=512,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
    )
    model = MarianMTModel(config)
    # argos feeds sources without </s>; targets end with </s>.
    src = [ids(s) for s, _ in pairs]
    tgt = [[*ids(t), 0] for _, t in pairs]
    width_s = max(map(len, src))
    width_t = max(map(len, tgt))
    input_ids = torch.tensor([s + [pad] * (width_s - len(s)) for s in src])
    attention = torch.tensor([[1] * len(s) + [0] * (width_s - len(s)) for s in src])
    labels = torch.tensor([t + [-100] * (width_t - len(t)) for t in tgt])
    dec_in = torch.tensor([[pad, *t[:-1]] + [pad] * (width_t - len(t)) for t in tgt])

    emb = model.get_input_embeddings()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.0)
    model.train()
    loss_value = float("nan")
    for step in range(steps):
        optimizer.zero_grad()
        out = model(input_ids=input_ids, attention_mask=attention, decoder_input_ids=dec_in)
        loss = torch.nn.functional.cross_entropy(
            out.logits.reshape(-1, out.logits.shape[-1]), labels.reshape(-1), ignore_index=-100
        )
        loss.backward()  # type: ignore[no-untyped-call]
        optimizer.step()
        # CTranslate2 starts the decoder from a zero vector, not from <pad>'s row.
        with torch.no_grad():
            emb.weight[pad].zero_()  # type: ignore[index]
        loss_value = float(loss.detach())
        if step % 100 == 0:
            print(f"  step {step:4d} loss {loss_value:.4f}", file=sys.stderr)
    print(f"  final loss {loss_value:.5f}", file=sys.stderr)
    model.eval()  # type: ignore[no-untyped-call]
    out_dir = workdir / "hf"
    model.save_pretrained(out_dir)
    return out_dir, tokens


def _convert(
    hf_dir: Path, tokens: Sequence[str], out_dir: Path, alignment_heads: int | None
) -> None:
    import numpy as np
    from ctranslate2.converters import TransformersConverter

    class _Converter(TransformersConverter):  # type: ignore[misc]
        def load_tokenizer(self, tokenizer_class: Any, name: str, **kwargs: Any) -> _VocabOnly:
            return _VocabOnly(tokens)

        def _load(self) -> Any:
            spec = super()._load()
            if alignment_heads is not None:
                spec.decoder.alignment_heads = np.int16(alignment_heads)
            return spec

    _Converter(str(hf_dir)).convert(str(out_dir), quantization="int8", force=True)


def _check(package_dir: Path, pairs: Sequence[tuple[str, str]]) -> list[str]:
    """Translate the sources the way argostranslate does; return mismatches."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(package_dir / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(package_dir / "model"), device="cpu")
    batch = [sp.encode(s, out_type=str) for s, _ in pairs]
    results = translator.translate_batch(
        batch, beam_size=4, length_penalty=0.2, replace_unknowns=True
    )
    bad = []
    for (src, want), res in zip(pairs, results, strict=True):
        got = sp.decode_pieces(res.hypotheses[0]).replace("▁", " ").strip()
        if got != want:
            bad.append(f"{src!r}: got {got!r}, want {want!r}")
    return bad


def _zip_dir(folder: Path, out: Path) -> None:
    # Fixed timestamps and order so that the archive bytes depend only on content.
    tmp = out.with_suffix(out.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in folder.rglob("*")):
            arc = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            info = zipfile.ZipInfo(arc + ("/" if path.is_dir() else ""), (2024, 1, 1, 0, 0, 0))
            if path.is_dir():
                info.external_attr = 0o40755 << 16
                zf.writestr(info, b"")
            else:
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
    tmp.replace(out)


# The sample model's wording, kept so that rebuilding it gives the same bytes.
_DESCRIPTION = {
    "ru_en-subtools-test-fixture": "subtools TEST FIXTURE: memorises samples/captions.ru.srt only"
}


def build(
    out: Path | None = None, steps: int | None = None, fixture: FixtureSet | None = None
) -> Path:
    fx = fixture or SETS["sample"]()
    out = out or fx.out
    steps = fx.steps if steps is None else steps
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="subtools-build-model-") as tmp:
        work = Path(tmp)
        pkg = work / fx.package_dir
        pkg.mkdir()
        lines = [s for pair in fx.pairs for s in pair]
        sp_model = _train_sentencepiece(lines, work, fx.vocab_size)
        shutil.copy(sp_model, pkg / "sentencepiece.model")
        hf_dir, tokens = _train_marian(fx.pairs, sp_model, work, steps, fx.d_model)
        _convert(hf_dir, tokens, pkg / "model", fx.alignment_heads)
        (pkg / "minisbd").mkdir()
        _sbd_onnx(pkg / "minisbd" / "ru.onnx", [s for s, _ in fx.pairs])
        metadata = {
            "package_version": "0.1",
            "argos_version": "1.11",
            "from_code": "ru",
            "from_name": "Russian",
            "to_code": "en",
            "to_name": "English",
            "type": "translate",
            "code": fx.code,
            FIXTURE_MARKER: True,
            "description": _DESCRIPTION.get(
                fx.code, f"subtools TEST FIXTURE: memorises {fx.what} only"
            ),
        }
        (pkg / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n", "utf-8")
        readme = README.format(n=len(fx.pairs), what=fx.what)
        (pkg / "README.md").write_text(readme, encoding="utf-8")
        bad = _check(pkg, fx.pairs)
        if bad:
            raise SystemExit("the model did not memorise every pair:\n" + "\n".join(bad))
        out.parent.mkdir(parents=True, exist_ok=True)
        _zip_dir(pkg, out)
    size = out.stat().st_size
    print(f"wrote {out} ({size} bytes) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=sorted(SETS), default="sample")
    parser.add_argument("--out", type=Path, default=None, help="default: the set's fixture path")
    parser.add_argument("--steps", type=int, default=None, help="default: the set's")
    args = parser.parse_args(argv)
    build(args.out, args.steps, SETS[args.set]())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

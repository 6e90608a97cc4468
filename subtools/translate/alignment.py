"""Word alignment from a translation model's attention over sentencepiece tokens.

CTranslate2 returns, per target token, the decoder's attention over the source
tokens (the model's alignment heads of the last layer, averaged). Attention is
a soft, noisy alignment; summed from tokens to whole words it is good enough to
say which source cue a target word belongs to, and ``boundaries`` only trusts
it where it is clear.

Pure functions: no model here.
"""

from __future__ import annotations

from collections.abc import Sequence

from .boundaries import Alignment

__all__ = ["piece_words", "word_alignment"]

_WORD_START = "▁"


def piece_words(pieces: Sequence[str]) -> list[int]:
    """Per sentencepiece token, the index of the space-separated word it belongs to.

    A token starting with "▁" opens a word (a lone "▁" opens the word that the
    next token spells); -1 for a lone "▁" at the very end.
    """
    out: list[int] = []
    word = -1
    pending = False  # a lone "▁" was seen: the next token is the new word's start
    for piece in pieces:
        if piece == _WORD_START:
            pending = True
            out.append(-1)
            continue
        if piece.startswith(_WORD_START) or pending or word < 0:
            word += 1
        pending = False
        out.append(word)
    # a lone "▁" belongs to the word it opens
    for i in range(len(out) - 1, -1, -1):
        if out[i] == -1 and i + 1 < len(out):
            out[i] = out[i + 1]
    return out


def word_alignment(
    source_pieces: Sequence[str],
    target_pieces: Sequence[str],
    attention: Sequence[Sequence[float]],
    source: str,
    target: str,
) -> Alignment | None:
    """Per word of ``target``, the attention mass on each word of ``source``.

    ``attention[t][s]``: target token t's weight on source token s. None when
    the tokens do not spell the texts' words (the decoder replaced an unknown
    token, a prefix was added...): no alignment is better than a shifted one.
    """
    src_words = piece_words(source_pieces)
    tgt_words = piece_words(target_pieces)
    n_src, n_tgt = len(source.split()), len(target.split())
    if not src_words or not tgt_words or len(attention) < len(target_pieces):
        return None
    if max(src_words) + 1 != n_src or max(tgt_words) + 1 != n_tgt:
        return None
    n_s = len(source_pieces)
    # A word's tokens are contiguous: sum each word's slice of a row.
    spans: list[tuple[int, int]] = []
    for s, w in enumerate(src_words):
        if w < 0:
            continue
        if w == len(spans):
            spans.append((s, s + 1))
        else:
            spans[w] = (spans[w][0], s + 1)
    rows = [[0.0] * n_src for _ in range(n_tgt)]
    for t, tw in enumerate(tgt_words):
        weights = attention[t]
        if tw < 0 or len(weights) < n_s:
            continue
        row = rows[tw]
        for w, (a, b) in enumerate(spans):
            row[w] += float(sum(weights[a:b]))
    return tuple(tuple(row) for row in rows)

"""Split-aware alignment: one offset per run of cues, a penalty for every change.

A dynamic programme over the cues in order: each cue takes one of the candidate
offsets; keeping the previous cue's offset is free, changing it costs
``penalty``. A track with an ad break removed or an intro added in the middle
then gets two offsets, and a track without one keeps a single offset because
no change earns more than the penalty.
"""

from __future__ import annotations

import numpy as np

__all__ = ["best_path"]


def best_path(scores: np.ndarray, penalty: float) -> tuple[np.ndarray, float]:
    """For a (cues, candidates) score table: the candidate index per cue and the total.

    Total = sum of the chosen scores - penalty x number of changes; an exact maximum.
    """
    n, m = scores.shape
    jumped = np.zeros((n, m), dtype=bool)
    leader = np.zeros(n, dtype=np.int64)  # best candidate of each row's running total
    best = scores[0].astype(np.float64)
    for i in range(1, n):
        leader[i - 1] = int(np.argmax(best))
        switch = float(best[leader[i - 1]]) - penalty
        jumped[i] = switch > best
        best = np.maximum(best, switch) + scores[i]
    path = np.empty(n, dtype=np.int64)
    path[-1] = int(np.argmax(best))
    total = float(best[path[-1]])
    for i in range(n - 1, 0, -1):
        path[i - 1] = leader[i - 1] if jumped[i, path[i]] else path[i]
    return path, total

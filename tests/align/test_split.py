"""The split-aware dynamic programme, exactly and against brute force."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from subtools.align.split import best_path


def brute(table: np.ndarray, penalty: float) -> float:
    n, m = table.shape
    best = -np.inf
    for path in itertools.product(range(m), repeat=n):
        changes = sum(a != b for a, b in itertools.pairwise(path))
        best = max(best, sum(table[i, p] for i, p in enumerate(path)) - penalty * changes)
    return float(best)


def test_a_cut_splits_once_where_the_offsets_change() -> None:
    # Cues 0-2 fit candidate 0, cues 3-5 fit candidate 2.
    table = np.array([[5, 0, 1]] * 3 + [[0, 1, 5]] * 3, dtype=float)
    path, total = best_path(table, penalty=4)
    assert path.tolist() == [0, 0, 0, 2, 2, 2]
    assert total == 15 + 15 - 4


def test_a_split_that_does_not_pay_for_itself_is_not_made() -> None:
    table = np.array([[5, 0, 1]] * 5 + [[3, 0, 4]], dtype=float)
    path, total = best_path(table, penalty=2)
    assert path.tolist() == [0] * 6
    assert total == 28


@settings(max_examples=80, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda n: st.lists(
            st.lists(st.integers(-5, 9), min_size=3, max_size=3), min_size=n, max_size=n
        )
    ),
    st.integers(0, 12),
)
def test_total_is_the_best_of_all_paths(rows: list[list[int]], penalty: int) -> None:
    table = np.array(rows, dtype=float)
    path, total = best_path(table, float(penalty))
    changes = int(np.count_nonzero(np.diff(path)))
    assert total == brute(table, float(penalty))
    assert total == float(table[np.arange(len(path)), path].sum()) - penalty * changes

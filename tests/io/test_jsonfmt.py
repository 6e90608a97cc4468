"""Subtools' JSON captions: what is refused."""

from __future__ import annotations

import pytest

from subtools.errors import InputError
from subtools.io.jsonfmt import parse_json


@pytest.mark.parametrize(
    ("cue", "message"),
    [
        # JSON true is a bool, which Python also counts as an int: it was read as 1 ms.
        (
            '{"start": true, "end": 2000, "text": "A"}',
            "x.json: start/end must be integer ms and text a string ('cue 1')",
        ),
        (
            '{"start": 1.5, "end": 2000, "text": "A"}',
            "x.json: start/end must be integer ms and text a string ('cue 1')",
        ),
        ('{"start": 0, "text": "A"}', "x.json: cue needs start, end (ms) and text ('cue 1')"),
    ],
)
def test_bad_cues(cue: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_json(f'{{"cues": [{cue}]}}', "x.json")
    assert str(err.value) == message

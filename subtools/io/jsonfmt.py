"""JSON captions: ``{"language", "source", "cues": [{"start", "end", "text"}]}`` in ms."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from ..errors import InputError
from ..model import Cue, Track
from .notices import Notice

__all__ = ["json_text", "parse_json", "parse_json_track", "track_to_dict", "write_json"]


def json_text(data: Any) -> str:
    """How subtools writes every JSON file: UTF-8 as is (Cyrillic readable), indented."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def track_to_dict(track: Track) -> dict[str, Any]:
    return {
        "language": track.language,
        "source": track.source,
        "cues": [
            {"index": n, "start": c.start, "end": c.end, "text": c.text}
            for n, c in enumerate(track.cues, 1)
        ],
    }


def write_json(cues: Iterable[Cue], track: Track | None = None) -> str:
    base = track.with_cues(cues) if track is not None else Track(tuple(cues))
    return json_text(track_to_dict(base))


# A time in ms fits in 15 digits (over 30,000 years); Python refuses to turn
# thousands of digits into a number, and no caption needs them.
_MAX_DIGITS = 15
_SURROGATE = re.compile("[\ud800-\udfff]")


class _NumberTooLong(Exception):
    pass


def _int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        raise _NumberTooLong(text)
    return int(text)


def _float(text: str) -> float:
    if len(text) > 2 * _MAX_DIGITS:
        raise _NumberTooLong(text)
    return float(text)


def _is_ms(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # JSON true is no time


def parse_json(text: str, path: str | None = None) -> tuple[list[Cue], list[Notice]]:
    track, notices = parse_json_track(text, path)
    return list(track.cues), notices


def parse_json_track(text: str, path: str | None = None) -> tuple[Track, list[Notice]]:
    """The cues and, from an object's ``language``, the track's language (one parse)."""
    try:
        data = json.loads(text, parse_int=_int, parse_float=_float)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    except _NumberTooLong as exc:
        raise InputError(
            f"a number of {len(exc.args[0]):,} digits: not a time in ms", path=path
        ) from None
    except RecursionError:
        raise InputError("JSON nested too deeply to be captions", path=path) from None
    if isinstance(data, dict) and "cues" not in data and isinstance(data.get("segments"), list):
        return _whisper(data, path)
    raw = data.get("cues") if isinstance(data, dict) else data
    if not isinstance(raw, list):
        raise InputError("JSON captions need a list of cues (or an object with 'cues')", path=path)
    cues = []
    for n, item in enumerate(raw, 1):
        try:
            start, end, body = item["start"], item["end"], item["text"]
        except (KeyError, TypeError):
            raise InputError(
                "cue needs start, end (ms) and text", path=path, value=f"cue {n}"
            ) from None
        if not (_is_ms(start) and _is_ms(end) and isinstance(body, str)):
            raise InputError(
                "start/end must be integer ms and text a string", path=path, value=f"cue {n}"
            )
        if start < 0 or end < start:
            raise InputError("cue times out of order", path=path, value=f"cue {n}: {start}-{end}")
        bad = _SURROGATE.search(body)
        if bad:  # JSON can write "\ud800"; no file can hold it as text
            raise InputError(
                f"cue {n} text holds a lone surrogate, not a character",
                path=path,
                value=bad.group().encode("unicode_escape").decode("ascii"),
            )
        cues.append(Cue(start, end, body))
    language = data.get("language") if isinstance(data, dict) else None
    track = Track(tuple(cues), language if isinstance(language, str) else None, path)
    return track, []


def _whisper(data: dict[str, Any], path: str | None) -> tuple[Track, list[Notice]]:
    """Whisper's JSON export: ``segments`` with ``start``/``end`` in seconds and ``text``."""
    cues = []
    for n, seg in enumerate(data["segments"], 1):
        try:
            start, end = round(float(seg["start"]) * 1000), round(float(seg["end"]) * 1000)
            body = str(seg["text"]).strip()
        except (KeyError, TypeError, ValueError):
            raise InputError(
                "Whisper segment needs start, end (seconds) and text",
                path=path,
                value=f"segment {n}",
            ) from None
        if start < 0 or end < start:
            raise InputError("segment times out of order", path=path, value=f"segment {n}")
        cues.append(Cue(start, end, body))
    notices = (
        [Notice(path, None, "Whisper JSON: word timings not kept")]
        if data.get("words")
        or any(isinstance(s, dict) and s.get("words") for s in data["segments"])
        else []
    )
    language = data.get("language")
    code = language if isinstance(language, str) and len(language) == 2 else None
    return Track(tuple(cues), code, path), notices

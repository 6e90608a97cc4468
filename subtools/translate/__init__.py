"""Sentence-aware translation of caption tracks (argostranslate backend, loaded lazily).

Importing this package imports no translation backend: ``argos`` (the only
module touching argostranslate/CTranslate2) loads when a model is used.
"""

from __future__ import annotations

from .base import ChunkedTranslator, ModelInfo, Translator, checked
from .pipeline import TrackTranslation, translate_cues
from .sentences import Plan, plan_track

__all__ = [
    "ChunkedTranslator",
    "ModelInfo",
    "Plan",
    "TrackTranslation",
    "Translator",
    "checked",
    "plan_track",
    "translate_cues",
]

"""Aligning captions to the speech in an audio or video file."""

from __future__ import annotations

from .core import Alignment, AlignOptions, Segment, align_track

__all__ = ["AlignOptions", "Alignment", "Segment", "align_track"]

"""Domain modules for burning captions into video: ffmpeg, fonts, filter text, clip spans.

Submodules are imported where needed; only ``ffmpeg`` touches ffmpeg-python.
"""

__all__: list[str] = []

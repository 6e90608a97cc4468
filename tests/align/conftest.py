"""Speech made with espeak-ng at known times (scripts/align_cases.py), in a temporary folder.

Each medium is about 50 seconds: short enough to build and align in a few
seconds, long enough for a cut in the middle to leave two halves of seven cues.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scripts.align_cases import RATE, _music, build_media, synth_audio
from subtools.model import Cue, Track

# (start ms, end ms, English text, Russian text): uneven gaps, as in real dialogue.
LINES = (
    (800, 3900, "We left the village before the sun came up.", "Мы ушли из деревни до рассвета."),
    (4600, 6800, "Nobody told us where we were going.", "Никто не сказал нам, куда мы едем."),
    (
        8900,
        12200,
        "The trucks stopped twice on the way to the river.",
        "Грузовики дважды остановились у реки.",
    ),
    (12900, 14400, "Then it was quiet.", "Потом стало тихо."),
    (
        16800,
        20600,
        "My brother said the bridge had been closed for a week.",
        "Брат сказал, что мост закрыт уже неделю.",
    ),
    (21200, 23300, "We waited in the cold until noon.", "Мы ждали на холоде до полудня."),
    (
        25900,
        29100,
        "A soldier came and read out a list of names.",
        "Пришёл солдат и зачитал список имён.",
    ),
    (29800, 31600, "Mine was not on it.", "Моего имени там не было."),
    (
        33700,
        37600,
        "I asked him what would happen to the others.",
        "Я спросил его, что будет с остальными.",
    ),
    (38200, 40100, "He did not answer.", "Он не ответил."),
    (
        42300,
        45900,
        "In the evening they brought bread and hot tea.",
        "Вечером принесли хлеб и горячий чай.",
    ),
    (46500, 48700, "Some of us could sleep a little.", "Некоторые смогли немного поспать."),
    (
        51000,
        54400,
        "By morning the trucks had gone back without us.",
        "К утру грузовики уехали без нас.",
    ),
    (55100, 57300, "That is all I remember.", "Это всё, что я помню."),
)


def track(language: str = "en") -> Track:
    column = 2 if language == "en" else 3
    cues = (Cue(line[0], line[1], str(line[column])) for line in LINES)
    return Track(tuple(cues), language=language)


@pytest.fixture(scope="session")
def align_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("align")


@pytest.fixture(scope="session")
def speech_video(align_dir: Path) -> Path:
    """English speech on a noise floor, muxed with a tiny video."""
    return build_media(synth_audio(track("en"), "en"), align_dir / "speech.mp4")


@pytest.fixture(scope="session")
def russian_music_video(align_dir: Path) -> Path:
    """Russian speech under a music-like bed (the English captions align to it)."""
    audio = synth_audio(track("ru"), "ru", music=0.6, seed=3)
    return build_media(audio, align_dir / "russian-music.mp4")


@pytest.fixture(scope="session")
def music_video(align_dir: Path) -> Path:
    """The music-like bed alone: no speech."""
    rng = np.random.default_rng(5)
    bed = 0.3 * _music(RATE * 60, rng) + rng.standard_normal(RATE * 60) * 0.003
    return build_media(bed.astype(np.float32), align_dir / "music.mp4")

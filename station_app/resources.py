"""Where the bundled resources are: beside the source tree, or inside the frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) / "resources" if frozen else Path(__file__).resolve().parents[1] / "resources"


CJK_FONT = "fonts/wqy-microhei.ttc"

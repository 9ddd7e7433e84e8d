"""Files carried on a USB stick (bundles, the county's replies): written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path, data: bytes) -> Path:
    """A stick pulled mid-write leaves the old file, or none, under the name: never half of one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    with open(part, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    part.replace(target)
    return target

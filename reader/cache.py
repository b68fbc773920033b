"""lesen's cache folder: derived data that can always be rebuilt (word analyses, frequency tables)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir


def cache_folder() -> Path | None:
    """`LESEN_CACHE_DIR`, else the user's cache directory; None when it is `off`."""
    folder = os.environ.get("LESEN_CACHE_DIR") or user_cache_dir("lesen", appauthor=False)
    return None if folder == "off" else Path(folder)

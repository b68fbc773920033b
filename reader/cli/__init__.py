"""The `lesen` command: a thin click layer over the library API.

Each command group lives in its own module and is registered here by importing it.
"""

from __future__ import annotations

from . import (  # noqa: F401  (register commands)
    analyze_cmd,
    backup_cmds,
    dict_cmds,
    export_cmds,
    feed_cmds,
    library_cmds,
    score_cmd,
)
from .main import main

__all__ = ["main"]

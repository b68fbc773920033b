"""The `lesen` command: a thin click layer over the library API.

Each command group lives in its own module, imported when one of its commands runs (`main.COMMANDS`).
"""

from __future__ import annotations

from .main import main

__all__ = ["main"]

"""The `lesen` command: a thin click layer over the library API.

Each command group lives in its own module and is registered here.
"""

from __future__ import annotations

from .main import main
from . import analyze_cmd, library_cmds  # noqa: F401,E402  (register commands)
from . import backup_cmds  # noqa: F401,E402
from . import score_cmd  # noqa: F401,E402
from . import export_cmds  # noqa: F401,E402
from . import dict_cmds  # noqa: F401,E402

__all__ = ["main"]

"""Writing output files safely: atomically (temporary file, then rename), and only where asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class UnsafePathError(ValueError):
    """A name that would write outside the folder it is meant for."""


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing names that climb out of `folder` (`..`, absolute paths)."""
    base = folder.resolve()
    target = (base / name).resolve()
    if target != base and base not in target.parents:
        raise UnsafePathError(f"{name}: would be written outside {folder}")
    return target


def write_atomic(path: Path | str, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write the whole file or nothing: a crash leaves the old file (or none), never half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path

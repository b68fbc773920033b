"""Writing output files safely: atomically (temporary file, then rename), and only where asked."""

from __future__ import annotations

import os
import secrets
import stat
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
    """Write the whole file or nothing: a crash leaves the old file (or none), never half a file.

    The file gets the permissions `open()` would give it (the umask's), or keeps those of the file it
    replaces: an exported deck or list is as readable as any file the user writes, not private.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = _create_beside(path)
    try:
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
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


def _create_beside(path: Path) -> tuple[int, str]:
    """A new temporary file next to `path`, created with mode 0o666 for the kernel to apply the umask to
    (`tempfile.mkstemp` makes it 0o600, which the rename would keep)."""
    while True:
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue

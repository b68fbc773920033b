"""Getting a dictionary: the system copy, a download from TU Chemnitz, or Debian's package."""

from __future__ import annotations

import lzma
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from . import db
from .build import ImportResult, import_file

DING_URL = "https://ftp.tu-chemnitz.de/pub/Local/urz/ding/de-en/de-en.txt.gz"
TIMEOUT = 10  # seconds per connect / read
CHUNK = 64 * 1024
HOW_TO_GET = (
    "No dictionary is installed; words will show without English glosses.\n"
    "Get one with any of:\n"
    "  sudo apt-get install trans-de-en && lesen dict import /usr/share/trans/de-en\n"
    "  lesen dict install            (downloads it from dict.tu-chemnitz.de)\n"
    "  lesen dict import FILE        (any Ding-format de-en file, plain or .gz)"
)


class DownloadError(Exception):
    """The dictionary could not be downloaded (offline, server error, bad data)."""


@contextmanager
def progress_bar(total: int, label: str, show: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A `progress(step, total)` callback drawing a bar on stderr (or nothing when `show` is False)."""
    if not show:
        yield lambda step, total: None
        return
    with click.progressbar(length=max(total, 1), label=label, file=sys.stderr,
                           show_percent=True) as bar:
        yield lambda step, total: bar.update(step)


def download(url: str, target: Path, *, timeout: float = TIMEOUT, show: bool = True) -> Path:
    """Fetch `url` to `target` (atomically) with a progress bar once the server has answered."""
    part = target.with_name(target.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 - fixed https/http URL
            total = int(resp.headers.get("Content-Length") or 0)
            with open(part, "wb") as out, progress_bar(total, "Downloading the dictionary", show) as bar:
                while chunk := resp.read(CHUNK):
                    out.write(chunk)
                    bar(len(chunk), total)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        part.unlink(missing_ok=True)
        reason = getattr(exc, "reason", exc)
        raise DownloadError(f"could not download {url}: {reason} (are you offline?)") from exc
    os.replace(part, target)
    return target


def install(url: str | None = None, *, show: bool = True, timeout: float = TIMEOUT) -> ImportResult:
    """Download Ding and import it."""
    url = url or os.environ.get("LESEN_DICT_URL") or DING_URL
    with tempfile.TemporaryDirectory(prefix="lesen-ding-") as tmp:
        file = Path(tmp) / "de-en.txt.gz"
        download(url, file, timeout=timeout, show=show)
        try:
            with progress_bar(file.stat().st_size, "Importing", show) as bar:
                return import_file(file, progress=bar, origin=url)
        except (ValueError, EOFError, OSError) as exc:
            raise DownloadError(f"the file from {url} is not a Ding dictionary ({exc})") from exc
        except lzma.LZMAError as exc:
            raise DownloadError(f"the file from {url} is not a Ding dictionary ({exc})") from exc


def import_system(show: bool = True) -> ImportResult | None:
    system = db.system_copy()
    if system is None:
        return None
    with progress_bar(system.stat().st_size, f"Importing {system}", show) as bar:
        return import_file(system, progress=bar)


def apt_install() -> bool:
    """`apt-get install -y trans-de-en` when running as root with apt; True when it worked."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    try:
        done = subprocess.run(["apt-get", "install", "-y", "trans-de-en"], check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and db.system_copy() is not None


def ensure(*, show: bool = True, echo=click.echo, allow_download: bool = True,
           allow_apt: bool = True) -> ImportResult | None:
    """Make sure a dictionary is imported: system copy → download → apt-get → instructions.

    Returns the import done (None when one was already there or nothing could be had)."""
    if db.is_valid(db.dict_path()):
        return None
    result = import_system(show)
    if result:
        return result
    if allow_download:
        try:
            return install(show=show)
        except DownloadError as exc:
            echo(f"lesen: {exc}", err=True)
    if allow_apt and apt_install():
        return import_system(show)
    echo(HOW_TO_GET, err=True)
    return None

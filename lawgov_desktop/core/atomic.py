"""Write a file so that a crash never leaves half of it over a good one.

Writers get a temporary path in the destination folder (same file system, so the final
``os.replace`` is atomic), write the whole file there, and only a clean exit of the ``with`` block
swaps it in.  Any exception, cancel or kill leaves the previous file untouched; the temporary file
is removed on exceptions and, after a hard kill, is a dot-file that nothing reads.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success fsync it and rename it over ``path``.

    The caller writes the complete file to the yielded path (libraries such as reportlab and
    openpyxl take a file name).  The folder of ``path`` must exist.
    """
    target = Path(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        _copy_mode(target, temp)
        yield temp
        _fsync_file(temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_dir(target.parent)


def _copy_mode(target: Path, temp: Path) -> None:
    """Give the new file the old file's permissions (mkstemp makes it owner-only)."""
    if os.name != "posix":
        return
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o644
    os.chmod(temp, mode)


def _fsync_file(path: Path) -> None:
    """Flush the written bytes to disk before the rename makes them the real file."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    """Persist the rename itself (POSIX only; Windows cannot open a folder for fsync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""How the reader tests check a refusal: the clerk's message must name the file and say what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.importers.readers import read_workbook


def read_refused(path: Path, *fragments: str) -> ImportFileError:
    """Read ``path`` expecting a refusal whose message starts with the file's name and holds every
    fragment; the error, for what a test checks further."""
    with pytest.raises(ImportFileError) as caught:
        read_workbook(path)
    message = str(caught.value)
    assert message.startswith(f"文件“{path.name}”"), message
    for fragment in fragments:
        assert fragment in message, message
    return caught.value

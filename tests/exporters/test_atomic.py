"""atomic_write: the old file survives any failure, and no temporary file is left behind."""

from __future__ import annotations

import os

import pytest

from lawgov_desktop.core.atomic import atomic_write


def test_success_replaces_file(tmp_path):
    target = tmp_path / "清单.pdf"
    target.write_bytes(b"old")
    with atomic_write(target) as temp:
        assert temp.parent == tmp_path
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["清单.pdf"]


def test_interrupted_write_keeps_old_file(tmp_path):
    target = tmp_path / "清单.xlsx"
    target.write_bytes(b"good content")
    with pytest.raises(RuntimeError), atomic_write(target) as temp:
        temp.write_bytes(b"half a fi")
        raise RuntimeError("crash mid-write")
    assert target.read_bytes() == b"good content"
    assert os.listdir(tmp_path) == ["清单.xlsx"]


def test_interrupted_first_write_leaves_nothing(tmp_path):
    target = tmp_path / "new.pdf"
    with pytest.raises(KeyboardInterrupt), atomic_write(target) as temp:
        temp.write_bytes(b"partial")
        raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_keeps_permissions_of_replaced_file(tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"x")
    target.chmod(0o640)
    with atomic_write(target) as temp:
        temp.write_bytes(b"y")
    assert target.stat().st_mode & 0o777 == 0o640

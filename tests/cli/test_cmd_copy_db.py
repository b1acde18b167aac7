"""``lawgov copy-db SRC DST``: a file to a server and back, counts and digest printed; a failure
leaves no target and says why in Chinese on stderr."""

from __future__ import annotations

import json
import sqlite3

from lawgov_desktop.core.copy_db import database_digest


def test_a_file_to_a_server_and_back_prints_counts_and_the_same_digest(run_cli, sample_db, tmp_path, monkeypatch):
    from server import fresh_database

    with fresh_database(migrated=False) as server:
        monkeypatch.setenv("PGPASSWORD", server.password or "")  # as a clerk's libpq finds it; never in the URL
        there = run_cli("copy-db", str(sample_db), server.url)
        assert there.code == 0, there.err
        digest = database_digest(sample_db).value
        assert f"校验值（SHA-256）：{digest}" in there.out and "  licence_item：6\n" in there.out
        back = run_cli("copy-db", server.url, str(tmp_path / "笔记本.sqlite3"), "--json")
        assert back.code == 0, back.err
        document = json.loads(back.out)
        assert document["digest"] == digest and document["counts"]["department"] == 3
    listed = run_cli("list", "items", "--json", db=tmp_path / "笔记本.sqlite3")
    assert json.loads(listed.out)["total"] == json.loads(run_cli("list", "items", "--json", db=sample_db).out)["total"]


def test_a_failed_copy_leaves_no_target_and_says_why(run_cli, sample_db, tmp_path):
    conn = sqlite3.connect(sample_db)
    conn.execute("UPDATE power SET position = 'x' WHERE id = (SELECT min(id) FROM power)")
    conn.commit()
    conn.close()
    target = tmp_path / "副本.sqlite3"
    result = run_cli("copy-db", str(sample_db), str(target))
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("错误：表 power 中编号") and "position 列应为整数" in result.err
    assert not target.exists() and not list(tmp_path.glob("副本*"))


def test_an_existing_target_is_never_overwritten(run_cli, sample_db, blank_db):
    before = blank_db.read_bytes()
    result = run_cli("copy-db", str(sample_db), str(blank_db))
    assert result.code == 1 and "已存在" in result.err and "不会覆盖" in result.err
    assert blank_db.read_bytes() == before

"""The 权责清单 that 克拉玛依市 departments published, imported as a clerk would: each workbook alone
into an empty database with no mapping must give exactly the figures counted by hand from its
sheets (powers by type, their sub-items; with ``--kind items`` the licence items and their
sub-items), and importing it again must change nothing."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from lawgov_desktop.core.fields import LICENCE
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.plan import ImportOptions, import_file

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-lists" / "karamay"

# The archives bureau's list was downloaded twice: the "(1)" copy is the same workbook, with the same figures.
ARCHIVES, ARCHIVES_COPY = "克拉玛依市档案局2024年权责清单.xlsx", "克拉玛依市档案局2024年权责清单 (1).xlsx"

# Each published list once; workbook: (powers, their sub-items, licence items, their sub-items, powers by type)
PUBLISHED = {
    "2024年市农业农村局权责清单.xls": (311, 0, 10, 0, {
        "行政处罚": 254, "行政强制": 21, "行政检查": 17, "行政许可": 10, "其他行政权力": 3, "行政征收": 2,
        "行政奖励": 2, "行政确认": 1, "行政裁决": 1}),
    "克拉玛依市人力资源和社会保障局2024年权责清单.xls": (100, 12, 6, 12, {
        "行政处罚": 76, "行政检查": 14, "行政许可": 6, "行政强制": 2, "其他行政权力": 2}),
    "克拉玛依市住房和城乡建设局2024年权责清单.xls": (323, 8, 17, 3, {
        "行政处罚": 280, "行政许可": 17, "行政检查": 14, "其他行政权力": 12}),
    "克拉玛依市商务局2024年权责清单.xlsx": (21, 0, 2, 0, {
        "行政处罚": 13, "其他行政权力": 4, "行政许可": 2, "行政检查": 2}),
    "克拉玛依市文化体育广播电视和旅游局2024年权责清单.xlsx": (301, 0, 17, 0, {
        "行政处罚": 256, "行政许可": 17, "行政确认": 10, "行政检查": 6, "其他行政权力": 5, "行政奖励": 3,
        "行政强制": 3, "行政给付": 1}),
    "克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xls": (310, 0, 44, 0, {
        "行政处罚": 179, "行政许可": 44, "行政检查": 26, "行政强制": 24, "行政奖励": 14, "行政确认": 10,
        "其他行政权力": 6, "行政给付": 5, "行政征收": 2}),
    ARCHIVES: (12, 0, 0, 0, {"其他行政权力": 9, "行政处罚": 1, "行政检查": 1, "行政奖励": 1}),
    "克拉玛依市自然资源局2024年权责清单 (1).xls": (169, 8, 12, 5, {
        "行政处罚": 120, "行政检查": 16, "行政许可": 12, "其他行政权力": 7, "行政征收": 4, "行政确认": 4,
        "行政奖励": 4, "行政裁决": 2}),
    "国动办权责清单公示.xlsx": (17, 2, 3, 2, {
        "行政处罚": 5, "其他行政权力": 5, "行政检查": 3, "行政许可": 3, "行政征收": 1}),
    "附件：克拉玛依市财政局2025年权责清单 (1).xlsx": (19, 0, 2, 0, {
        "行政处罚": 9, "行政检查": 3, "其他行政权力": 3, "行政许可": 2, "行政裁决": 1, "行政确认": 1}),
}
# Every workbook in the folder.
EXPECTED = {**PUBLISHED, ARCHIVES_COPY: PUBLISHED[ARCHIVES]}



@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("blank") / "blank.sqlite3"
    Library(path, user="测试员").close()
    return path


@pytest.fixture
def library(blank: Path, tmp_path: Path):  # noqa: ANN201
    path = tmp_path / "lawgov.sqlite3"
    shutil.copyfile(blank, path)
    with Library(path, user="测试员") as lib:
        yield lib


def test_every_real_workbook_is_in_the_test() -> None:
    assert sorted(p.name for p in REAL.iterdir() if p.suffix in (".xls", ".xlsx")) == sorted(EXPECTED)


def _powers(lib: Library) -> tuple[Counter, int]:
    types = Counter(row[0] for row in lib.store.conn.execute(
        "SELECT power_type FROM power WHERE parent_id IS NULL AND version_id IS NULL"))
    subs = lib.store.conn.execute("SELECT count(*) FROM power WHERE parent_id IS NOT NULL AND version_id IS NULL").fetchone()[0]
    return types, subs


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_published_list_imports_with_the_hand_counted_figures_and_again_changes_nothing(
        library: Library, name: str) -> None:
    powers, sub_items, _licences, _licence_subs, by_type = EXPECTED[name]
    first = import_file(library, REAL / name)
    assert first.kind == "responsibility"
    assert not first.rejected
    types, subs = _powers(library)
    assert (sum(types.values()), subs, dict(types)) == (powers, sub_items, by_type)
    assert (first.inserted, first.sub_items["new"]) == (powers + sub_items, sub_items)
    again = import_file(library, REAL / name)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, powers + sub_items)
    assert _powers(library) == (types, subs)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_kind_items_takes_exactly_the_licence_items_and_their_sub_items(library: Library, name: str) -> None:
    _powers_count, _subs, licences, licence_subs, _types = EXPECTED[name]
    import_file(library, REAL / name, ImportOptions(kind=LICENCE))
    mains = library.store.conn.execute("SELECT count(*) FROM licence_item WHERE parent_id IS NULL").fetchone()[0]
    subs = library.store.conn.execute("SELECT count(*) FROM licence_item WHERE parent_id IS NOT NULL").fetchone()[0]
    assert (mains, subs) == (licences, licence_subs)
    assert library.store.conn.execute("SELECT count(*) FROM power").fetchone()[0] == 0


def test_the_identical_copy_of_a_workbook_changes_nothing(library: Library) -> None:
    import_file(library, REAL / ARCHIVES)
    before = [tuple(row) for row in library.store.conn.execute("SELECT * FROM power ORDER BY id")]
    copy = import_file(library, REAL / ARCHIVES_COPY)
    assert (copy.inserted, copy.updated) == (0, 0)
    assert [tuple(row) for row in library.store.conn.execute("SELECT * FROM power ORDER BY id")] == before


def test_all_eleven_in_one_database_keep_each_departments_powers(library: Library) -> None:
    for name in sorted(EXPECTED):
        assert not import_file(library, REAL / name).rejected
    types, subs = _powers(library)
    assert sum(types.values()) == sum(figures[0] for figures in PUBLISHED.values())
    assert subs == sum(figures[1] for figures in PUBLISHED.values())


def test_a_published_list_read_as_powers_keeps_every_sub_item(library: Library) -> None:
    """Forced in as powers, the 人社局 workbook once lost five sub-item rows and rejected a sixth."""
    result = import_file(library, REAL / "克拉玛依市人力资源和社会保障局2024年权责清单.xls", ImportOptions(kind="power"))
    assert not result.rejected
    assert _powers(library)[1] == 12


def test_the_licence_check_runs_on_all_of_them(library: Library) -> None:
    """Every department's 权责清单 in, their 行政许可 taken into the catalogue: nothing is outside it;
    one licence item renamed in the catalogue shows up both ways, with the other as closest name."""
    from lawgov_desktop.core.licence_check import check_licences

    for name in sorted(EXPECTED):
        import_file(library, REAL / name)
        import_file(library, REAL / name, ImportOptions(kind=LICENCE))
    result = check_licences(library)
    assert (result.licence_powers, result.licence_items) == (sum(f[2] for f in PUBLISHED.values()),) * 2
    assert (result.outside, result.unlisted, result.not_imported) == ([], [], [])
    item = library.store.conn.execute("SELECT id, name FROM licence_item WHERE parent_id IS NULL ORDER BY id").fetchone()
    library.records.update(LICENCE, item["id"], {"name": item["name"] + "（已调整）"})
    result = check_licences(library)
    assert [finding.name for finding in result.outside] == [item["name"]]
    assert [finding.name for finding in result.unlisted] == [item["name"] + "（已调整）"]

"""The statistics breakdowns and the report's paragraph, on a list built to the seed report's figures.

The 2022 report says: 439 central items involving 44 departments (市发改局 first), 23 items set by
provincial regulations and rules involving 13 departments (市人防办 first); three batches, 755
county-level powers handed down, 673 of them to 红海湾's streets.  The list here is generated to
exactly those figures (plus powers that were taken back, which must not count), so the paragraph
must come out word for word as the report wrote it.
"""

from __future__ import annotations

import pytest

from lawgov_desktop.core.clock import now_text
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.summary import summary_paragraph, zone_short_name

SEED_PARAGRAPH = ("我市实施的中央层面设定的行政许可439项，涉及市发改局等44个部门；"
                  "我市实施的省级地方性法规、省政府规章设定的行政许可23项，涉及市人防办等13个部门。"
                  "2022年将三批共755项县级行政执法权下放调整由镇街实施，其中673项调整由红海湾代管街道实施。")
HONGHAIWAN = ("田墘街道", "东洲街道", "遮浪街道")


def build_report_list(lib: Library) -> dict[str, int]:
    """Departments, 439 + 23 items, three batches and 755 delegated powers (673 to 红海湾), via SQL."""
    departments = [("汕尾市发展和改革局", "市发改局"), ("汕尾市人民防空办公室", "市人防办")]
    departments += [(f"汕尾市第{n}局", f"市{n}局") for n in range(3, 45)]
    ids = [lib.records.create("department", {"name": name, "aliases": alias, "level": "市级"}) for name, alias in departments]
    for number, day in (("第一批", "2022-03-01"), ("第二批", "2022-07-15"), ("第三批", "2022-11-20")):
        lib.records.create("batch", {"name": number, "published_on": day})
    batches = [lib.records.find_batch(name) for name in ("第一批", "第二批", "第三批")]
    streets = [lib.records.find_region(name) for name in HONGHAIWAN]
    town = lib.records.create("region", {"name": "捷胜镇", "kind": "town", "parent": "城区"})
    stamp = now_text()
    central = [ids[0], *ids[2:], ids[1]]  # 市发改局 first in list order, all 44 departments
    local = [ids[1], *ids[2:14]]  # 市人防办 first, 13 departments
    rows = [("central", central[n % 44], f"中央事项{n}", n) for n in range(439)]
    rows += [("local", local[n % 13], f"地方事项{n}", 1000 + n) for n in range(23)]
    delegations = []
    powers = []
    for n in range(760):
        powers.append((n + 1, f"执法事项{n}", ids[n % 44], n))
        if n < 673:  # 红海湾's streets, one to three of them
            targets = streets[: 1 + n % 3]
        elif n < 755:
            targets = [town]
        else:  # five powers handed to 田墘 and later taken back: not counted
            targets = [streets[0]]
            delegations.append((n + 1, streets[0], batches[(n + 1) % 3], "收回"))
        delegations.extend((n + 1, region, batches[n % 3], "新增") for region in targets)
    with lib.store.transaction() as conn:
        conn.executemany("INSERT INTO licence_item (part, department_id, name, level, status, position, created_at,"
                         " updated_at) VALUES (?, ?, ?, '市级', '有效', ?, ?, ?)", [(*row, stamp, stamp) for row in rows])
        conn.executemany("INSERT INTO power (id, name, department_id, power_type, status, position, created_at,"
                         " updated_at) VALUES (?, ?, ?, '行政处罚', '有效', ?, ?, ?)", [(*row, stamp, stamp) for row in powers])
        conn.executemany("INSERT INTO delegation (power_id, region_id, batch_id, change_kind, created_at, updated_at)"
                         " VALUES (?, ?, ?, ?, ?, ?)", [(*row, stamp, stamp) for row in delegations])
    return {"town": town}


@pytest.fixture
def report_list(lib: Library) -> Library:
    build_report_list(lib)
    return lib


def test_the_paragraph_reads_exactly_like_the_report(report_list: Library) -> None:
    assert summary_paragraph(report_list.stats.compute()) == SEED_PARAGRAPH


def test_the_figures_behind_the_paragraph(report_list: Library) -> None:
    stats = report_list.stats.compute()
    assert stats["licence_items"]["parts"]["central"] == {"items": 439, "departments": 44}
    assert stats["licence_items"]["parts"]["local"] == {"items": 23, "departments": 13}
    assert stats["powers"]["total"] == 760 and stats["powers"]["delegated"] == 755
    assert stats["powers"]["regions"]["红海湾经济开发试验区"] == 673
    assert stats["powers"]["regions"]["田墘街道"] == 673  # every 红海湾 power includes 田墘 (收回 ones excluded)
    assert stats["powers"]["regions"]["东洲街道"] == 448 and stats["powers"]["regions"]["遮浪街道"] == 224
    assert stats["powers"]["regions"]["城区"] == stats["powers"]["regions"]["捷胜镇"] == 82
    assert stats["powers"]["regions"]["汕尾市"] == 755
    assert sum(stats["powers"]["batches"].values()) == 755 and list(stats["powers"]["batches"]) == [
        "第一批", "第二批", "第三批"]


def test_breakdowns_carry_ids_and_names_for_the_view(report_list: Library) -> None:
    breakdowns = report_list.stats.compute()["breakdowns"]
    central, local = breakdowns["parts"][:2]
    assert (central["part"], central["label"], central["items"]) == ("central", "中央层面设定", 439)
    assert [d["short_name"] for d in central["departments"]][:2] == ["市发改局", "市3局"]  # list order
    assert len(central["departments"]) == 44 and sum(d["items"] for d in central["departments"]) == 439
    assert [d["short_name"] for d in local["departments"]][0] == "市人防办" and len(local["departments"]) == 13
    first = breakdowns["licence_departments"][0]
    assert first["items"] == first["parts"]["central"] + first["parts"].get("local", 0)
    assert report_list.records.get("department", first["id"])["name"] == first["name"]
    assert [row["name"] for row in breakdowns["batches"]] == ["第一批", "第二批", "第三批"]
    assert all(report_list.records.get("batch", row["id"])["name"] == row["name"] for row in breakdowns["batches"])
    zone = next(row for row in breakdowns["regions"] if row["name"] == "红海湾经济开发试验区")
    assert (zone["kind"], zone["powers"]) == ("zone", 673)
    assert sum(row["powers"] for row in breakdowns["power_departments"]) == 760


def test_a_saved_version_keeps_its_paragraph(report_list: Library) -> None:
    version_id = report_list.versions.save_version("2022年版")
    report_list.records.create("licence", {"name": "新增中央事项", "department": "市发改局", "part": "central"})
    assert summary_paragraph(report_list.stats.compute(version_id)) == SEED_PARAGRAPH
    assert "行政许可440项" in summary_paragraph(report_list.stats.compute())


def test_wording_for_small_and_empty_lists(lib: Library, city: dict[str, int]) -> None:
    assert summary_paragraph(lib.stats.compute()) == (
        "我市实施的中央层面设定的行政许可2项，涉及市发改局等2个部门；"
        "我市实施的省级地方性法规、省政府规章设定的行政许可1项，由海丰县教育局实施。"
        "将两批共2项县级行政执法权下放调整由镇街实施，其中1项调整由红海湾代管街道实施。")
    for kind, key in (("licence", "hezhun"), ("licence", "food"), ("licence", "school"), ("power", "power"),
                      ("power", "power2")):
        lib.records.delete(kind, city[key])
    assert summary_paragraph(lib.stats.compute()) == ""


def test_zone_short_names() -> None:
    assert zone_short_name("红海湾经济开发试验区") == "红海湾"
    assert zone_short_name("某某经济开发区") == "某某"
    assert zone_short_name("华侨管理区") == "华侨管理区"

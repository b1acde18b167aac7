"""Databases for the catalogue and round-trip tests, built through the library as a clerk would.

``build_lists`` holds the awkward cases of real lists: two parts, sub-items with and without
their own cells, codes with leading zeros and 18 digits, text that looks like a formula, a
multi-line legal basis, and powers delegated to several streets in two batches.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawgov_desktop.core.library import Library

USER = "测试员"
MARKET = "市市场监督管理局"
HOUSING = "市住房和城乡建设局"
STREETS = ("田墘街道", "东洲街道", "遮浪街道")
MULTI_LINE_BASIS = "《中华人民共和国食品安全法》第三十五条\n《食品经营许可管理办法》第二条、第十条\n《广东省食品安全条例》第十二条"


def new_library(path: Path) -> Library:
    """A fresh database holding only the shipped regions."""
    return Library(path, user=USER)


def build_lists(library: Library) -> None:
    """Licence items of two departments in two parts, and powers delegated in two batches."""
    for name in (MARKET, HOUSING, "市自然资源局"):
        library.records.create("department", {"name": name, "level": "市级"})
    central = {"part": "central", "list_year": "2022", "level": "市级"}
    library.records.create("licence", {**central, "department": MARKET, "name": "食品经营许可", "sequence": "1",
                               "code": "000123", "legal_basis": MULTI_LINE_BASIS, "upper_ref": "1、729",
                               "implementing_authority": "市市场监督管理局（行政审批科）", "certificate": "食品经营许可证"})
    main = library.records.create("licence", {**central, "department": MARKET, "name": "特种设备使用登记", "sequence": "2",
                                      "code": "440000000000000001", "remark": "实行告知承诺制",
                                      "implementing_authority": "市市场监督管理局"})
    library.records.create("licence", {"parent_id": main, "name": "特种设备使用登记（新办）"})
    library.records.create("licence", {"parent_id": main, "name": "特种设备使用登记（变更）", "code": "440000000000000002",
                               "implementing_authority": "县级市场监督管理部门", "remark": "+86 0660-1234567"})
    library.records.create("licence", {**central, "department": MARKET, "name": "=SUM(A1)", "sequence": "3",
                               "remark": "@x", "upper_ref": "-1", "status": "暂停"})
    library.records.create("licence", {**central, "department": HOUSING, "name": "建筑工程施工许可", "sequence": "4",
                               "legal_basis": "《中华人民共和国建筑法》第七条", "level": "分级管理"})
    local = {"part": "local", "list_year": "2022", "level": "市级"}
    library.records.create("licence", {**local, "department": MARKET, "name": "食品小作坊登记", "sequence": "1",
                               "legal_basis": "《广东省食品生产加工小作坊和食品摊贩管理条例》第十条"})
    library.records.create("licence", {**local, "department": HOUSING, "name": "城市建筑垃圾处置核准", "sequence": "2",
                               "code": "0012"})
    for index, (name, department) in enumerate([
        ("对未取得食品经营许可从事食品经营活动的处罚", MARKET),
        ("对违法建设行为的处罚", HOUSING),
        ("对违法占用土地的行政检查", "市自然资源局"),
        ("对擅自改变房屋用途的处罚", HOUSING),
    ], start=1):
        library.records.create("power", {"code": f"0{index}4400001", "name": name, "power_type": "行政处罚",
                                 "department": department, "sequence": f"00{index}", "domain": "综合执法",
                                 "legal_basis": "《中华人民共和国行政处罚法》第二十四条\n《广东省镇街综合行政执法条例》第八条",
                                 "penalty_range": "-1 至 5万元"})
    library.records.create("batch", {"name": "第一批", "document_number": "汕府函〔2022〕1号"})
    library.records.create("batch", {"name": "第二批"})
    terms: dict[str, Any] = {"mode": "依法下放", "scope": "全部", "effective_date": "2022-10-01",
                             "document_number": "汕府函〔2022〕1号"}
    for street in STREETS:
        library.records.create("delegation", {**terms, "power": "014400001", "region": street, "batch": "第一批"})
    library.records.create("delegation", {**terms, "power": "024400001", "region": "田墘街道", "batch": "第一批"})
    library.records.create("delegation", {"power": "024400001", "region": "东洲街道", "batch": "第二批", "mode": "委托实施",
                                  "scope": "部分", "change_kind": "范围扩展"})
    library.records.create("delegation", {"power": "034400001", "region": "遮浪街道", "batch": "第二批"})


def snapshot(library: Library) -> dict[str, list[dict[str, Any]]]:
    """Every licence item and power with names for references, in list order, without
    bookkeeping (ids, times, import links, original cell texts)."""
    items = library.imports.rows_for_matching("licence")
    names = {row["id"]: row["name"] for row in items}
    departments = {row["id"]: row["name"] for row in library.imports.rows_for_matching("department")}
    skip = {"id", "parent_id", "department_id", "position", "import_id", "source_json", "created_at",
            "updated_at", "version_id", "delegations"}
    licence = [{**{k: v for k, v in row.items() if k not in skip},
                "main_item": names.get(row["parent_id"]), "department": departments[row["department_id"]]}
               for row in sorted(items, key=lambda row: row["position"])]
    powers = []
    for row in sorted(library.imports.rows_for_matching("power"), key=lambda row: row["position"]):
        delegations = sorted(
            (d["region"], d["batch"], d["mode"], d["scope"], d["effective_date"], d["change_kind"],
             d["document_number"]) for d in library.records.delegations(row["id"]))
        powers.append({**{k: v for k, v in row.items() if k not in skip},
                       "department": departments[row["department_id"]], "delegations": delegations})
    return {"licence": licence, "power": powers}


ITEM_NOUNS = ["食品经营", "药品零售", "医疗器械经营", "特种设备安装改造维修", "计量器具型式批准", "检验检测机构资质认定",
              "工业产品生产", "广告发布", "网络交易平台备案审查", "重要工业产品生产"]


def build_department(library: Library, department: str, count: int) -> list[str]:
    """One department's licence list long enough for several pages; returns the item names.

    Every ninth item has sub-items; the last three are in the local part.
    """
    library.records.create("department", {"name": department, "level": "市级"})
    names = []
    for index in range(count):
        name = f"{ITEM_NOUNS[index % len(ITEM_NOUNS)]}许可（第{index + 1}项）"
        main = library.records.create("licence", {
            "department": department, "name": name, "part": "local" if index >= count - 3 else "central",
            "implementing_authority": department, "level": "市级" if index % 4 else "市级、县级", "list_year": "2022",
            "legal_basis": f"《中华人民共和国行政许可法》第十二条\n《{ITEM_NOUNS[index % len(ITEM_NOUNS)]}管理办法》"
                           f"第{index % 30 + 1}条：从事相关经营活动，应当依法取得许可。",
            "remark": "实行告知承诺制" if index % 5 == 0 else None})
        if index % 9 == 0:
            for kind in ("新办", "变更", "延续"):
                library.records.create("licence", {"parent_id": main, "name": f"{name}（{kind}）"})
        names.append(name)
    return names

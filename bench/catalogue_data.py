"""Realistic generated licence catalogues (Chinese names, departments, legal bases) for benchmarks,
as specs and as a database."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from lawgov_desktop.core.fields import CENTRAL, LICENCE, LOCAL, part_from_text
from lawgov_desktop.core.library import Library
from lawgov_desktop.exporters.model import (
    CatalogueRow,
    CatalogueSection,
    CatalogueSpec,
    flatten_licence_rows,
    licence_part_heading,
)
from lawgov_desktop.exporters.xlsx import group_sheets, write_workbook
from lawgov_desktop.importers.plan import ImportOptions, import_file

DEPARTMENTS = [
    "市发展和改革局", "市教育局", "市科学技术局", "市工业和信息化局", "市公安局", "市民政局", "市司法局",
    "市财政局", "市人力资源和社会保障局", "市自然资源局", "市生态环境局", "市住房和城乡建设局",
    "市交通运输局", "市水务局", "市农业农村局", "市商务局", "市文化广电旅游体育局", "市卫生健康局",
    "市退役军人事务局", "市应急管理局", "市审计局", "市市场监督管理局", "市统计局", "市林业局",
    "市医疗保障局", "市城市管理和综合执法局", "市政务服务数据管理局", "市海洋与渔业局", "市人民防空办公室",
    "市气象局", "市烟草专卖局", "市地震局", "市档案局", "市民族宗教事务局", "市供销合作社",
    "市国家保密局", "市委网信办", "市新闻出版局", "市消防救援支队", "市税务局", "市邮政管理局",
    "市通信管理办公室", "市港务管理局", "市粮食和物资储备局",
]
NOUNS = ["食品经营", "药品零售", "建筑工程施工", "道路运输经营", "排污", "取水", "林木采伐", "娱乐场所经营",
         "民办学校办学", "医疗机构执业", "危险化学品经营", "公共场所卫生", "燃气经营", "城市道路占用",
         "特种设备使用", "互联网上网服务营业场所经营", "出版物零售", "渔业捕捞", "人防工程拆除", "烟草专卖零售"]
SUFFIXES = ["许可", "审批", "核准", "登记", "许可证核发", "备案审查"]
LAWS = ["中华人民共和国食品安全法", "中华人民共和国药品管理法", "中华人民共和国建筑法", "中华人民共和国道路运输条例",
        "中华人民共和国水污染防治法", "中华人民共和国水法", "中华人民共和国森林法", "娱乐场所管理条例",
        "中华人民共和国民办教育促进法", "医疗机构管理条例", "危险化学品安全管理条例", "公共场所卫生管理条例",
        "城镇燃气管理条例", "城市道路管理条例", "中华人民共和国特种设备安全法", "广东省实施《中华人民共和国人民防空法》办法"]
NUMBERS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1 → 一, 35 → 三十五 (article numbers of laws)."""
    tens, ones = divmod(n, 10)
    text = ("" if tens < 2 else NUMBERS[tens - 1]) + ("十" if tens else "")
    return text + (NUMBERS[ones - 1] if ones else "")


def legal_basis(rng: random.Random) -> str:
    """One or several laws run together, as real 设定和实施依据 cells hold them."""
    parts = []
    for _ in range(rng.randint(1, 3)):
        article = chinese_number(rng.randint(1, 99))
        parts.append(f"《{rng.choice(LAWS)}》第{article}条：从事相关经营活动，应当依法取得许可；"
                     f"申请人应当具备与其经营规模相适应的场所、设备和管理制度。")
    return "\n".join(parts)


def licence_row(rng: random.Random, department: str, index: int) -> CatalogueRow:
    name = f"{rng.choice(NOUNS)}{rng.choice(SUFFIXES)}"
    values = {
        "department": department,
        "name": name if index % 7 else f"{name}（含{rng.choice(NOUNS)}）",
        "implementing_authority": department + ("（行政审批科）" if index % 5 == 0 else ""),
        "legal_basis": legal_basis(rng),
        "level": rng.choice(["市级", "县级", "市级、县级", "分级管理"]),
        "code": f"{index:05d}{rng.randint(100, 999)}00Y",
        "remark": "" if index % 4 else "实行告知承诺制",
    }
    subs = []
    if index % 6 == 0:
        subs = [{"sub_item": f"{name}（{kind}）"} for kind in ("新办", "变更", "延续", "注销")[: rng.randint(2, 4)]]
    return CatalogueRow(values, subs)


def department_spec(department: str, items: int, seed: int = 1) -> CatalogueSpec:
    """A department's licence list with a central part and a small local part."""
    rng = random.Random(seed)
    local = max(1, items // 20)
    central_rows = [licence_row(rng, department, i) for i in range(1, items - local + 1)]
    local_rows = [licence_row(rng, department, i) for i in range(items - local + 1, items + 1)]
    return CatalogueSpec(
        title=f"汕尾市{department.removeprefix('市')}行政许可事项清单",
        columns=["sequence", "name", "sub_item", "implementing_authority", "legal_basis", "level", "remark"],
        sections=[CatalogueSection(licence_part_heading(CENTRAL), central_rows),
                  CatalogueSection(licence_part_heading(LOCAL), local_rows)],
        attachment_label="附件1",
        version_label="2022年版",
        group_label=department,
    )


def all_department_specs(total_items: int = 1000, departments: int = 44) -> list[CatalogueSpec]:
    """``total_items`` spread unevenly over ``departments`` (a few large, many small)."""
    rng = random.Random(7)
    weights = [rng.paretovariate(1.5) for _ in range(departments)]
    counts = [max(2, int(total_items * w / sum(weights))) for w in weights]
    counts[0] += total_items - sum(counts)
    return [department_spec(DEPARTMENTS[i], n, seed=i) for i, n in enumerate(counts)]


def build_library(specs: list[CatalogueSpec], path: Path) -> Library:
    """A database holding the specs' items, brought in the way clerks do: a workbook, imported.

    Generated names repeat within a department (the importer would take a repeat for the same
    item), so repeats get a number.
    """
    rows: list[dict[str, str]] = []
    for spec in specs:
        seen: Counter[str] = Counter()
        for section in spec.sections:
            part = part_from_text(section.heading or "") or CENTRAL
            for row in section.rows:
                name = row.values["name"]
                seen[name] += 1
                if seen[name] > 1:
                    name = f"{name}（{seen[name]}）"
                values = {**row.values, "name": name, "part": part, "list_year": "2022"}
                subs = [{"sub_item": sub["sub_item"].replace(row.values["name"], name, 1)} for sub in row.sub_rows]
                rows.extend(flatten_licence_rows([CatalogueRow(values, subs)]))
    workbook = path.with_suffix(".xlsx")
    columns = ["part", "department", "name", "sub_item", "implementing_authority", "legal_basis", "level", "code",
               "list_year", "remark"]
    write_workbook(group_sheets(LICENCE, columns, rows, "part"), workbook)
    library = Library(path, user="bench")
    result = import_file(library, workbook, ImportOptions(kind=LICENCE))
    assert not result.rejected, result.rejected[:3]
    return library

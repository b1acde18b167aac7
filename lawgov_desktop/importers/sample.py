"""A generated sample list of Shanwei, written as the workbooks clerks exchange and imported like one.

The welcome screen builds the sample database from it, and ``lawgov-desktop --self-test`` imports
it to prove the installed program reads workbooks.  Going through a real workbook and the real
importer (rather than inserting records) means the sample shows exactly what an import produces.
Every title says 示例数据 and the database is marked as sample (``core.sample``), so nothing here
can be mistaken for, or printed as, the city's list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import NO_TASK, Task
from lawgov_desktop.core.sample import mark_as_sample

from .plan import ImportOptions, ImportResult, import_file

SAMPLE_MARK = "（示例数据）"
LICENCE_HEADER = ("序号", "主管部门", "事项名称", "子项", "实施机关", "设定和实施依据", "行使层级", "事项编码")
POWER_HEADER = ("序号", "事项编码", "事项名称", "职权类型", "执法领域", "实施依据", "原实施主体", "承接主体",
                "下放方式", "生效时间", "文号")

# (department, item, sub-items, legal basis, level)
CENTRAL_ITEMS: tuple[tuple[str, str, tuple[str, ...], str, str], ...] = (
    ("市发展和改革局", "企业投资项目核准", (), "《企业投资项目核准和备案管理条例》", "市级"),
    ("市发展和改革局", "固定资产投资项目节能审查", (), "《中华人民共和国节约能源法》", "市级"),
    ("市市场监督管理局", "食品生产许可", ("食品生产许可证核发", "食品生产许可证变更", "食品生产许可证延续"),
     "《中华人民共和国食品安全法》", "市级"),
    ("市市场监督管理局", "特种设备使用登记", (), "《中华人民共和国特种设备安全法》", "县级"),
    ("市生态环境局", "排污许可", ("排污许可证核发", "排污许可证变更"), "《排污许可管理条例》", "市级"),
    ("市生态环境局", "建设项目环境影响评价文件审批", (), "《中华人民共和国环境影响评价法》", "市级"),
    ("市自然资源局", "建设用地规划许可证核发", (), "《中华人民共和国城乡规划法》", "市级"),
    ("市住房和城乡建设局", "建筑工程施工许可证核发", (), "《中华人民共和国建筑法》", "县级"),
    ("市交通运输局", "道路旅客运输经营许可", (), "《中华人民共和国道路运输条例》", "县级"),
    ("市卫生健康局", "医疗机构执业登记", ("医疗机构执业登记", "医疗机构变更登记"), "《医疗机构管理条例》", "市级"),
    ("市教育局", "民办学校办学许可", (), "《中华人民共和国民办教育促进法》", "市级"),
    ("市农业农村局", "农药经营许可", (), "《农药管理条例》", "县级"),
)
LOCAL_ITEMS: tuple[tuple[str, str, tuple[str, ...], str, str], ...] = (
    ("市城市管理和综合执法局", "城市建筑垃圾处置核准", (), "《广东省城乡生活垃圾管理条例》", "县级"),
    ("市水务局", "河道管理范围内建设项目工程建设方案审批", (), "《广东省河道管理条例》", "市级"),
)
# (department, power, type, domain, legal basis, townships)
POWERS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("市城市管理和综合执法局", "对擅自设置大型户外广告的行政处罚", "行政处罚", "城市管理",
     "《城市市容和环境卫生管理条例》第三十六条", "田墘街道、东洲街道、遮浪街道"),
    ("市城市管理和综合执法局", "对在街道两侧和公共场地堆放物料的行政处罚", "行政处罚", "城市管理",
     "《城市市容和环境卫生管理条例》第三十六条", "田墘街道、东洲街道、遮浪街道"),
    ("市生态环境局", "对露天焚烧秸秆、落叶等产生烟尘污染物质的行政处罚", "行政处罚", "生态环境",
     "《中华人民共和国大气污染防治法》第一百一十九条", "田墘街道、遮浪街道"),
    ("市市场监督管理局", "对食品摊贩未按规定登记从事经营的行政处罚", "行政处罚", "市场监管",
     "《广东省食品生产加工小作坊和食品摊贩管理条例》", "东洲街道"),
    ("市自然资源局", "对未经批准非法占用土地建住宅的行政处罚", "行政处罚", "自然资源",
     "《中华人民共和国土地管理法》第七十八条", "田墘街道、东洲街道、遮浪街道"),
    ("市农业农村局", "对违反规定使用禁用渔具的行政检查", "行政检查", "农业农村",
     "《中华人民共和国渔业法》", "遮浪街道"),
)
BATCH_DOCUMENT = "汕府函〔2022〕45号"
BATCH_DATE = dt.date(2022, 10, 1)


# An item with several sub-items spans several rows: (first row index among the data rows, rows).
Spans = list[tuple[int, int]]


def _sheet(book: Workbook, name: str, title: str, header: Sequence[str], rows: list[list[object]],
           spans: Spans = ()) -> None:
    """A sheet as clerks lay it out: a merged title, the header, the rows; the cells of an item with
    several sub-items merged down over its sub-item rows (all but the 子项 column)."""
    sheet = book.create_sheet(name)
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    for first, height in spans:
        for column, label in enumerate(header, start=1):
            if label != "子项":
                sheet.merge_cells(start_row=3 + first, start_column=column, end_row=2 + first + height,
                                  end_column=column)


def _licence_rows(heading: str, items: Sequence[tuple[str, str, tuple[str, ...], str, str]], first_code: int,
                  rows: list[list[object]], spans: Spans) -> None:
    """Append one part (its heading row, then its items) to ``rows``, noting multi-row items in ``spans``."""
    rows.append([f"{heading}（共{len(items)}项）"])
    for number, (department, name, subs, basis, level) in enumerate(items, start=1):
        if len(subs) > 1:
            spans.append((len(rows), len(subs)))
        rows.append([number, department, name, subs[0] if subs else None, department, basis, level,
                     f"44150000{first_code + number:04d}"])
        rows.extend([None, None, None, sub] for sub in subs[1:])


def write_sample_workbooks(folder: Path) -> list[Path]:
    """Write the sample licence list and power list into ``folder``; returns the two files."""
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[list[object]] = []
    spans: Spans = []
    _licence_rows("一、我市实施的中央层面设定的行政许可事项", CENTRAL_ITEMS, 100, rows, spans)
    _licence_rows("二、省级地方性法规、省政府规章设定的行政许可事项", LOCAL_ITEMS, 500, rows, spans)
    licences = Workbook()
    licences.remove(licences.active)
    _sheet(licences, "许可事项", f"汕尾市行政许可事项清单{SAMPLE_MARK}", LICENCE_HEADER, rows, spans)
    licence_path = folder / "示例_行政许可事项清单.xlsx"
    licences.save(licence_path)

    powers = Workbook()
    powers.remove(powers.active)
    power_rows: list[list[object]] = [
        [number, f"44150000{700 + number:04d}", name, kind, domain, basis, department, townships, "依法下放",
         BATCH_DATE, BATCH_DOCUMENT]
        for number, (department, name, kind, domain, basis, townships) in enumerate(POWERS, start=1)]
    _sheet(powers, "第一批", f"红海湾经济开发试验区第一批镇街赋权事项目录{SAMPLE_MARK}", POWER_HEADER, power_rows)
    power_path = folder / "示例_镇街赋权事项目录.xlsx"
    powers.save(power_path)
    return [licence_path, power_path]


def import_sample(library: Library, folder: Path, task: Task = NO_TASK) -> list[ImportResult]:
    """Write the sample workbooks into ``folder`` and import them into ``library``."""
    return [import_file(library, path, ImportOptions(), task=task)
            for path in write_sample_workbooks(folder)]


def build_sample_database(path: Path, task: Task = NO_TASK) -> Path:
    """Create ``path`` as a sample database (refusing to touch an existing file) and fill it."""
    if path.exists():
        raise FileExistsError(path)
    with Library(path) as library:
        import_sample(library, path.parent / "示例清单", task)
        mark_as_sample(library)
    return path

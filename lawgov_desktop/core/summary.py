"""The summary paragraph of the annual report, written from the current figures, ready to paste.

It follows the wording of the city office's own 2022 report: "我市实施的中央层面设定的
行政许可439项，涉及市发改局等44个部门；我市实施的省级地方性法规、省政府规章设定的行政许可23项，
涉及市人防办等13个部门。2022年将三批共755项县级行政执法权下放调整由镇街实施，其中673项调整由
红海湾代管街道实施。"  The department named is the first of the part in list order, by its short
name; a functional zone is named without its 经济开发试验区-style suffix.
"""

from __future__ import annotations

from typing import Any

from .fields import CENTRAL, LOCAL, OTHER, VERTICAL

PART_WORDING = {
    CENTRAL: "中央层面设定的行政许可",
    LOCAL: "省级地方性法规、省政府规章设定的行政许可",
    VERTICAL: "垂直管理机构实施的行政许可",
    OTHER: "其他行政许可",
}
# What stands for the paragraph when it has nothing to state: no licence items and nothing handed
# to townships (a list of departments' 权责清单 alone is stated by ``responsibility_lines``).
NOTHING_TO_STATE = "当前清单中没有行政许可事项，也没有下放镇街的事项，报告用语暂无内容。"
_ZONE_SUFFIXES = ("经济开发试验区", "经济开发区", "开发试验区", "开发区", "试验区")
_SUBORDINATE = {"street": "街道", "town": "镇", "township": "乡"}
_NUMERALS = "一二三四五六七八九十"


def summary_paragraph(stats: dict[str, Any]) -> str:
    """The report's paragraph for a ``library.stats.compute()`` document (empty when the lists are)."""
    return "".join(sentence for sentence in (_licence_sentence(stats), _power_sentence(stats)) if sentence)


def responsibility_lines(stats: dict[str, Any]) -> list[str]:
    """A sentence per department with powers, as its 权责清单 states its size, ready to paste:
    "某局权责清单共N项，其中行政许可a项…（另有子项M项）。" (the counts are ``core.stats``')."""
    return [f"{row['name']}权责清单{row['summary']}。" for row in stats["breakdowns"]["power_departments"]]


def zone_short_name(name: str) -> str:
    """红海湾经济开发试验区 → 红海湾, as the report writes a functional zone."""
    for suffix in _ZONE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _licence_sentence(stats: dict[str, Any]) -> str:
    clauses = []
    for part in stats["breakdowns"]["parts"]:
        departments = part["departments"]
        if not part["items"]:
            continue
        first = departments[0]["short_name"]
        who = f"涉及{first}等{len(departments)}个部门" if len(departments) > 1 else f"由{first}实施"
        clauses.append(f"我市实施的{PART_WORDING[part['part']]}{part['items']}项，{who}")
    return "；".join(clauses) + "。" if clauses else ""


def _power_sentence(stats: dict[str, Any]) -> str:
    delegated = stats["powers"]["delegated"]
    if not delegated:
        return ""
    breakdowns = stats["breakdowns"]
    batches = [row for row in breakdowns["batches"] if row["id"] is not None]
    # "2022年将…" only when every batch was published in that one year
    years = {str(row["published_on"])[:4] if row["published_on"] else None for row in batches}
    when = f"{years.pop()}年" if len(years) == 1 and None not in years else ""
    count = f"{_numeral(len(batches))}批共" if len(batches) > 1 else "共"
    sentence = f"{when}将{count}{delegated}项县级行政执法权下放调整由镇街实施"
    regions = breakdowns["regions"]
    for zone in (row for row in regions if row["kind"] == "zone"):
        kinds = {_SUBORDINATE.get(row["kind"], "镇街") for row in regions if row["parent_id"] == zone["id"]}
        unit = kinds.pop() if len(kinds) == 1 else "镇街"
        sentence += f"，其中{zone['powers']}项调整由{zone_short_name(zone['name'])}代管{unit}实施"
    return sentence + "。"


def _numeral(number: int) -> str:
    if number == 2:
        return "两"  # 两批, not 二批
    return _NUMERALS[number - 1] if 1 <= number <= len(_NUMERALS) else str(number)

"""Sheets with the traits of real county workbooks (merged headings, title rows, notes under the table), as rows + merged ranges."""

from __future__ import annotations

import datetime as dt

LONG_BASIS = "《中华人民共和国食品安全法》第三十五条\n  《食品经营许可管理办法》第二条  \n\n《广东省食品安全条例》"

# A licence list: 附件1, a title with a grand total, 填报单位 and date lines, a two-row header
# with a group header, spaced/line-broken/full-width header texts, part rows with counts (the
# second one wrong), the department merged down, the main item merged over its sub-item rows,
# codes as an 18-digit number and as text with leading zeros, subtotal and footnote rows.
LICENCE_ROWS: list[list[object]] = [
    ["附件1"],
    ["汕尾市行政许可事项清单（2022年版）（共4项）"],
    ["填报单位：（盖章）", None, None, None, None, "填报日期：2022年10月1日"],
    ["序 号", "主管\n部门", "行政许可事项", None, "实施机关", "设定和实施依据", "行使层级", "事项编码",
     "备    注"],
    [None, None, "主项名称", "子项名称", None, None, None, None, None],
    ["一、我市实施的中央层面设定的行政许可事项（共3项）"],
    [1, "市住房城乡建设局", "建设工程消防验收", "特殊建设工程消防验收", "市住房城乡建设局",
     "《中华人民共和国消防法》第十三条", "市级", "11441500MB2C9Q1234", None],
    [None, None, None, "其他建设工程消防验收备案抽查", "市住房城乡建设局",
     "《中华人民共和国消防法》第十三条", "县级", "11441500MB2C9Q1235", "按规定抽查"],
    [2, None, "建筑工程施工许可", None, "市住房城乡建设局", "《中华人民共和国建筑法》第七条", "市级",
     123456789012345678, None],
    [3, "市市场监管局", "食品经营许可*", None, "市市场监管局（县级市场监管局）", LONG_BASIS, "分级管理",
     "0012300", None],
    ["小计", None, "3项"],
    ["二、地方性法规、省政府规章设定的行政许可事项（共2项）"],
    [4, "市交通运输局 \u3000", "港口经营许可（含  危险货物）", None, "汕尾市交通运输局（市港务管理局）",
     "《广东省港口管理条例》", "市级", 440000012, None],
    ["合计", None, "4项"],
    ["注：1.标*号的事项由县级部门实施。"],
    ["2.本清单随法律法规的修改动态调整。"],
]
LICENCE_MERGES = ["A2:I2", "A4:A5", "B4:B5", "C4:D4", "E4:E5", "F4:F5", "G4:G5", "H4:H5", "I4:I5",
                  "A6:I6", "A7:A8", "B7:B9", "C7:C8", "A12:I12", "A15:I15", "A16:I16"]

# A power list, batch 1: a three-row header (group "赋权事项" over code/name and a nested group
# "分类" over type/domain), the department merged down, the receiving townships separated by every
# separator, dates as cells and as Chinese strings, document numbers in every bracket style.
POWER_ROWS: list[list[object]] = [
    ["附件2"],
    ["汕尾市镇街综合行政执法赋权事项目录"],
    ["序号", "赋权事项", None, None, None, "原实施主体", "承接主体", "赋权方式", "生效时间", "文  号"],
    [None, "事项编码", "事项名称", "分类", None, None, None, None, None, None],
    [None, None, None, "职权类型", "执法\n领域", None, None, None, None, None],
    [1, 440000000000000123, "对擅自占用城市道路的处罚", "行政处罚", "城市管理",
     "城区城市管理和综合执法局", "田墘街道、东洲街道、遮浪街道", "依法下放", dt.date(2022, 10, 1),
     "汕府函（2022）39号"],
    [2, "0012345", "对违规设置户外广告的处罚", "行政处罚", "城市管理", None, "田墘街道，东洲街道",
     "委托实施", "2022年10月1日", "汕府函[2022]39号"],
    [3, 12345, "对在街道两侧堆放物品的检查", "行政检查", "城市管理", None,
     "红海湾经济开发试验区田墘街道；城区捷胜镇", "依法下放", "2022.10.1", "汕府函【2022】39号"],
    [4, "44-0004", "对违法建设的强制拆除", "行政强制", "自然资源", "海丰县自然资源局", "田墘街道\n东洲街道",
     "依法下放", "2022/10/1", "汕府函(2022)39号"],
    [5, "44-0005", "对破坏耕地的处罚", "行政处罚", "自然资源", "海丰县自然资源局",
     "田墘街道,东洲街道;遮浪街道", "依法下放", "2022年10月", "汕府函［2022］39号"],
    [6, "44-0006", "对非法占用林地的处罚", "行政处罚", "林业", "海丰县林业局", "田墘街道 东洲街道",
     "依法下放", "不详", "汕府函〔2022〕39号"],
]
POWER_MERGES = ["A2:J2", "A3:A5", "B3:E3", "F3:F5", "G3:G5", "H3:H5", "I3:I5", "J3:J5", "B4:B5",
                "C4:C5", "D4:E4", "F6:F8"]

# Batch 2 is a sheet of its own, with a plain one-row header.
POWER2_ROWS: list[list[object]] = [
    ["事项编码", "事项名称", "职权类型", "原实施主体", "承接主体"],
    ["44-1001", "对违规排放污水的处罚", "行政处罚", "城区生态环境局", "东洲街道"],
]

# A batch named only in the title of a sheet with a neutral name.
POWER3_ROWS: list[list[object]] = [
    ["汕尾市第三批镇街赋权事项目录"],
    ["事项名称", "原实施主体", "承接主体"],
    ["对违规经营的处罚", "城区市场监管局", "遮浪街道"],
]

# A batch column instead of a sheet per batch.
POWER_BATCH_COLUMN_ROWS: list[list[object]] = [
    ["批次", "事项名称", "原实施主体", "承接单位", "调整类型"],
    ["第2批", "对违规养犬的处罚", "城区公安局", "田墘街道", "新增"],
    ["第一批", "对噪声扰民的处罚", "城区公安局", "东洲街道", "收回"],
]

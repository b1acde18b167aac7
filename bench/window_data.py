"""Databases for looking at and timing the window: a small real-looking one and a 100,000-record one.

The large one is written with ``executemany`` through the library's own connection and indexed
once with ``library.lists.reindex`` (one ``create()`` per row would take minutes); the small one goes
through ``library.records.create`` like a clerk's edits, so it also exercises validation and the change log.
"""

from __future__ import annotations

import random
from pathlib import Path

from lawgov_desktop.core.clock import now_text
from lawgov_desktop.core.fields import LEVELS, POWER_TYPES
from lawgov_desktop.core.library import Library

# Shanwei city departments with their short names (市发改局 = 市发展和改革局).
DEPARTMENTS = (
    ("市发展和改革局", "市发改局、市发展改革局"),
    ("市教育局", ""),
    ("市科学技术局", "市科技局"),
    ("市工业和信息化局", "市工信局"),
    ("市公安局", ""),
    ("市民政局", ""),
    ("市司法局", ""),
    ("市财政局", ""),
    ("市人力资源和社会保障局", "市人社局"),
    ("市自然资源局", "市自然资源局（市林业局）"),
    ("市生态环境局", "市环境局"),
    ("市住房和城乡建设局", "市住建局"),
    ("市交通运输局", "市交通局"),
    ("市水务局", ""),
    ("市农业农村局", "市农业局"),
    ("市商务局", ""),
    ("市文化广电旅游体育局", "市文广旅体局"),
    ("市卫生健康局", "市卫健局"),
    ("市应急管理局", "市应急局"),
    ("市市场监督管理局", "市市场监管局"),
    ("市城市管理和综合执法局", "市城管执法局"),
    ("市海洋与渔业局", "市海渔局"),
    ("市医疗保障局", "市医保局"),
    ("市林业局", ""),
)

# Objects and acts that real licence item names are made of.
OBJECTS = (
    "建设工程", "食品生产", "食品经营", "药品零售", "医疗机构", "危险化学品", "燃气经营", "道路运输",
    "出租汽车", "建筑施工企业", "房地产开发企业", "民办学校", "人力资源服务机构", "劳务派遣",
    "排污", "取水", "水产苗种生产", "渔业捕捞", "林木采伐", "烟花爆竹经营", "娱乐场所", "网吧",
    "旅行社", "户外广告设施", "城市道路占用", "城镇污水排入排水管网", "大型群众性活动", "养老机构",
    "医师执业", "护士执业", "放射诊疗", "母婴保健技术服务", "特种设备", "计量器具", "港口经营",
    "船舶污染物接收", "农药经营", "兽药经营", "种子生产经营", "动物诊疗", "生猪定点屠宰",
)
ACTS = ("许可", "审批", "核准", "登记", "备案审查", "资质认定", "设立审批", "变更许可", "延续许可",
        "注销审批")
LAWS = (
    "中华人民共和国行政许可法", "中华人民共和国食品安全法", "中华人民共和国药品管理法",
    "中华人民共和国建筑法", "中华人民共和国消防法", "中华人民共和国道路运输条例",
    "中华人民共和国水污染防治法", "中华人民共和国渔业法", "中华人民共和国森林法",
    "危险化学品安全管理条例", "城镇燃气管理条例", "广东省城乡生活垃圾管理条例",
    "娱乐场所管理条例", "医疗机构管理条例", "特种设备安全法", "城市道路管理条例",
)
OFFENCES = (
    "未取得许可擅自从事经营活动", "违反规定倾倒建筑垃圾", "占用城市道路摆摊设点", "擅自设置户外广告",
    "未按规定办理排污登记", "违法捕捞水产品", "擅自砍伐林木", "未落实安全生产责任制",
    "销售不符合标准的农药", "在禁渔期内捕捞", "违规排放餐饮油烟", "露天焚烧秸秆",
    "未按规定公示价格", "违法建设", "占用消防通道", "非法采砂",
)
SUBJECTS = ("个人", "单位", "经营者", "生产经营单位", "建设单位", "施工单位", "船舶所有人", "餐饮服务提供者")
DOMAINS = ("市场监管", "生态环境", "城市管理", "农业农村", "海洋渔业", "自然资源", "卫生健康", "应急管理",
           "交通运输", "文化旅游")


def _legal_basis(rng: random.Random) -> str:
    laws = rng.sample(LAWS, rng.randint(1, 3))
    return "\n".join(f"《{law}》第{rng.randint(2, 90)}条" for law in laws)


def _departments(lib: Library) -> list[int]:
    city = lib.records.find_region("汕尾市")
    ids = []
    for name, aliases in DEPARTMENTS:
        found = lib.records.find_department(name)
        ids.append(found if found is not None else lib.records.create(
            "department", {"name": name, "aliases": aliases, "level": "市级", "region_id": city}))
    return ids


def _batches(lib: Library) -> list[int]:
    names = (("第一批", "汕府函〔2022〕45号", "2022-03-01"), ("第二批", "汕府函〔2022〕188号", "2022-07-15"),
             ("第三批", "汕府函〔2022〕301号", "2022-11-20"))
    ids = []
    for name, number, day in names:
        found = lib.records.find_batch(name)
        ids.append(found if found is not None else lib.records.create(
            "batch", {"name": name, "document_number": number, "published_on": day}))
    return ids


def _streets(lib: Library) -> list[int]:
    return [lib.records.find_region(name) for name in ("田墘街道", "东洲街道", "遮浪街道")]


def build_large(path: Path, records: int = 100_000, seed: int = 7) -> None:
    """A database of ``records`` licence items (60%, a sixth of them sub-items) and powers (40%)."""
    rng = random.Random(seed)
    stamp = now_text()
    with Library(path) as lib:
        departments = _departments(lib)
        batches = _batches(lib)
        streets = _streets(lib)
        licence_count = records * 6 // 10
        main_count = licence_count * 5 // 6
        licence_rows = []
        for index in range(1, main_count + 1):
            name = f"{rng.choice(OBJECTS)}{rng.choice(ACTS)}（{index}）"
            licence_rows.append((
                index, None, rng.choice(("central", "central", "central", "local")), rng.choice(departments),
                str(index), name, rng.choice(DEPARTMENTS)[0], _legal_basis(rng), rng.choice(LEVELS),
                f"{rng.randint(10000, 99999)}{index:06d}", rng.choice(("许可证", "批准文书", None)), "2022",
                "有效", None, index, stamp, stamp))
        for offset in range(licence_count - main_count):
            parent = rng.randint(1, main_count)
            index = main_count + offset + 1
            licence_rows.append((
                index, parent, "central", licence_rows[parent - 1][3], None,
                f"{rng.choice(OBJECTS)}{rng.choice(ACTS)}（子项{index}）", None, None, "市级", None, None,
                "2022", "有效", None, index, stamp, stamp))
        power_rows = []
        delegation_rows = []
        for index in range(1, records - licence_count + 1):
            offence = rng.choice(OFFENCES)
            power_rows.append((
                index, str(index), f"4415{index:08d}", f"对{rng.choice(SUBJECTS)}{offence}的行政处罚",
                rng.choice(POWER_TYPES[:3]), rng.choice(DOMAINS), _legal_basis(rng),
                "责令改正，处一千元以上一万元以下罚款", rng.choice(departments), "有效", None, index,
                stamp, stamp))
            batch = rng.choice(batches)
            for street in rng.sample(streets, rng.randint(1, 3)):
                delegation_rows.append((index, street, batch, "依法下放", "全部", "2022-10-01", "新增",
                                        None, stamp, stamp))
        with lib.store.transaction() as conn:
            conn.executemany(
                "INSERT INTO licence_item (id, parent_id, part, department_id, sequence, name,"
                " implementing_authority, legal_basis, level, code, certificate, list_year, status, remark,"
                " position, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", licence_rows)
            conn.executemany(
                "INSERT INTO power (id, sequence, code, name, power_type, domain, legal_basis, penalty_range,"
                " department_id, status, remark, position, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", power_rows)
            conn.executemany(
                "INSERT INTO delegation (power_id, region_id, batch_id, mode, scope, effective_date,"
                " change_kind, document_number, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                delegation_rows)
        lib.lists.reindex("licence")
        lib.lists.reindex("power")


# A handful of real-sounding items for screenshots and for a clerk to try the window on.
DEMO_LICENCES = (
    ("市发展和改革局", "企业投资项目核准", "市发展和改革局",
     "《企业投资项目核准和备案管理条例》第三条\n《政府核准的投资项目目录（广东省）》", "市级", ()),
    ("市发展和改革局", "固定资产投资项目节能审查", "市发展和改革局",
     "《中华人民共和国节约能源法》第十五条\n《固定资产投资项目节能审查办法》", "市级", ()),
    ("市市场监督管理局", "食品生产许可", "市市场监督管理局",
     "《中华人民共和国食品安全法》第三十五条", "市级",
     ("食品生产许可证核发", "食品生产许可证变更", "食品生产许可证延续", "食品生产许可证注销")),
    ("市市场监督管理局", "特种设备使用登记", "市市场监督管理局", "《中华人民共和国特种设备安全法》第三十三条",
     "县级", ()),
    ("市市场监督管理局", "计量标准器具核准", "市市场监督管理局", "《中华人民共和国计量法》第六条", "市级", ()),
    ("市生态环境局", "排污许可", "市生态环境局",
     "《中华人民共和国环境保护法》第四十五条\n《排污许可管理条例》第三条", "市级",
     ("排污许可证核发", "排污许可证变更", "排污许可证延续")),
    ("市生态环境局", "建设项目环境影响评价文件审批", "市生态环境局",
     "《中华人民共和国环境影响评价法》第二十二条", "市级", ()),
    ("市住房和城乡建设局", "建筑工程施工许可", "市住房和城乡建设局", "《中华人民共和国建筑法》第七条", "县级", ()),
    ("市住房和城乡建设局", "燃气经营许可", "市住房和城乡建设局", "《城镇燃气管理条例》第十五条", "市级", ()),
    ("市交通运输局", "道路旅客运输经营许可", "市交通运输局", "《中华人民共和国道路运输条例》第十条", "市级", ()),
    ("市卫生健康局", "医疗机构执业登记", "市卫生健康局", "《医疗机构管理条例》第九条", "市级",
     ("医疗机构执业登记（设置床位100张以下）", "医疗机构变更登记")),
    ("市教育局", "民办学校设立审批", "市教育局", "《中华人民共和国民办教育促进法》第十二条", "市级", ()),
    ("市应急管理局", "危险化学品经营许可", "市应急管理局", "《危险化学品安全管理条例》第三十三条", "县级", ()),
    ("市海洋与渔业局", "渔业捕捞许可", "市海洋与渔业局", "《中华人民共和国渔业法》第二十三条", "县级", ()),
    ("市农业农村局", "农药经营许可", "市农业农村局", "《农药管理条例》第二十四条", "县级", ()),
    ("市文化广电旅游体育局", "娱乐场所从事娱乐场所经营活动审批", "市文化广电旅游体育局",
     "《娱乐场所管理条例》第九条", "县级", ()),
)
DEMO_POWERS = (
    ("市城市管理和综合执法局", "对擅自设置大型户外广告的行政处罚", "行政处罚", "城市管理",
     "《城市市容和环境卫生管理条例》第三十六条", ("田墘街道", "东洲街道", "遮浪街道"), "第一批"),
    ("市城市管理和综合执法局", "对占用城市道路摆摊设点的行政处罚", "行政处罚", "城市管理",
     "《城市道路管理条例》第四十二条", ("田墘街道", "东洲街道"), "第一批"),
    ("市生态环境局", "对露天焚烧秸秆、落叶等产生烟尘污染物质的行政处罚", "行政处罚", "生态环境",
     "《中华人民共和国大气污染防治法》第一百一十九条", ("遮浪街道",), "第二批"),
    ("市市场监督管理局", "对餐饮服务提供者未按规定公示食品经营许可证的行政处罚", "行政处罚", "市场监管",
     "《中华人民共和国食品安全法》第一百二十六条", ("田墘街道", "东洲街道", "遮浪街道"), "第二批"),
    ("市海洋与渔业局", "对在禁渔期内使用禁用渔具捕捞的行政处罚", "行政处罚", "海洋渔业",
     "《中华人民共和国渔业法》第三十八条", ("遮浪街道",), "第三批"),
    ("市自然资源局", "对非法占用土地建住宅的行政处罚", "行政处罚", "自然资源",
     "《中华人民共和国土地管理法》第七十八条", ("田墘街道", "东洲街道", "遮浪街道"), "第一批"),
    ("市应急管理局", "对生产经营单位未落实安全生产责任制的行政检查", "行政检查", "应急管理",
     "《中华人民共和国安全生产法》第六十五条", ("东洲街道",), "第三批"),
    ("市住房和城乡建设局", "对违法建设的查封施工现场", "行政强制", "城市管理",
     "《中华人民共和国城乡规划法》第六十八条", ("田墘街道", "东洲街道"), "第二批"),
)


def build_demo(path: Path) -> None:
    """A small database that reads like a real city list, built through ``library.records.create``."""
    with Library(path) as lib:
        _departments(lib)
        _batches(lib)
        for index, (department, name, authority, basis, level, subs) in enumerate(DEMO_LICENCES, start=1):
            item = lib.records.create("licence", {"department": department, "name": name, "sequence": str(index),
                                          "implementing_authority": authority, "legal_basis": basis,
                                          "level": level, "part": "central", "list_year": "2022",
                                          "code": f"1144150000{index:04d}"})
            for sub in subs:
                lib.records.create("licence", {"parent_id": item, "name": sub, "implementing_authority": authority})
        for index, (department, name, kind, domain, basis, streets, batch) in enumerate(DEMO_POWERS, start=1):
            power = lib.records.create("power", {"department": department, "name": name, "power_type": kind,
                                         "domain": domain, "legal_basis": basis, "sequence": str(index),
                                         "code": f"4415002{index:05d}"})
            for street in streets:
                lib.records.create("delegation", {"power_id": power, "region": street, "batch": batch,
                                          "mode": "依法下放", "scope": "全部", "effective_date": "2022-10-01",
                                          "document_number": "汕府函(2022)45号"})


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/demo.sqlite3")
    if sys.argv[1:2] == ["large"]:
        build_large(target)
    else:
        build_demo(target)
    print(target)

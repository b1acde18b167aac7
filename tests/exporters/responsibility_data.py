"""A small 权责清单 built through the library as the importer stores one: two departments, powers of
several types created out of the standard order, a licence with sub-items that fill some cells of
their own, and the long legal texts of the published lists (实施依据, 责任事项, 追责情形)."""

from __future__ import annotations

from lawgov_desktop.core.library import Library

HOUSING = "市住房和城乡建设局"
ARCHIVES = "市档案局"
ACCOUNTABILITY = (
    "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应的责任：\n"
    "1.对符合法定条件的行政许可申请不予受理的；\n2.对不符合法定条件的申请人准予行政许可或者超越法定职权作出准予行政许可决定的；\n"
    "3.对符合法定条件的申请人不予行政许可或者不在法定期限内作出准予行政许可决定的；\n"
    "4.在行政许可中滥用职权、玩忽职守、徇私舞弊或者泄露国家秘密、商业秘密的；\n5.在行政许可过程中发生腐败行为的；\n"
    "6.未依法说明不受理行政许可申请或者不予行政许可理由的；\n7.违法实施行政许可行为对公共利益和其他利害关系人利益造成损害的；\n"
    "8.违法收取费用的；\n9.其他违反法律法规规章文件规定的行为。")
RESPONSIBILITY_TEXT = (
    "直接实施责任：\n1.规范完善审批标准、程序等具体规定；主动公示依据、条件、数量、程序、期限以及需要提交的全部材料的目录和申请书示范文本。\n"
    "2.依法依规实施行政许可，作出的准予行政许可决定应当予以公开。\n"
    "3.建立健全监督制度，对被许可人从事行政许可事项的活动进行监督。\n指导监督责任：\n"
    "4.指导下级行政机关完善审批标准、程序等具体规定。\n5.对下级行政机关实施行政许可进行监督，及时纠正行政许可实施中的违法行为。")
BASIS = ("【法律】《中华人民共和国建筑法》（1997年11月1日第八届全国人民代表大会常务委员会第二十八次会议通过，根据2019年4月23日"
         "第十三届全国人民代表大会常务委员会第十次会议《关于修改〈中华人民共和国建筑法〉等八部法律的决定》第二次修正）\n"
         "第七条：建筑工程开工前，建设单位应当按照国家有关规定向工程所在地县级以上人民政府建设行政主管部门申请领取施工许可证。")
DETAILS = {"legal_basis": BASIS, "handling_office": "建筑市场监管科", "level": "地州市级", "responsibility": RESPONSIBILITY_TEXT,
           "accountability_cases": ACCOUNTABILITY}
# (name, type) in the order the department's workbook happened to list them: not the standard order.
HOUSING_POWERS = (
    ("对未取得施工许可证擅自施工的处罚", "行政处罚"),
    ("建筑工程施工许可", "行政许可"),
    ("对建筑市场的监督检查", "行政检查"),
    ("房屋建筑工程竣工验收备案", "其他行政权力"),
    ("城镇污水排入排水管网许可", "行政许可"),
    ("对违法建设的处罚", "行政处罚"),
)
SUB_ITEMS = ("建筑工程施工许可证核发", "建筑工程施工许可证变更")
HOUSING_SUMMARY = "共6项，其中行政许可2项、行政处罚2项、行政检查1项、其他行政权力1项（另有子项2项）"
ARCHIVES_SUMMARY = "共2项，其中行政处罚1项、其他行政权力1项"


def build_responsibility_lists(library: Library) -> dict[str, int]:
    """Both departments' lists; returns the ids of the licence with sub-items and of its sub-items."""
    for name in (HOUSING, ARCHIVES):
        library.records.create("department", {"name": name, "level": "市级"})
    ids: dict[str, int] = {}
    for number, (name, power_type) in enumerate(HOUSING_POWERS, start=1):
        ids[name] = library.records.create("power", {"department": HOUSING, "name": name, "power_type": power_type,
                                             "sequence": str(number), **DETAILS})
    for name in SUB_ITEMS:  # the second sub-item has a 实施层级 of its own
        ids[name] = library.records.create("power", {"parent_id": ids["建筑工程施工许可"], "name": name,
                                             **({"level": "县市区级"} if name.endswith("变更") else {})})
    library.records.create("power", {"department": ARCHIVES, "name": "档案移交接收", "power_type": "其他行政权力"})
    library.records.create("power", {"department": ARCHIVES, "name": "对损毁档案的处罚", "power_type": "行政处罚"})
    return ids

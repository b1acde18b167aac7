"""``show``, ``add``, ``edit``, ``delete``, ``merge-departments``, ``undo`` and ``log``."""

from __future__ import annotations

import io
import json
import os

import pytest


def created_id(result) -> int:
    """``add`` prints the new id and nothing else."""
    assert result.code == 0, result.err
    return int(result.out.strip())


def shown(lawgov, kind: str, record_id: int) -> dict:
    result = lawgov("show", kind, str(record_id), "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


class PipeStdin(io.StringIO):
    """stdin as a script or a pipe gives it: nobody to answer a question."""

    def isatty(self) -> bool:
        return False


class TerminalStdin(io.StringIO):
    """stdin at a terminal where the clerk types an answer."""

    def isatty(self) -> bool:
        return True


# ----------------------------------------------------------------------------------------- show
def test_show_licence_item_lists_its_sub_items(lawgov) -> None:
    result = lawgov("show", "licence", "1")
    assert result.code == 0
    assert result.out.splitlines()[0] == "行政许可事项（编号 1）"
    assert "主管部门  汕尾市发展和改革局（编号 1）" in result.out
    assert "部分      中央层面设定" in result.out
    assert "子项（2）" in result.out and "企业投资项目核准（变更）" in result.out
    record = shown(lawgov, "items", 1)
    assert [sub["name"] for sub in record["sub_items"]] == ["企业投资项目核准（新建）", "企业投资项目核准（变更）"]


def test_show_power_lists_its_delegations(lawgov) -> None:
    result = lawgov("show", "power", "1")
    assert "赋权承接（3）" in result.out
    assert all(street in result.out for street in ("田墘街道", "东洲街道", "遮浪街道"))
    record = shown(lawgov, "power", 1)
    assert [d["region"] for d in record["delegations"]] == ["田墘街道", "东洲街道", "遮浪街道"]
    assert {d["batch"] for d in record["delegations"]} == {"第一批"}


def test_show_department_and_region_list_aliases(lawgov) -> None:
    assert "简称      市发展改革局、市发改局" in lawgov("show", "department", "1").out
    assert shown(lawgov, "department", 1)["aliases"] == ["市发展改革局", "市发改局"]
    region = lawgov("show", "region", "8")
    assert "上级区划  红海湾经济开发试验区（编号 6）" in region.out and "简称      田墘" in region.out


def test_show_sub_item_names_its_main_item_and_delegation_its_power(lawgov) -> None:
    assert "所属主项  企业投资项目核准（编号 1）" in lawgov("show", "licence", "2").out
    delegation = lawgov("show", "delegation", "1").out
    assert "承接主体  田墘街道（编号 8）" in delegation and "批次      第一批（编号 1）" in delegation


def test_show_unknown_record_is_one_line(lawgov) -> None:
    result = lawgov("show", "licence", "999")
    assert result.code == 1 and result.out == ""
    assert result.err.strip() == "错误：未找到行政许可事项（编号 999）。"


# ------------------------------------------------------------------------------------------ add
def test_add_licence_with_options_prints_its_id(lawgov) -> None:
    new_id = created_id(lawgov("add", "licence", "--name", "药品零售企业许可", "--department", "市市场监管局",
                               "--part", "中央层面设定", "--legal-basis", "《药品管理法》", "--level", "县级"))
    record = shown(lawgov, "licence", new_id)
    assert record["name"] == "药品零售企业许可" and record["department"] == "汕尾市市场监督管理局"
    assert record["part"] == "central" and record["legal_basis"] == "《药品管理法》"


def test_add_from_json_text_and_file(lawgov, tmp_path) -> None:
    department = created_id(lawgov("add", "department", "--json",
                                   '{"name": "汕尾市教育局", "aliases": ["市教育局"], "region": "汕尾市"}'))
    assert shown(lawgov, "department", department)["aliases"] == ["市教育局"]
    document = tmp_path / "事项.json"
    document.write_text(json.dumps({"name": "教师资格认定", "department": "市教育局"}, ensure_ascii=False),
                        encoding="utf-8-sig")
    item = created_id(lawgov("add", "items", "--json", f"@{document}", "--remark", "选项优先"))
    record = shown(lawgov, "licence", item)
    assert record["department_id"] == department and record["remark"] == "选项优先"


def test_add_delegation_by_names(lawgov) -> None:
    new_id = created_id(lawgov("add", "delegation", "--power", "P003", "--region", "华侨区", "--batch", "第二批",
                               "--document-number", "汕府(2022)9号", "--effective-date", "2022年10月1日"))
    record = shown(lawgov, "delegation", new_id)
    assert (record["power"], record["region"], record["batch"]) == ("对价格违法行为的处罚", "华侨管理区", "第二批")
    assert record["document_number"] == "汕府〔2022〕9号" and record["effective_date"] == "2022-10-01"


def test_add_region_and_batch(lawgov) -> None:
    street = created_id(lawgov("add", "region", "--name", "捷胜镇", "--kind", "镇", "--parent", "城区"))
    assert shown(lawgov, "region", street)["parent"] == "城区"
    batch = created_id(lawgov("add", "batch", "--name", "第三批"))
    assert shown(lawgov, "batch", batch)["name"] == "第三批"


def test_missing_name_gives_one_line_per_field(lawgov) -> None:
    result = lawgov("add", "licence", "--remark", "无名")
    assert result.code == 2 and result.out == ""
    lines = result.err.strip().splitlines()
    assert sorted(lines) == ["主管部门：请填写“主管部门”。", "事项名称：请填写“事项名称”。"]


def test_unknown_department_is_a_validation_error(lawgov) -> None:
    result = lawgov("add", "licence", "--name", "新事项", "--department", "市不存在局")
    assert result.code == 2
    assert result.err.strip() == "主管部门：未找到部门“市不存在局”，请先添加该部门或检查名称、简称。"


def test_duplicate_item_is_refused(lawgov) -> None:
    result = lawgov("add", "licence", "--name", "食品生产许可", "--department", "汕尾市市场监督管理局")
    assert result.code == 2
    assert result.err.strip() == "事项名称：该部门已有同名事项“食品生产许可”。"
    assert json.loads(lawgov("list", "items", "--json").out)["total"] == 4


def test_add_needs_a_field_and_valid_json(lawgov, tmp_path) -> None:
    assert lawgov("add", "licence").code == 2
    broken = lawgov("add", "licence", "--json", "{name: 1}")
    assert broken.code == 2 and "JSON" in broken.err and len(broken.err.splitlines()) == 1
    not_object = lawgov("add", "licence", "--json", "[1, 2]")
    assert not_object.code == 2 and "对象" in not_object.err
    missing = lawgov("add", "licence", "--json", f"@{tmp_path / 'none.json'}")
    assert missing.code == 1 and "none.json" in missing.err and len(missing.err.splitlines()) == 1


def test_a_field_the_kind_does_not_have_is_refused(lawgov) -> None:
    result = lawgov("add", "batch", "--json", '{"name": "第四批", "colour": "red"}')
    assert result.code == 2 and "colour" in result.err
    assert lawgov("add", "batch", "--department", "市发改局").code == 2  # not an option of batch


# ----------------------------------------------------------------------------------------- edit
def test_edit_prints_each_change_old_to_new(lawgov) -> None:
    result = lawgov("edit", "licence", "4", "--level", "县级", "--remark", "试点")
    assert result.code == 0, result.err
    assert "行使层级：市级 → 县级" in result.out and "备注：（空） → 试点" in result.out
    assert shown(lawgov, "licence", 4)["level"] == "县级"
    same = lawgov("edit", "licence", "4", "--level", "县级")
    assert same.code == 0 and same.out.strip() == "没有需要修改的内容。"


def test_edit_department_by_alias_and_json(lawgov) -> None:
    result = lawgov("edit", "licence", "4", "--json", '{"department": "市发改局"}')
    assert result.out.strip() == "主管部门：汕尾市市场监督管理局 → 汕尾市发展和改革局"
    assert shown(lawgov, "licence", 4)["department"] == "汕尾市发展和改革局"
    aliases = lawgov("edit", "department", "3", "--aliases", "市自然资源局、市国土局")
    assert aliases.out.strip() == "简称：市自然资源局 → 市国土局、市自然资源局"
    assert shown(lawgov, "department", 3)["aliases"] == ["市国土局", "市自然资源局"]


def test_edit_moves_a_sub_item_and_names_both_main_items(lawgov) -> None:
    result = lawgov("edit", "licence", "2", "--parent-id", "4")
    assert "所属主项：企业投资项目核准 → 食品生产许可" in result.out


def test_edit_validation_and_missing_record(lawgov) -> None:
    clash = lawgov("edit", "licence", "5", "--name", "食品生产许可")
    assert clash.code == 2 and clash.err.startswith("事项名称：该部门已有同名事项")
    assert lawgov("edit", "licence", "999", "--name", "x").code == 1


# --------------------------------------------------------------------------------------- delete
def test_delete_without_yes_refuses_from_a_pipe(lawgov, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", PipeStdin(""))
    result = lawgov("delete", "licence", "1")
    assert result.code == 2
    assert result.err.strip() == "用法错误：删除需要确认：请加 --yes"
    assert "企业投资项目核准" in result.out and "子项 2 项" in result.out
    assert shown(lawgov, "licence", 1)["name"] == "企业投资项目核准"


def test_delete_asks_at_a_terminal(lawgov, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", TerminalStdin("n\n"))
    kept = lawgov("delete", "licence", "4")
    assert kept.code == 1 and "未删除" in kept.out and "确定删除" in kept.err
    monkeypatch.setattr("sys.stdin", TerminalStdin("y\n"))
    assert lawgov("delete", "licence", "4").code == 0
    assert lawgov("show", "licence", "4").code == 1


def test_delete_with_yes_takes_what_belongs_to_it(lawgov) -> None:
    result = lawgov("delete", "power", "1", "--yes")
    assert result.code == 0
    assert "已删除赋权执法事项“对未取得食品经营许可从事食品经营活动的处罚”（编号 1），连同赋权承接 3 项" in result.out
    assert json.loads(lawgov("list", "powers", "--json").out)["total"] == 2
    assert lawgov("show", "delegation", "1").code == 1


def test_delete_of_a_department_in_use_is_refused(lawgov) -> None:
    result = lawgov("delete", "department", "1", "--yes")
    assert result.code == 1 and "不能删除" in result.err and len(result.err.splitlines()) == 1


# ------------------------------------------------------------------------------ merge and undo
def test_merge_departments_by_alias_and_undo(lawgov) -> None:
    result = lawgov("merge-departments", "市发改局", "市自然资源局")
    assert result.code == 0, result.err
    assert "移入许可事项 1 项、执法事项 1 项" in result.out
    keep = shown(lawgov, "department", 1)
    assert "汕尾市自然资源局" in keep["aliases"] and "市自然资源局" in keep["aliases"]
    assert names_of(lawgov, "--department", "市自然资源局") == ["企业投资项目核准", "建设用地规划许可"]
    undone = lawgov("undo")
    assert undone.code == 0, undone.err
    assert "撤销完成" in undone.out
    assert shown(lawgov, "department", 3)["name"] == "汕尾市自然资源局"
    assert names_of(lawgov, "--department", "市自然资源局") == ["建设用地规划许可"]


def names_of(lawgov, *filters: str) -> list[str]:
    return [row["name"] for row in json.loads(lawgov("list", "items", *filters, "--json").out)["rows"]]


def test_merge_errors(lawgov) -> None:
    assert lawgov("merge-departments", "市发改局", "市发改局").code == 2
    unknown = lawgov("merge-departments", "1", "市不存在局")
    assert unknown.code == 1 and "市不存在局" in unknown.err


def test_undo_add_then_redo(lawgov) -> None:
    new_id = created_id(lawgov("add", "batch", "--name", "第三批"))
    undone = lawgov("undo")
    assert "删除批次“第三批”" in undone.out
    assert lawgov("show", "batch", str(new_id)).code == 1
    redone = lawgov("undo")
    assert redone.code == 0 and shown(lawgov, "batch", new_id)["name"] == "第三批"


def test_undo_a_given_change_or_operation(lawgov) -> None:
    lawgov("edit", "licence", "4", "--remark", "一")
    lawgov("edit", "licence", "5", "--remark", "二")
    entries = json.loads(lawgov("log", "--limit", "2", "--json").out)["rows"]
    older = entries[1]
    assert older["entity_id"] == 4
    assert lawgov("undo", str(older["id"])).code == 0
    assert shown(lawgov, "licence", 4)["remark"] is None and shown(lawgov, "licence", 5)["remark"] == "二"
    assert lawgov("undo", entries[0]["operation"]).code == 0
    assert shown(lawgov, "licence", 5)["remark"] is None
    assert lawgov("undo", "no-such-operation").code == 1


def test_undo_with_an_empty_log(run_cli, blank_db) -> None:
    result = run_cli("undo", db=blank_db)
    assert result.code == 1 and result.err.strip() == "错误：没有可撤销的操作。"


# ------------------------------------------------------------------------------------------ log
def test_log_records_add_edit_delete_with_user(lawgov) -> None:
    new_id = created_id(lawgov("add", "licence", "--name", "测试许可", "--department", "市发改局"))
    lawgov("edit", "licence", str(new_id), "--remark", "改")
    lawgov("delete", "licence", str(new_id), "--yes")
    document = json.loads(lawgov("log", "--kind", "licence", "--id", str(new_id), "--json").out)
    assert document["total"] == 3
    assert [row["action"] for row in document["rows"]] == ["delete", "update", "create"]
    user = os.environ["LAWGOV_USER"]  # set by the run_cli fixture
    assert user == "测试员" and {row["user"] for row in document["rows"]} == {user}
    assert document["rows"][1]["before"]["remark"] is None and document["rows"][1]["after"]["remark"] == "改"
    assert document["rows"][0]["after"] is None
    text = lawgov("log", "--limit", "3").out.splitlines()
    assert text[0].split() == ["编号", "时间", "用户", "操作", "记录类型", "摘要"]
    assert "删除" in text[2] and user in text[2] and "删除行政许可事项“测试许可”" in text[2]
    assert text[-1].startswith("显示 3 条 / 共 ")


def test_log_search_and_reverted_mark(lawgov) -> None:
    lawgov("edit", "licence", "4", "--remark", "甲")
    lawgov("undo")
    found = lawgov("log", "--search", "食品生产许可", "--limit", "5").out
    assert "（已撤销）" in found
    assert json.loads(lawgov("log", "--search", "没有这样的摘要", "--json").out) == {"total": 0, "rows": []}


@pytest.mark.parametrize("kind", ["items", "licence", "item"])
def test_kind_spellings_are_accepted(lawgov, kind: str) -> None:
    assert lawgov("show", kind, "1").code == 0

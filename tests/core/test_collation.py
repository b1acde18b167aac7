"""Chinese text sorts as Excel and WPS sort it: by pinyin, character by character."""

from __future__ import annotations

from lawgov_desktop.core.collation import _gb2312_level_one, sort_key

DEPARTMENTS_IN_PINYIN_ORDER = ["市发展和改革局", "市交通运输局", "市农业农村局", "市卫生健康局", "市住房和城乡建设局"]


def test_departments_sort_by_pinyin_not_by_code_point() -> None:
    by_code_point = sorted(DEPARTMENTS_IN_PINYIN_ORDER)
    assert by_code_point != DEPARTMENTS_IN_PINYIN_ORDER
    assert sorted(by_code_point, key=sort_key) == DEPARTMENTS_IN_PINYIN_ORDER


def test_digits_and_latin_letters_come_before_chinese_and_fullwidth_counts_as_plain() -> None:
    names = ["汕尾市", "Ｂ栋", "A栋", "2号楼", "10号楼"]
    assert sorted(names, key=sort_key) == ["10号楼", "2号楼", "A栋", "Ｂ栋", "汕尾市"]


def test_a_reading_sorts_before_the_longer_readings_it_begins() -> None:
    assert sorted(["先进", "西安", "发展", "反映"], key=sort_key) == ["发展", "反映", "西安", "先进"]


def test_empty_text_sorts_first_and_spaces_do_not_count() -> None:
    assert sort_key(None) == sort_key("") == ""
    assert sort_key("市 农业农村局") == sort_key("市农业农村局")
    assert sorted(["农业", "", "安全"], key=sort_key) == ["", "安全", "农业"]


def test_the_common_characters_follow_gb2312_order_as_windows_sorts_them() -> None:
    """GB2312's 3,755 common characters are in pinyin order; the readings chosen must agree,
    polyphones included (长 as chang, 还 as huan, 着 as zhuo)."""
    common = _gb2312_level_one()
    letters = [sort_key(char)[1:-7] for char in common]  # reading without class mark, tone, place and end
    out_of_order = [(common[i], letters[i]) for i in range(1, len(common)) if letters[i - 1] > letters[i]]
    assert len(common) == 3755
    assert out_of_order == []
    assert sorted(["长沙", "还款", "曾经", "场地", "欢迎"], key=sort_key) == ["长沙", "场地", "欢迎", "还款", "曾经"]


def test_characters_read_alike_keep_gb2312_order_as_windows_gives_each_its_own_place() -> None:
    """工 and 公 are both gōng: Excel puts 工业 before 公安 (工 comes first in GB2312), not by the
    next character (安 before 业)."""
    assert sorted(["市公安局", "市工业和信息化局"], key=sort_key) == ["市工业和信息化局", "市公安局"]
    common = _gb2312_level_one()
    assert len({sort_key(char) for char in common}) == len(common)  # no two characters tie
    assert sort_key("工") < sort_key("公") < sort_key("巩")  # gōng, gōng, gǒng

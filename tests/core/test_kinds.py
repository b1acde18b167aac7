"""The kind descriptions (core/kinds.py) are the one place a field is written down: every stored
column is described, and a field added to a kind reaches the forms, the command line, the import,
the exports, the queries and the comparison without another edit."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from lawgov_desktop.core.kinds import KINDS, ROW_VERSION
from lawgov_desktop.core.layouts import FIELDS_BY_KIND
from lawgov_desktop.core.library import Library

# What the program keeps of a record besides its fields: its id, when and by which import it was
# made, the saved version it belongs to.
BOOKKEEPING = {"id", "created_at", "updated_at", "version_id", "import_id", "source_json"}


def _columns(lib: Library, table: str) -> set[str]:
    """The columns a table has, on either engine."""
    return {column[0] for column in lib.store.conn.execute(f"SELECT * FROM {table} LIMIT 0").description}


def test_every_stored_column_of_every_table_is_described(lib: Library) -> None:
    for kind in KINDS.values():
        stored = _columns(lib, kind.table)
        # a field's pinyin sort key is described by the field that keeps one; every record has a row version
        assert stored - BOOKKEEPING == {*kind.columns, *kind.sort_columns.values(), ROW_VERSION}, kind.key
        if kind.alias_table:
            aliases = _columns(lib, kind.alias_table)
            assert aliases == {"id", kind.alias_column, "alias"}


def test_every_field_a_workbook_carries_is_in_its_layout() -> None:
    for layout_kind, record_kinds in (("licence", ("licence",)), ("power", ("power", "delegation")),
                                      ("department", ("department",))):
        read = {spec.key for spec in FIELDS_BY_KIND[layout_kind]}
        for kind in record_kinds:
            for described in KINDS[kind].fields:
                if described.headers and described.key != "region_id":  # a delegation's region: "receiving"
                    assert (described.by_name or described.key) in read, (kind, described.key)


# Run in a fresh interpreter: the description is extended before anything derives from it, as
# when a clerk's new column is added to core/kinds.py.
_EXTENDED = textwrap.dedent("""
    import dataclasses, json
    from lawgov_desktop.core import kinds

    fee = kinds.Field("fee", "收费标准", "Fee", kinds.MULTILINE, headers=("收费标准", "收费依据及标准"))
    extended = dataclasses.replace(kinds.LICENCE_KIND, fields=(*kinds.LICENCE_KIND.fields, fee), _by_key={})
    kinds.LICENCE_KIND = kinds.KINDS["licence"] = extended

    from lawgov_desktop.cli.main import build_parser
    from lawgov_desktop.cli.records import record_data
    from lawgov_desktop.core import compare, queries, text
    from lawgov_desktop.core.layouts import field_label
    from lawgov_desktop.exporters.catalogue import LICENCE_SHEET_COLUMNS
    from lawgov_desktop.exporters.xlsx import export_header
    from lawgov_desktop.importers import plan
    from lawgov_desktop.importers.columns import guess_field
    from lawgov_desktop.ui.kinds import FORMS, field_label as form_label

    from PySide6.QtCore import QLocale

    form = {shown.key: shown for shown in FORMS["licence"]}
    labels = []
    for language in ("zh_CN", "en_US"):
        QLocale.setDefault(QLocale(language))
        labels.append(form_label(form["fee"]))
    args = build_parser().parse_args(["add", "licence", "--name", "x", "--fee", "按次收取"])
    print(json.dumps({
        "form": [form["fee"].widget, *labels],
        "cli": record_data(args),
        "label": field_label("licence", "fee"),
        "import header": guess_field("licence", "收费依据及标准"),
        "imported column": "fee" in plan._LICENCE_COLUMNS,
        "multiline": "fee" in text.MULTILINE_FIELDS,
        "export columns": LICENCE_SHEET_COLUMNS[-1],
        "export header": export_header("licence", "fee"),
        "sortable": queries._LICENCE_SORT.get("fee"),
        "compared": "fee" in compare.LICENCE_COMPARED,
    }, ensure_ascii=False))
""")


def test_a_field_added_to_a_kind_reaches_every_layer() -> None:
    result = subprocess.run([sys.executable, "-c", _EXTENDED], capture_output=True, text=True, timeout=120,
                            check=True, env={"QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"})
    found = json.loads(result.stdout.splitlines()[-1])
    assert found == {
        "form": ["text", "收费标准", "Fee"],  # several lines, labelled in the interface language
        "cli": {"name": "x", "fee": "按次收取"},
        "label": "收费标准",
        "import header": "fee",
        "imported column": True,
        "multiline": True,
        "export columns": "fee",
        "export header": "收费标准",
        "sortable": "pinyin_key(li.fee)",  # a text sorts in pinyin order
        "compared": True,
    }

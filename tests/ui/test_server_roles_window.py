"""The window of a county's editor on an office's server database (issue 15 item 5): the county's
records save as usual; saving the city's record is refused by the server with one clear message,
and the clerk's typing stays in the form."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace

import pytest
from server import drop_roles
from ui_helpers import form_renaming

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import ServerAddress
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.core.server_admin import ServerAdmin
from lawgov_desktop.ui.app import Launcher


@pytest.fixture
def role_prefix() -> Iterator[str]:
    """Roles of this test alone; asked for before the database, so dropped after it."""
    prefix = f"lgw{uuid.uuid4().hex[:8]}"
    yield prefix
    drop_roles(prefix)


def names(view) -> list[str]:  # noqa: ANN001
    return [view.model.row_at(row)["name"] for row in range(view.model.rowCount())]


def test_a_county_editor_saves_the_countys_record_and_is_refused_the_citys(
        role_prefix: str, server_database: ServerAddress, launcher: Launcher, messages: list[str],
        qtbot) -> None:  # noqa: ANN001
    with Library(server_database, user="tester") as library:
        city_department = library.records.create("department", {"name": "市生态环境局"})  # no region: the city's, admins' only
        library.records.create("licence", {"department_id": city_department, "name": "排污许可", "level": "市级"})
        county = library.records.create("department", {"name": "海丰县市场监督管理局", "region": "海丰县"})
        library.records.create("licence", {"department_id": county, "name": "小作坊登记", "level": "县级"})
    editor = f"{role_prefix}_haifeng"
    with ServerAdmin(server_database) as admin:
        admin.setup(role_prefix)
        admin.grant(editor, "editor", ["海丰县"], password="县里的密码")
    window = launcher.open(replace(server_database, user=editor, password="县里的密码"))
    assert window is not None
    qtbot.waitExposed(window)
    view = window.current_view()

    own = form_renaming(view, "小作坊登记", "小作坊登记（县）")
    own.save()
    qtbot.waitUntil(lambda: not own.isVisible(), timeout=3000)
    assert "小作坊登记（县）" in names(view) and not messages

    city = form_renaming(view, "排污许可", "排污许可（县里改的）")
    city.save()
    qtbot.waitUntil(lambda: bool(messages), timeout=3000)
    assert messages == ["您没有修改这条记录的权限（服务器只允许您修改本辖区的记录），数据未作任何改动。"]
    assert city.isVisible() and city.widgets["name"].text() == "排污许可（县里改的）"
    with Library(server_database, user="tester") as library:
        assert library.lists.query("licence", ListFilter(text="县里改的")).total == 0

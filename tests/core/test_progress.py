"""The task protocol of long work: unwatched work, a cancelled task, a part of a larger task."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from lawgov_desktop.core.errors import Cancelled
from lawgov_desktop.core.progress import NO_TASK, TaskPart, TaskState, check_cancelled


def test_forms_of_a_task_that_stops_the_work() -> None:
    check_cancelled(NO_TASK)
    NO_TASK.report(1, 2, "nobody listens")
    check_cancelled(SimpleNamespace(cancelled=False))
    with pytest.raises(Cancelled):
        check_cancelled(SimpleNamespace(cancelled=True))


def test_task_state_keeps_the_latest_report_and_is_cancelled_from_another_thread() -> None:
    state = TaskState()
    state.report(3, 10, "正在读取")
    assert (state.done, state.total, state.text) == (3, 10, "正在读取")
    check_cancelled(state)
    watcher = threading.Thread(target=state.cancel)
    watcher.start()
    watcher.join()
    assert state.cancelled
    with pytest.raises(Cancelled):
        check_cancelled(state)


def test_a_part_reports_after_the_parts_before_it_and_stops_with_the_whole() -> None:
    whole = TaskState()
    part = TaskPart(whole, 40, 100, "正在生成第 2/3 个部门…")
    part.report(5, 20, "正在排版第 1 页")
    assert (whole.done, whole.total, whole.text) == (45, 100, "正在生成第 2/3 个部门…")
    assert not part.cancelled
    whole.cancel()
    assert part.cancelled

"""The report pages of the side navigation (statistics, list comparison, upper-list check, licence
check) and the 清单版本 menu.

A page is built when it is first shown and its module imported then, so none of it — nor QtCharts,
openpyxl or reportlab — is on the path to the first paint.  Long work (a comparison, an export,
importing an upper list) goes through the window's ``Jobs``.  The pages get the session and the
jobs; the window gives this object the two things it does for them: switch the navigation to an
entry, and show a list narrowed to a filter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QMenu, QStyle, QWidget

from .jobs import Jobs, OpenList, ReportPage
from .session import Session
from .widgets import make_action

if TYPE_CHECKING:
    from .compare_view import CompareView
    from .versions import SaveVersionDialog, VersionsDialog

STATS, COMPARE, REFERENCE, LICENCES, LAWS = "stats", "compare", "reference", "licences", "laws"
PAGES = (
    (STATS, QT_TRANSLATE_NOOP("Nav", "Statistics"), QStyle.StandardPixmap.SP_FileDialogInfoView),
    (COMPARE, QT_TRANSLATE_NOOP("Nav", "List comparison"), QStyle.StandardPixmap.SP_BrowserReload),
    (REFERENCE, QT_TRANSLATE_NOOP("Nav", "Upper list check"), QStyle.StandardPixmap.SP_DialogApplyButton),
    (LICENCES, QT_TRANSLATE_NOOP("Nav", "Licence list check"), QStyle.StandardPixmap.SP_DialogOkButton),
    (LAWS, QT_TRANSLATE_NOOP("Nav", "Laws and regulations"), QStyle.StandardPixmap.SP_FileDialogContentsView),
)

Navigate = Callable[[str], object]  # select a navigation entry by its kind, as a click would


class ReportPages(QObject):
    """The statistics, comparison, upper-list and licence check pages of one main window, and the 清单版本 menu."""

    def __init__(self, session: Session, jobs: Jobs, parent: QWidget, navigate: Navigate,
                 open_list: OpenList) -> None:
        super().__init__(parent)
        self.session = session
        self.jobs = jobs
        self._parent = parent
        self._navigate = navigate
        self.open_list = open_list
        self.pages: dict[str, ReportPage] = {}
        self.save_version_action = make_action(parent, self.tr("&Save the current list as a version…"),
                                               self.save_version)
        self.versions_action = make_action(parent, self.tr("&Versions…"), self.manage_versions)
        self.stats_action = make_action(parent, self.tr("S&tatistics"), lambda: self.show(STATS))
        self.compare_action = make_action(parent, self.tr("&Compare lists…"), lambda: self.show(COMPARE))
        self.reference_action = make_action(parent, self.tr("Check against an &upper list…"),
                                            lambda: self.show(REFERENCE))
        self.licences_action = make_action(parent, self.tr("Check &licences against the catalogue…"),
                                           lambda: self.show(LICENCES))
        self.laws_action = make_action(parent, self.tr("La&ws and regulations…"), lambda: self.show(LAWS))
        self.menu = QMenu(self.tr("&List versions"), parent)
        self.menu.setObjectName("versions_menu")
        self.menu.addActions([self.save_version_action, self.versions_action])
        self.menu.addSeparator()
        self.menu.addActions([self.stats_action, self.compare_action, self.reference_action,
                              self.licences_action, self.laws_action])
        self.menu.aboutToShow.connect(self._update_actions)

    def _update_actions(self) -> None:
        self.save_version_action.setEnabled(not self.session.read_only)

    # ------------------------------------------------------------------ pages
    def owns(self, kind: str) -> bool:
        """True for the navigation entries of this object (not lists)."""
        return any(kind == page for page, _title, _icon in PAGES)

    def page(self, kind: str) -> ReportPage:
        """The page of ``kind``, built on first use (its module is imported then)."""
        if kind not in self.pages:
            page: ReportPage
            if kind == STATS:
                from .stats_view import StatsView

                page = StatsView(self.session, self.jobs, self.open_list)
            elif kind == COMPARE:
                from .compare_view import CompareView

                page = CompareView(self.session, self.jobs)
            elif kind == REFERENCE:
                from .reference_view import ReferenceView

                page = ReferenceView(self.session, self.jobs)
            elif kind == LAWS:
                from .laws_view import LawsView

                page = LawsView(self.session, self.jobs, self.open_list)
            else:
                from .licence_check_view import LicenceCheckView

                page = LicenceCheckView(self.session, self.jobs)
            self.pages[kind] = page
        return self.pages[kind]

    def show(self, kind: str) -> ReportPage:
        """Switch to a page (as a click in the navigation would)."""
        self._navigate(kind)
        return self.page(kind)

    def compare_with_current(self, version_id: int) -> None:
        """The comparison page with a saved version against the working list."""
        cast("CompareView", self.show(COMPARE)).compare_sides(version_id, None)

    # ------------------------------------------------------------------ versions
    def save_version(self) -> SaveVersionDialog | None:
        """Freeze the working lists under a name ("2022年版")."""
        from .versions import open_save_version

        return open_save_version(self.session, self._parent)

    def manage_versions(self) -> VersionsDialog:
        """The saved versions with their counts: show, compare or delete one."""
        from .versions import VersionsDialog

        dialog = VersionsDialog(self.session, self.jobs, self._parent)
        dialog.list_requested.connect(self.open_list)
        dialog.compare_requested.connect(self.compare_with_current)
        dialog.open()
        return dialog

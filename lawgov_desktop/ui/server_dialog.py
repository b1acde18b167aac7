"""File → 连接服务器数据库…: an office's shared database on a PostgreSQL server.

The clerk gives the host, port, database and user; the password comes from where every PostgreSQL
client finds it (``~/.pgpass``, ``PGPASSWORD``, a service file), and only when the server asks for
one that none of them holds is the clerk asked (:func:`log_in`).  A typed password lives in the
``ServerAddress`` in memory and goes from there to each of the window's connections; it is never
written to the settings, where recent servers are kept by their address alone.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lawgov_desktop.core.errors import DatabaseError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.location import ServerAddress

from . import settings
from .widgets import run_off_gui_thread


class ServerDialog(QDialog):
    """Where the server database is: host, port, database, user, or one of the recent servers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("server_dialog")
        self.setWindowTitle(self.tr("Connect to a server database"))
        self.recent = QComboBox()
        self.recent.setObjectName("recent_servers")
        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.database = QLineEdit()
        self.database.setObjectName("database")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.user.setPlaceholderText(self.tr("your login name on this computer"))
        form = QFormLayout()
        servers = [ServerAddress.from_url(url) for url in settings.recent_databases() if "://" in url]
        if servers:
            self.recent.addItems([server.url for server in servers])
            self.recent.currentIndexChanged.connect(lambda index: self.show_address(servers[index]))
            form.addRow(self.tr("Recent servers:"), self.recent)
        else:
            self.recent.hide()
        form.addRow(self.tr("Server (host):"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        note = QLabel(self.tr("The password is taken from .pgpass, PGPASSWORD or a service file; if none "
                              "is found you are asked for it. It is never saved."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.show_address(servers[0] if servers else ServerAddress())
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def show_address(self, address: ServerAddress) -> None:
        """Fill the fields with ``address``."""
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user or "")

    def address(self) -> ServerAddress:
        """The address the fields give (empty fields: libpq's defaults)."""
        return ServerAddress(host=self.host.text().strip() or "localhost", port=self.port.value(),
                             database=self.database.text().strip() or "lawgov",
                             user=self.user.text().strip() or None)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> ServerAddress | None:
        """The server the clerk chose, or None when cancelled."""
        dialog = cls(parent)
        return dialog.address() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PasswordDialog(QDialog):
    """The password the server asks for, typed hidden."""

    def __init__(self, address: ServerAddress, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.setWindowTitle(self.tr("Password"))
        question = QLabel(self.tr("The server %1 asks for the password of user “%2”.")
                          .replace("%1", f"{address.host}:{address.port}").replace("%2", address.user or ""))
        question.setWordWrap(True)
        self.problem = QLabel(problem)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (question, self.problem, self.password, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)


def ask_password(parent: QWidget | None, address: ServerAddress, problem: str = "") -> str | None:
    """The password typed in, or None when the clerk cancelled."""
    dialog = PasswordDialog(address, problem, parent)
    return dialog.password.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def log_in(parent: QWidget | None, address: ServerAddress) -> ServerAddress | None:
    """Open the server database once off the GUI thread (creating or upgrading its schema when
    needed), asking for a password while the server wants one; the address to open it with
    (holding a typed password), or None when the clerk cancelled.  Other failures — an unreachable
    host, a newer schema — raise their one message."""
    while True:
        try:
            run_off_gui_thread(QCoreApplication.translate("ServerDialog", "Connecting to the server…"),
                               partial(_open_once, address))
            return address
        except DatabaseError as error:
            if not _wants_password(error):
                raise
            password = ask_password(parent, address, str(error) if address.password else "")
            if password is None:
                return None
            address = address.with_password(password)


def _open_once(address: ServerAddress) -> None:
    Library(address).close()


def _wants_password(error: DatabaseError) -> bool:
    """Whether the server refused the login for want of the right password (libpq's words)."""
    return "password" in str(error.__cause__ or "").lower()

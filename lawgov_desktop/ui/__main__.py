"""``python -m lawgov_desktop.ui`` starts the window like the ``lawgov-desktop`` command."""

import sys

from .app import main

sys.exit(main())

"""The bundle's entry point (PyInstaller runs a script, not a console-script entry)."""

import sys

from app.ui.shell.main import main

sys.exit(main())

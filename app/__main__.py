"""``python -m app`` starts the desktop application."""

import sys

from app.ui.shell.main import main

sys.exit(main())

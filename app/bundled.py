"""Files that ship inside the package: migrations, translations, the regions list, icons.

Found through the import system, so they resolve the same in a checkout (editable
install), an installed wheel and the PyInstaller bundle; setup.py maps the top-level
`migrations/` and `resources/` folders to `app.migrations` and `app.resources`. Every
install keeps them as real files, which Alembic (it reads its scripts from a folder) and
Qt's translator need.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path


def _folder(package: str) -> Path:
    # The package's folder: what importlib.resources.files() gives for these (regular,
    # on-disk) packages, without importing importlib.resources on the start path.
    return Path(import_module(package).__path__[0])


def migrations_dir() -> Path:
    return _folder("app.migrations")


def i18n_dir() -> Path:
    return _folder("app.resources") / "i18n"


def regions_file() -> Path:
    return _folder("app.resources") / "regions.json"


def icon_file(name: str = "loyalty-desk.png") -> Path:
    return _folder("app.resources") / "icons" / name

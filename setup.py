"""Packaging: everything is in pyproject.toml except what TOML cannot say.

The app reads its migrations and resources at run time. They stay in the top-level
`migrations/` and `resources/` folders (where Alembic and `tasks.py i18n` work on them) and
are installed inside the `app` package as `app.migrations` and `app.resources`, so every
kind of install finds them with importlib.resources (`app/bundled.py`), never relative to a
checkout. pyproject.toml's `packages.find` cannot add packages from other folders, hence
this file; the rest of `app` is still found automatically.
"""

from setuptools import find_packages, setup

BUNDLED = {"app.migrations": "migrations", "app.resources": "resources"}

setup(
    packages=[
        *find_packages(include=["app", "app.*"]),
        *BUNDLED,
        "app.migrations.versions",
    ],
    package_dir=BUNDLED,
    package_data={
        "app.migrations": ["script.py.mako"],
        # The compiled .qm files only; the .ts sources are for translators.
        "app.resources": ["regions.json", "i18n/*.qm", "icons/*.png", "icons/*.ico"],
    },
)

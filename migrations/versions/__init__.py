"""Installed as ``app.migrations.versions`` (see setup.py); Alembic skips this file."""

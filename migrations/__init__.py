"""Installed as ``app.migrations`` (see setup.py): Alembic's scripts travel with the app."""

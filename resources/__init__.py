"""Installed as ``app.resources`` (see setup.py): translations, the regions list, icons."""

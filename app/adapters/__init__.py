"""Adapters to the outside world that are not the database: files in and out.

Services call adapters; adapters depend only on the domain, never on the services or the UI.
"""

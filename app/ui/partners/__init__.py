"""The Partners area (issue 14)."""

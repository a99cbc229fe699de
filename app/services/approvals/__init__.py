"""Approvals: one maker-checker service for every kind of request."""

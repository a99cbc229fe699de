"""What every area shares: units of work, the database, the audit trail, progress, scope."""

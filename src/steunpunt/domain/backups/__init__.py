"""Backups as values: their manifest, which copies rotation keeps, and the office's settings."""

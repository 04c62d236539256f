"""Queries of the privacy rights: who was anonymised, who is past the retention period."""

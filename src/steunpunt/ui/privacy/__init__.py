"""Screens of the privacy rights: inzage export, erasure, the retention list."""

"""Steunpunt: offline registration and support for Dutch caregiver support points."""

__version__ = "0.1.0"

"""Steunpunt: offline registration and support for Dutch caregiver support points."""

from importlib.metadata import version

__version__ = version("steunpunt")
"""The one version number, from pyproject.toml through the installed package's metadata (the
frozen program carries that metadata too)."""

"""What the screens and the command line know of a file to import, as ``io/import_file.py``
reads it (screens do not import ``io``): its kind, encoding, delimiter and rows of cells."""

from __future__ import annotations

from steunpunt.io.import_file import Delimiter, Encoding, FileKind, ImportFile

__all__ = ["Delimiter", "Encoding", "FileKind", "ImportFile"]

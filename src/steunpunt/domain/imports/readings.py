"""What a reader makes of one cell: form texts, whether it had to interpret, and what goes to the notes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reading:
    """One cell read into form fields; a cell that cannot be read raises ``InvalidValue`` instead."""

    values: Mapping[str, str] = field(default_factory=dict)
    """Form field -> text, as a person would type it in the form."""
    interpreted: bool = False
    """Whether the reader had to split, guess or leave something out (not only tidy the form)."""
    notes: tuple[str, ...] = ()
    """Parts of the cell the form has no field for (a remark, a second number): kept in the notes."""

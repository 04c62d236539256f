"""The house style's test pages: the envelope calibration page and the label test sheet."""

from __future__ import annotations

from pathlib import Path

from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.label_sheet import LabelSheet
from steunpunt.services.kernel.use_case import writes


@writes
def write_calibration_page(target: Path, style: HouseStyle) -> None:
    """The calibration page for the style's envelope window (saved or not), with its return line."""
    from steunpunt.letters.calibration import render_calibration_page  # ReportLab: when printing

    render_calibration_page(target, style.window, style.return_line)


@writes
def write_label_test_sheet(target: Path, sheet: LabelSheet) -> None:
    """One A4 page with every label of ``sheet`` outlined, to hold against a label sheet."""
    from steunpunt.letters.labels import render_test_sheet  # ReportLab: when printing

    render_test_sheet(target, sheet)

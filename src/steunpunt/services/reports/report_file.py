"""Writing the verantwoording to a file: the PDF in the house style, or the Excel workbook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from steunpunt.domain.audit import AuditKind
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.reports.report import Report
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.use_case import writes
from steunpunt.services.letters.mailing_output import disk_problem

if TYPE_CHECKING:
    from steunpunt.services.kernel.audit_log import AuditService

SUFFIXES = (".pdf", ".xlsx")


@writes
def write_report_file(
    audit: AuditService, actor: Actor, target: Path, report: Report, style: HouseStyle
) -> Path:
    """The PDF (made beside the target and put in place whole) or the workbook, by the suffix.

    The report is recorded in the audit trail (its period and gemeente: it holds no names).

    Another suffix raises ``InvalidValue``; a failed write (full disk, no permission) a known
    problem, both with a Dutch message.
    ReportLab and openpyxl are imported here: they load when a report is made, not at start-up.
    """
    from steunpunt.io.atomic import write_atomically
    from steunpunt.io.report_workbook import write_report_workbook
    from steunpunt.letters.report_pdf import render_report

    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValue(
            "Kies een bestandsnaam die eindigt op .pdf of .xlsx; "
            f"'{target.name}' kan niet worden gemaakt."
        )
    try:
        if suffix == ".pdf":
            write_atomically(
                target,
                lambda temporary: render_report(temporary, report, style),
                audit.staging_journal,
            )
        else:
            write_report_workbook(target, report, audit.staging_journal)
    except OSError as error:
        raise disk_problem(error) from error
    details = {
        "bestand": suffix.removeprefix("."),
        "van": report.starts_on.isoformat(),
        "tot en met": report.ends_on.isoformat(),
        "gemeente": report.municipality or "alle",
    }
    audit.note(actor, AuditKind.REPORT, details=details, made=(target,))
    return target

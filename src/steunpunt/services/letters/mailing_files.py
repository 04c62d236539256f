"""The files of one mailing: the letters PDF, per-person PDFs, labels and the print-shop CSV."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from steunpunt.domain.errors import Cancelled
from steunpunt.domain.file_names import safe_file_name
from steunpunt.domain.letters.addressee import Household
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.domain.letters.label_sheet import LabelSheet
from steunpunt.domain.letters.merge_fields import fields_for
from steunpunt.domain.progress import Progress
from steunpunt.io.print_shop_csv import PrintShopRow, write_print_shop_csv
from steunpunt.letters.address_block import Recipient
from steunpunt.letters.labels import render_labels
from steunpunt.letters.letter import Letter, LetterText, render_letters
from steunpunt.services.letters.dto import MailingRequest, TemplateData
from steunpunt.services.letters.mailing_output import StagedOutput
from steunpunt.services.letters.values import household_values

LETTERS, PER_PERSON, LABELS, CSV = "letters", "per_person", "labels", "csv"


@dataclass(frozen=True)
class MailingJob:
    """Everything needed to make the files, decided before the first page is written."""

    style: HouseStyle
    text: LetterText
    kind: str
    letters: list[Household]
    reference: str
    template_name: str
    letter_date: date
    per_person_pdfs: bool = False
    labels: LabelSheet | None = None
    print_shop_csv: bool = False
    extra_values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """The letter kind's own values per letter, by ``Household.key``."""
    chosen_people: bool = False
    """The letters go to people chosen by name (a letter from the caregiver form), not to a
    filter."""

    @property
    def title(self) -> str:
        """The start of every file name: safe on Windows, short enough for deep folders; a
        letter to one chosen person is named after that person."""
        if self.chosen_people and len(self.letters) == 1:
            name = self.letters[0].members[0].name.full
            return safe_file_name(f"Brief {self.reference} {self.template_name[:40]} - {name[:40]}")
        return safe_file_name(f"Mailing {self.reference} {self.template_name[:40]}")

    @property
    def steps(self) -> int:
        """Units of work for the progress bar: a letter, a per-person PDF or a label each."""
        parts = 1 + int(self.per_person_pdfs) + int(self.labels is not None)
        return len(self.letters) * parts

    def letter(self, household: Household) -> Letter:
        extra = self.extra_values.get(household.key, {})
        return letter_for(household, self.style, self.reference, self.letter_date, extra)

    def stream(self, households: Iterable[Household]) -> Iterator[Letter]:
        """Letters made one at a time, as the renderer asks for them."""
        return (self.letter(household) for household in households)


def job_for(
    request: MailingRequest,
    template: TemplateData,
    style: HouseStyle,
    letters: list[Household],
    reference: str,
) -> MailingJob:
    """What is printed for ``request`` under ``reference``."""
    return MailingJob(
        style,
        LetterText(template.subject, template.body),
        template.kind,
        letters,
        reference,
        template.name,
        request.letter_date,
        request.per_person_pdfs,
        request.labels,
        request.print_shop_csv,
        request.extra_values,
        chosen_people=request.criteria is None,
    )


def letter_for(
    household: Household,
    style: HouseStyle,
    reference: str,
    letter_date: date,
    extra: Mapping[str, str] | None = None,
) -> Letter:
    """One letter: the address block and every merge field filled."""
    values = household_values(household, style, reference, letter_date)
    return Letter(recipient_of(household), {**values, **(extra or {})})


def recipient_of(household: Household) -> Recipient:
    """The address block of a household's letter: its name lines and address."""
    return Recipient(household.name_lines, household.address)


class Steps:
    """Progress over the parts of a mailing, shown as one bar."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self.total = total
        self.done = 0

    def advance(self) -> bool:
        self.done += 1
        return self._report()

    def reporter(self) -> Callable[[int], bool]:
        """A callback for one renderer, counting on from where the last one stopped."""
        start = self.done

        def report(done: int) -> bool:
            self.done = start + done
            return self._report()

        return report

    def _report(self) -> bool:
        return self._progress is None or self._progress(self.done, self.total)


@dataclass(frozen=True)
class MailingFiles:
    """The file name per kind of output, and the addresses that got no label."""

    names: dict[str, str]
    by_hand: tuple[Recipient, ...] = ()


def write_mailing_files(staged: StagedOutput, job: MailingJob, steps: Steps) -> MailingFiles:
    """Make every asked file in the staging folder."""
    available = [field.name for field in fields_for(job.kind)]
    names = {LETTERS: f"{job.title}.pdf"}
    render_letters(
        staged.path(names[LETTERS]),
        job.style,
        job.text,
        job.stream(job.letters),
        available,
        steps.reporter(),
        job.title,
    )
    if job.per_person_pdfs:
        names[PER_PERSON] = f"{job.title} per persoon"
        folder = staged.path(names[PER_PERSON])
        folder.mkdir()
        for household in job.letters:
            if not steps.advance():
                raise Cancelled
            first = household.members[0]
            name = f"{first.address.postcode} {first.name.sorted_form} {household.key}.pdf"
            render_letters(
                folder / safe_file_name(name),
                job.style,
                job.text,
                job.stream([household]),
                available,
            )
    by_hand: tuple[Recipient, ...] = ()
    if job.labels is not None:
        names[LABELS] = f"{job.title} etiketten.pdf"
        by_hand = render_labels(
            staged.path(names[LABELS]),
            job.labels,
            (recipient_of(h) for h in job.letters),
            steps.reporter(),
        ).by_hand
    if job.print_shop_csv:
        names[CSV] = f"{job.title} drukker.csv"
        write_print_shop_csv(
            staged.path(names[CSV]),
            (
                PrintShopRow(
                    f"{job.reference}/{h.key}",
                    h.name_lines,
                    h.address.street_line,
                    h.address.postcode,
                    h.address.place,
                )
                for h in job.letters
            ),
        )
    return MailingFiles(names, by_hand)

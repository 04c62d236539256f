"""Plain data the letter and mailing services hand out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from steunpunt.domain.choices import Grouping, LeftOutReason, LetterKind
from steunpunt.domain.letters.addressee import Addressee
from steunpunt.domain.letters.label_sheet import LabelSheet
from steunpunt.domain.letters.recipient_filter import RecipientFilter


@dataclass(frozen=True)
class TemplateData:
    """What the template editor writes."""

    name: str
    kind: LetterKind
    subject: str
    body: str


@dataclass(frozen=True)
class TemplateView:
    id: int
    version: int
    data: TemplateData

    @property
    def title(self) -> str:
        """``Welkomstbrief (Welkomstbrief bij inschrijving)``; the name alone when it says it all."""
        kind = self.data.kind.label
        return self.data.name if self.data.name == kind else f"{self.data.name} ({kind})"


@dataclass(frozen=True)
class NamedFilter:
    """A recipient filter with its name; built-in ones cannot be deleted."""

    name: str
    criteria: RecipientFilter
    built_in: bool
    id: int | None = None


@dataclass(frozen=True)
class LeftOut:
    """Someone a mailing skips, and why (in Dutch)."""

    caregiver_id: int
    name: str
    reason: LeftOutReason
    sort_key: str
    """The register's order of names (:attr:`PersonName.sort_key`)."""


@dataclass(frozen=True)
class RecipientSelection:
    """Who a mailing reaches and who it leaves out."""

    included: tuple[Addressee, ...]
    left_out: tuple[LeftOut, ...]

    def reasons(self) -> dict[LeftOutReason, int]:
        """How many people were left out per reason."""
        counts: dict[LeftOutReason, int] = {}
        for person in self.left_out:
            counts[person.reason] = counts.get(person.reason, 0) + 1
        return counts


@dataclass(frozen=True)
class RecipientCount:
    """How many a filter reaches, and how many it leaves out per reason (counted in SQL)."""

    included: int
    left_out: dict[LeftOutReason, int]


@dataclass(frozen=True)
class MailingRequest:
    """Everything the mailing dialog asks: which letter, to whom, and what to make."""

    template_id: int
    letter_date: date
    folder: Path
    grouping: Grouping = Grouping.PER_PERSON
    criteria: RecipientFilter | None = None
    caregiver_ids: tuple[int, ...] = ()
    description: str = ""
    per_person_pdfs: bool = False
    labels: LabelSheet | None = None
    print_shop_csv: bool = False
    naasten: tuple[tuple[int, int], ...] = ()
    """(caregiver, naaste) pairs: letters to these naasten about their caregivers (a
    controlebrief), logged on the caregiver. Used instead of ``criteria`` and ``caregiver_ids``."""
    extra_values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Values of the letter kind's own fields (``{bedrag}``...), per ``Addressee.key``."""
    needs_post_consent: bool = False
    """Leave out chosen caregivers without consent for post, as a filter always does: for
    letters nobody asked for (a reminder), not for an answer to an application."""


@dataclass(frozen=True)
class MailingResult:
    """What a finished mailing made."""

    mailing_id: int
    reference: str
    letters: int
    people: int
    letters_pdf: Path
    per_person_folder: Path | None
    labels_pdf: Path | None
    csv_file: Path | None
    reached: frozenset[str] = frozenset()
    """``Addressee.key`` of everyone a letter was made for."""
    left_out: tuple[LeftOut, ...] = ()
    by_hand: tuple[str, ...] = ()
    """The names of letters whose address did not fit a label whole: they are on the last
    page of the labels, to address by hand."""

    @property
    def files(self) -> list[Path]:
        """Everything the mailing wrote, the letters first."""
        made = (self.letters_pdf, self.per_person_folder, self.labels_pdf, self.csv_file)
        return [path for path in made if path is not None]


@dataclass(frozen=True)
class SentLetterView:
    """One line of a person's letter log."""

    id: int
    mailing_id: int
    reference: str
    sent_on: date
    template_name: str
    kind: LetterKind | None
    subject: str
    addressed_as: str
    reprint: bool

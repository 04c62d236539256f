"""The application table model without a window: cells, filter, sort, and their speed."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from steunpunt.domain.compliment.status import ApplicationStatus
from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.money import cents_text, parse_cents
from steunpunt.services.compliment.dto import ApplicationView
from steunpunt.ui.compliment.application_model import (
    COL_AMOUNT,
    COL_CAREGIVER,
    COL_RECEIVED,
    COL_SAMPLE,
    COL_STATUS,
    COL_WARNINGS,
    ID_ROLE,
    ApplicationTableModel,
    prepare_rows,
)

STATUSES = list(ApplicationStatus)


def view(number: int, name: str = "", **changes: object) -> ApplicationView:
    values: dict[str, object] = {
        "id": number,
        "version": 1,
        "round_id": 1,
        "caregiver_name": name or f"Mantelzorger {number:05d}",
        "recipient_name": f"Naaste {number:05d}",
        "received_on": date(2026, 1, 1) + timedelta(days=number % 300),
        "status": ApplicationStatus.RECEIVED,
        "amount_cents": None,
        "in_sample": False,
        "warnings": 0,
    }
    values.update(changes)
    return ApplicationView(**values)  # type: ignore[arg-type]


def column(model: ApplicationTableModel, number: int) -> list[str]:
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_cells_read_as_a_person_expects() -> None:
    model = ApplicationTableModel()
    model.set_rows(
        [
            view(
                1, "Ayşe Yılmaz", status=ApplicationStatus.GRANTED, amount_cents=12_500, warnings=2
            ),
            view(2, "Bram Bos", in_sample=True),
        ]
    )
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first == [
        "02-01-2026",
        "Ayşe Yılmaz",
        "Naaste 00001",
        "Toegekend",
        "€ 125,00",
        "⚠ 2",
        "",
    ]
    assert model.index(1, COL_SAMPLE).data() == "ja"
    assert model.index(1, 0).data(ID_ROLE) == 2
    assert model.headerData(COL_WARNINGS, Qt.Orientation.Horizontal) == "Waarschuwingen"


def test_filter_and_sort_keep_the_selected_row() -> None:
    model = ApplicationTableModel()
    model.set_rows(
        [
            view(1, "Cor", status=ApplicationStatus.GRANTED, amount_cents=10_000),
            view(2, "Ayşe", status=ApplicationStatus.REFUSED),
            view(3, "Bram", status=ApplicationStatus.GRANTED, amount_cents=5_000),
        ]
    )
    selected = QPersistentModelIndex(model.index(2, 0))
    model.sort(COL_CAREGIVER)
    assert column(model, COL_CAREGIVER) == ["Ayşe", "Bram", "Cor"]
    assert selected.row() == 1  # Bram moved along
    model.sort(COL_AMOUNT, Qt.SortOrder.DescendingOrder)
    assert column(model, COL_CAREGIVER) == ["Cor", "Bram", "Ayşe"]
    model.set_status(ApplicationStatus.GRANTED)
    assert column(model, COL_STATUS) == ["Toegekend", "Toegekend"] and model.total() == 3
    model.set_status(None)
    assert model.rowCount() == 3


def test_a_round_of_20000_sorts_and_filters_quickly() -> None:
    chance = random.Random(4)
    views = [
        view(
            number,
            f"{chance.choice(['Yılmaz', 'de Vries', 'Jansen', 'Bakker'])} {number}",
            status=chance.choice(STATUSES),
            warnings=chance.randrange(3),
        )
        for number in range(20_000)
    ]
    start = time.perf_counter()
    rows = prepare_rows(views)  # on the task runner, with the service call
    prepared = time.perf_counter() - start
    model = ApplicationTableModel()
    timings = {}
    start = time.perf_counter()
    model.set_rows(rows)
    timings["show"] = time.perf_counter() - start
    for name, number in (("sort by name", COL_CAREGIVER), ("sort by status", COL_STATUS)):
        start = time.perf_counter()
        model.sort(number, Qt.SortOrder.DescendingOrder)
        timings[name] = time.perf_counter() - start
    start = time.perf_counter()
    model.set_status(ApplicationStatus.GRANTED)
    timings["filter"] = time.perf_counter() - start
    print({"prepare (worker)": round(prepared, 3), **{k: round(v, 3) for k, v in timings.items()}})
    assert all(value < 0.25 for value in timings.values()), timings
    assert {model.index(row, COL_STATUS).data() for row in range(model.rowCount())} == {"Toegekend"}
    dates = [model.index(row, COL_RECEIVED).data() for row in range(3)]
    assert len(dates) == 3


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("100", 10_000),
        ("62,5", 6_250),
        ("€ 1.000,00", 100_000),
        ("1.000", 100_000),
        ("12.50", 1_250),
    ],
)
def test_amounts_are_read_as_dutch_people_type_them(typed: str, cents: int) -> None:
    assert parse_cents(typed) == cents


def test_amounts_are_written_back_with_a_comma() -> None:
    assert cents_text(150_050) == "1.500,50" and cents_text(None) == ""
    with pytest.raises(InvalidValue, match="bedrag in euro"):
        parse_cents("twintig")


def test_search_by_name_words_or_by_the_kenmerk_of_a_returned_controlebrief() -> None:
    model = ApplicationTableModel()
    model.set_rows(
        [
            view(1, "Ayşe Yılmaz", caregiver_id=17, care_recipient_id=42),
            view(2, "Jan de Vries", caregiver_id=17, care_recipient_id=43),
            view(3, "Anna de Vries", caregiver_id=18, care_recipient_id=42),
        ]
    )
    model.set_search("ayse")
    assert column(model, COL_CAREGIVER) == ["Ayşe Yılmaz"]
    model.set_search("de vries anna")
    assert column(model, COL_CAREGIVER) == ["Anna de Vries"]
    model.set_search("2026-0007/17-43")
    assert column(model, COL_CAREGIVER) == ["Jan de Vries"]
    model.set_status(ApplicationStatus.GRANTED)
    assert model.rowCount() == 0  # search and status filter together
    model.set_status(None)
    model.set_search("")
    assert model.rowCount() == 3

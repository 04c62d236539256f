"""The list export service: the given caregivers in order, read in chunks, named by format."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from steunpunt.domain.errors import Cancelled
from steunpunt.services.caregivers import list_export
from steunpunt.services.caregivers.list_export import (
    column,
    export_caregiver_list,
    with_export_suffix,
)
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from tests.helpers import add_caregiver


def test_the_caregivers_are_written_in_the_given_order_a_chunk_at_a_time(
    services: Services, actor: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(list_export, "CHUNK", 2)
    ids = [
        add_caregiver(services, actor, first_name=name, infix="", last_name="jansen").id
        for name in ("anna", "bram", "cor")
    ]
    seen: list[tuple[int, int]] = []
    target = tmp_path / "lijst.csv"
    written = export_caregiver_list(
        services.caregivers,
        services.audit,
        actor,
        list(reversed(ids)),
        target,
        [column("naam"), column("woonplaats")],
        lambda done, total: seen.append((done, total)) is None,
    )
    assert written == 3 and seen == [(3, 3)]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle, delimiter=";"))
    assert [row[0] for row in read] == ["Naam", "Jansen, Cor", "Jansen, Bram", "Jansen, Anna"]


def test_cancelling_leaves_no_file(services: Services, actor: Actor, tmp_path: Path) -> None:
    anna = add_caregiver(services, actor, first_name="anna", last_name="jansen")
    folder = tmp_path / "uit"
    folder.mkdir()
    with pytest.raises(Cancelled):
        export_caregiver_list(
            services.caregivers,
            services.audit,
            actor,
            [anna.id],
            folder / "lijst.xlsx",
            [column("naam")],
            lambda _done, _total: False,
        )
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("jansens", "jansens.csv"), ("lijst.XLSX", "lijst.XLSX"), ("a.b", "a.b.csv")],
)
def test_a_name_without_an_export_suffix_gets_the_chosen_one(typed: str, expected: str) -> None:
    assert with_export_suffix(Path(typed), ".csv") == Path(expected)

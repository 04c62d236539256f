"""The recovery key sheet: an A4 page with the key in groups, the date, the database file and
the instructions for the safe; written only where the person chooses, nothing kept."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.keys.recovery import format_recovery_key, parse_recovery_key
from steunpunt.services.kernel.recovery_sheet import recovery_sheet_preview, write_recovery_sheet
from tests.kernel.encryption_setup_scenario import BEHEERDER
from tests.pdf_fonts import unembedded_fonts

KEY = format_recovery_key(bytes(range(20)))
MADE_ON = date(2026, 12, 5)


def _text(pdf: PdfReader) -> str:
    return " ".join((page.extract_text() or "") for page in pdf.pages)


def test_the_sheet_holds_the_key_in_groups_and_the_instructions(tmp_path: Path) -> None:
    database = tmp_path / "data" / "steunpunt.sqlite"
    database.parent.mkdir()
    target = tmp_path / "kluis" / "herstelsleutel.pdf"
    target.parent.mkdir()
    write_recovery_sheet(BEHEERDER, target, "Steunpunt Yıldız", KEY, MADE_ON, database)

    pdf = PdfReader(target)
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = re.sub(r"\s+", " ", _text(pdf))
    assert "Herstelsleutel van Steunpunt Yıldız" in text
    groups = KEY.split("-")
    assert len(groups) == 10
    assert " - ".join(groups[:5]) in text and " - ".join(groups[5:]) in text
    assert parse_recovery_key(" ".join(groups)) == bytes(range(20))  # as typed over from it
    for words in (
        "5 december 2026",
        "steunpunt.sqlite",
        "Bewaar dit vel in de kluis",
        "niet op de computer",
        "Wie deze sleutel heeft, kan alle gegevens van het steunpunt lezen",
        "nieuwe herstelsleutel, dan werkt deze niet meer",
        "Gebruiken als alle wachtwoorden kwijt zijn",
        "Kies in het aanmeldvenster voor de herstelsleutel",
    ):
        assert words in text
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for font in pdf.pages[0]["/Resources"]["/Font"].values()
    }
    assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono-Bold"} <= fonts  # embedded
    assert unembedded_fonts(target) == set()  # was: Helvetica, never drawn

    assert [file.name for file in target.parent.iterdir()] == ["herstelsleutel.pdf"]
    journal = database.with_name(".steunpunt.sqlite-staging")
    assert not journal.exists() or list(journal.iterdir()) == []


def test_the_preview_is_made_in_memory(tmp_path: Path) -> None:
    database = tmp_path / "steunpunt.sqlite"
    pdf = recovery_sheet_preview(BEHEERDER, "Steunpunt", KEY, MADE_ON, database)
    assert KEY.split("-")[0] in _text(PdfReader(io.BytesIO(pdf)))
    assert list(tmp_path.iterdir()) == []


def test_only_a_pdf_is_written(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match=r"eindigt op \.pdf"):
        write_recovery_sheet(
            BEHEERDER, tmp_path / "sleutel.txt", "Steunpunt", KEY, MADE_ON, tmp_path / "s.sqlite"
        )
    assert list(tmp_path.iterdir()) == []

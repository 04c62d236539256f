"""Payment files: the SEPA credit transfer passes its XSD, and the Excel lists read back."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import sepaxml
import xmlschema

from steunpunt.domain.errors import InvalidValue
from steunpunt.io import sepa_transfer
from steunpunt.io.excel_formats import EURO_FORMAT
from steunpunt.io.payment_list import (
    PAYMENT_HEADER,
    VOUCHER_HEADER,
    VoucherRow,
    write_payment_list,
    write_voucher_list,
)
from steunpunt.io.sepa_transfer import (
    NOT_PROVIDED,
    Debtor,
    Payment,
    sepa_text,
    write_sepa_credit_transfer,
)
from tests.log_guard import ErrorRecords
from tests.workbook_cells import figures_as_text

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
XSD = Path(sepaxml.__file__).parent / "schemas" / "pain.001.001.03.xsd"
GEMEENTE = Debtor("Gemeente Soest", "NL91 ABNA 0417 1643 00", "ABNANL2A")
PAY_DAY = date(2026, 12, 15)


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    """The pain.001.001.03 XSD that ships inside sepaxml, loaded by the test itself."""
    return xmlschema.XMLSchema(str(XSD))


def payments() -> list[Payment]:
    return [
        Payment(
            "MZW2026-0001", "Ayşe Yılmaz", "NL02 ABNA 0123 4567 89", 3334, "Mantelzorgwaardering"
        ),
        Payment(
            "MZW2026-0002", "Łukasz Wiśniewski", "DE89370400440532013000", 5000, "Compliment €"
        ),
        Payment("MZW2026-0003", "J. de Vries", "nl20ingb0001234567", 5, "Waardering 2026"),
    ]


def text(root: ET.Element, path: str) -> list[str]:
    return [element.text or "" for element in root.findall(path, NS)]


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("Ayşe Yılmaz", "Ayse Yilmaz"),
        ("Łukasz Wiśniewski", "Lukasz Wisniewski"),
        ("Jørgen Ødegård", "Jorgen Odegard"),
        ("Straße Æbeltoft & Œuvre", "Strasse AEbeltoft + OEuvre"),
        ("Đorđe Þórsson", "Dorde Thorsson"),
        ("İlknur  Çelik-O’Brien", "Ilknur Celik-O'Brien"),
        ("Jan*Piet\tKlaas", "Jan Piet Klaas"),
        ("Иван", ""),
    ],
)
def test_names_are_transliterated_to_the_sepa_characters(typed: str, sent: str) -> None:
    assert sepa_text(typed, 70) == sent


def test_text_is_cut_after_transliteration() -> None:
    assert sepa_text("ß" * 40, 70) == "ss" * 35
    assert sepa_text("a" * 69 + " b", 70) == "a" * 69


def test_the_sepa_file_passes_the_xsd_with_exact_totals(
    tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    target = tmp_path / "betaling.xml"
    assert write_sepa_credit_transfer(target, GEMEENTE, payments(), PAY_DAY, "MZW2026-B1") == 3

    schema.validate(str(target))
    root = ET.parse(target).getroot()
    assert root.tag == "{urn:iso:std:iso:20022:tech:xsd:pain.001.001.03}Document"
    assert text(root, "p:CstmrCdtTrfInitn/p:GrpHdr/p:MsgId") == ["MZW2026-B1"]
    assert text(root, "p:CstmrCdtTrfInitn/p:GrpHdr/p:NbOfTxs") == ["3"]
    assert text(root, "p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum") == ["83.39"]
    info = "p:CstmrCdtTrfInitn/p:PmtInf"
    assert text(root, f"{info}/p:PmtInfId") == ["MZW2026-B1"]
    assert text(root, f"{info}/p:CtrlSum") == ["83.39"]
    assert text(root, f"{info}/p:ReqdExctnDt") == ["2026-12-15"]
    assert text(root, f"{info}/p:Dbtr/p:Nm") == ["Gemeente Soest"]
    assert text(root, f"{info}/p:DbtrAcct/p:Id/p:IBAN") == ["NL91ABNA0417164300"]
    assert text(root, f"{info}/p:DbtrAgt/p:FinInstnId/p:BIC") == ["ABNANL2A"]
    tx = f"{info}/p:CdtTrfTxInf"
    assert text(root, f"{tx}/p:PmtId/p:EndToEndId") == [
        "MZW2026-0001",
        "MZW2026-0002",
        "MZW2026-0003",
    ]
    assert text(root, f"{tx}/p:Amt/p:InstdAmt") == ["33.34", "50.00", "0.05"]
    assert {e.get("Ccy") for e in root.findall(f"{tx}/p:Amt/p:InstdAmt", NS)} == {"EUR"}
    assert text(root, f"{tx}/p:Cdtr/p:Nm") == ["Ayse Yilmaz", "Lukasz Wisniewski", "J. de Vries"]
    assert text(root, f"{tx}/p:CdtrAcct/p:Id/p:IBAN") == [
        "NL02ABNA0123456789",
        "DE89370400440532013000",
        "NL20INGB0001234567",
    ]
    assert text(root, f"{tx}/p:RmtInf/p:Ustrd") == [
        "Mantelzorgwaardering",
        "Compliment",
        "Waardering 2026",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["betaling.xml"]  # no temporary file left


def test_the_xsd_check_in_this_test_can_fail(tmp_path: Path, schema: xmlschema.XMLSchema) -> None:
    target = tmp_path / "betaling.xml"
    write_sepa_credit_transfer(target, GEMEENTE, payments(), PAY_DAY, "MZW2026-B1")
    spoiled = target.read_text(encoding="utf-8").replace("<Nm>Ayse Yilmaz</Nm>", "<Nm></Nm>")
    assert not schema.is_valid(spoiled)


def test_the_writer_refuses_a_file_that_fails_the_xsd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, logged_errors: ErrorRecords
) -> None:
    """What slips past the checks (here a kenmerk over 35 characters) is caught by the XSD check."""
    monkeypatch.setattr(sepa_transfer, "_IDENTIFIER", re.compile(r"K+"))
    target = tmp_path / "betaling.xml"
    long = Payment("K" * 40, "A. Bakker", "NL91ABNA0417164300", 100, "x")
    with pytest.raises(InvalidValue, match="voldoet niet aan de SEPA-standaard"):
        write_sepa_credit_transfer(target, GEMEENTE, [long], PAY_DAY, "KKK")
    assert list(tmp_path.iterdir()) == []
    assert logged_errors.templates() == ["SEPA file for batch %s does not pass the %s schema"]


def test_a_debtor_without_bic_is_sent_as_not_provided(
    tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    target = tmp_path / "betaling.xml"
    debtor = Debtor("Stichting Mantelzorg Eemland — Ståhl & Co", "NL91ABNA0417164300", "")
    write_sepa_credit_transfer(target, debtor, payments()[:1], PAY_DAY, "B-2")
    schema.validate(str(target))
    root = ET.parse(target).getroot()
    agent = "p:CstmrCdtTrfInitn/p:PmtInf/p:DbtrAgt/p:FinInstnId"
    assert text(root, f"{agent}/p:Othr/p:Id") == [NOT_PROVIDED]
    assert root.findall(f"{agent}/p:BIC", NS) == []
    assert text(root, "p:CstmrCdtTrfInitn/p:PmtInf/p:Dbtr/p:Nm") == [
        "Stichting Mantelzorg Eemland - Stahl + Co"
    ]


def test_long_names_and_descriptions_are_cut_to_the_sepa_limits(
    tmp_path: Path, schema: xmlschema.XMLSchema
) -> None:
    target = tmp_path / "betaling.xml"
    long = Payment("K1", "Ł" * 100, "NL91ABNA0417164300", 100, "é" * 200)
    write_sepa_credit_transfer(target, GEMEENTE, [long], PAY_DAY, "B-3")
    schema.validate(str(target))
    root = ET.parse(target).getroot()
    tx = "p:CstmrCdtTrfInitn/p:PmtInf/p:CdtTrfTxInf"
    assert text(root, f"{tx}/p:Cdtr/p:Nm") == ["L" * 70]
    assert text(root, f"{tx}/p:RmtInf/p:Ustrd") == ["e" * 140]


def test_a_bad_iban_is_refused_by_the_payees_name_and_nothing_is_written(tmp_path: Path) -> None:
    target = tmp_path / "betaling.xml"
    target.write_text("vorige versie", encoding="utf-8")
    bad = [*payments(), Payment("MZW2026-0004", "Łukasz Nowak", "NL91ABNA0417164301", 100, "x")]
    with pytest.raises(InvalidValue, match=r"IBAN van Łukasz Nowak \(kenmerk MZW2026-0004\)"):
        write_sepa_credit_transfer(target, GEMEENTE, bad, PAY_DAY, "B-4")
    assert target.read_text(encoding="utf-8") == "vorige versie"
    assert [p.name for p in tmp_path.iterdir()] == ["betaling.xml"]


def test_an_empty_batch_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "betaling.xml"
    with pytest.raises(InvalidValue, match="geen betalingen"):
        write_sepa_credit_transfer(target, GEMEENTE, [], PAY_DAY, "B-5")
    assert not target.exists()


@pytest.mark.parametrize(
    ("payment", "message"),
    [
        (Payment("K1", "A. Bakker", "NL91ABNA0417164300", 0, "x"), "groter zijn dan nul"),
        (Payment("K1", "A. Bakker", "NL91ABNA0417164300", -500, "x"), "groter zijn dan nul"),
        (Payment("K 1", "A. Bakker", "NL91ABNA0417164300", 100, "x"), "kenmerk van de betaling"),
        (Payment("/K1", "A. Bakker", "NL91ABNA0417164300", 100, "x"), "kenmerk van de betaling"),
        (Payment("K" * 36, "A. Bakker", "NL91ABNA0417164300", 100, "x"), "kenmerk van de"),
        (Payment("K1", "Иван", "NL91ABNA0417164300", 100, "x"), "Latijnse letters"),
        (Payment("K1", "A. Bakker", "NL91ABNA0417164300", 100, "  "), "omschrijving"),
    ],
)
def test_payments_a_bank_would_refuse_are_refused_in_dutch(
    tmp_path: Path, payment: Payment, message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        write_sepa_credit_transfer(tmp_path / "b.xml", GEMEENTE, [payment], PAY_DAY, "B-6")
    assert list(tmp_path.iterdir()) == []


def test_a_kenmerk_twice_is_refused(tmp_path: Path) -> None:
    twice = [payments()[0], payments()[0]]
    with pytest.raises(InvalidValue, match="MZW2026-0001 staat twee keer"):
        write_sepa_credit_transfer(tmp_path / "b.xml", GEMEENTE, twice, PAY_DAY, "B-7")


@pytest.mark.parametrize(
    ("debtor", "message"),
    [
        (Debtor("Gemeente Soest", "NL91ABNA0417164301", ""), "betalende rekening"),
        (Debtor("Gemeente Soest", "NL91ABNA0417164300", "ABNA"), "BIC 'ABNA'"),
        (Debtor("  ", "NL91ABNA0417164300", ""), "naam in van wie betaalt"),
    ],
)
def test_a_bad_debtor_is_refused(tmp_path: Path, debtor: Debtor, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        write_sepa_credit_transfer(tmp_path / "b.xml", debtor, payments(), PAY_DAY, "B-8")


def test_a_bad_batch_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="betaalopdracht 'B 9'"):
        write_sepa_credit_transfer(tmp_path / "b.xml", GEMEENTE, payments(), PAY_DAY, "B 9")


def test_the_payment_list_reads_back_with_numbers_and_a_total(tmp_path: Path) -> None:
    target = tmp_path / "betalingen.xlsx"
    rows = [*payments(), Payment("MZW2026-0009", "=HYPERLINK(1)", "NL91ABNA0417164300", 1, "=1+1")]
    write_payment_list(target, "Mantelzorgwaardering 2026 - Soest", rows)

    sheet = openpyxl.load_workbook(target).active
    assert sheet.title == "Betalingen"
    assert sheet["A1"].value == "Mantelzorgwaardering 2026 - Soest"
    assert sheet["A1"].font.bold
    assert tuple(cell.value for cell in sheet[2]) == PAYMENT_HEADER
    assert all(cell.font.bold for cell in sheet[2])
    assert sheet.freeze_panes == "A3"
    assert [cell.value for cell in sheet[3]] == [
        "MZW2026-0001",
        "Ayşe Yılmaz",  # the list keeps the name as typed
        "NL02 ABNA 0123 4567 89",
        33.34,
        "Mantelzorgwaardering",
    ]
    assert [sheet.cell(row, 4).value for row in range(3, 7)] == [33.34, 50.0, 0.05, 0.01]
    assert {sheet.cell(row, 4).number_format for row in range(3, 8)} == {EURO_FORMAT}
    assert sheet["B6"].value == "=HYPERLINK(1)"
    assert sheet["B6"].data_type == "s"  # text, not a formula
    assert sheet["E6"].data_type == "s"
    assert sheet["A7"].value == "Totaal"
    assert sheet["D7"].value == "=SUM(D3:D6)"
    assert sheet["D7"].data_type == "f"
    assert sheet.max_row == 7
    assert sheet.column_dimensions["B"].width == 34
    assert sheet.column_dimensions["E"].width == 50
    assert [p.name for p in tmp_path.iterdir()] == ["betalingen.xlsx"]
    assert figures_as_text(target) == []


def test_the_voucher_list_reads_back(tmp_path: Path) -> None:
    target = tmp_path / "waardebonnen.xlsx"
    rows = [
        VoucherRow(
            "MZW-1", "Ayşe Yılmaz", "Kerkstraat 5", "3812 BB", "Amersfoort", "WB-7K2Q", 2500
        ),
        VoucherRow("MZW-2", "J. de Vries", "Dorpsweg 1a", "3761 AA", "Soest", "WB-9X4M", 2500),
    ]
    write_voucher_list(target, "Waardebonnen 2026", rows)

    sheet = openpyxl.load_workbook(target).active
    assert sheet.title == "Waardebonnen"
    assert sheet["A1"].value == "Waardebonnen 2026"
    assert tuple(cell.value for cell in sheet[2]) == VOUCHER_HEADER
    assert [cell.value for cell in sheet[3]] == [
        "MZW-1",
        "Ayşe Yılmaz",
        "Kerkstraat 5",
        "3812 BB",
        "Amersfoort",
        "WB-7K2Q",
        25.0,
    ]
    assert sheet["G4"].number_format == EURO_FORMAT
    assert sheet["A5"].value == "Totaal"
    assert sheet["G5"].value == "=SUM(G3:G4)"
    assert sheet.freeze_panes == "A3"
    assert figures_as_text(target) == []


def test_empty_lists_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="geen betalingen"):
        write_payment_list(tmp_path / "b.xlsx", "Leeg", [])
    with pytest.raises(InvalidValue, match="geen waardebonnen"):
        write_voucher_list(tmp_path / "w.xlsx", "Leeg", [])
    assert list(tmp_path.iterdir()) == []

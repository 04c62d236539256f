"""The merge fields a letter may use, per letter kind, with a description and an example."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MergeField:
    """A field such as ``{voornaam}``: what it holds, and an example for the preview."""

    name: str
    description: str
    example: str


COMMON_FIELDS = (
    MergeField("aanhef", "Aanhef, zonder komma", "Beste mevrouw Yılmaz"),
    MergeField("voornaam", "Voornaam (bij een gezamenlijke brief: alle voornamen)", "Ayşe"),
    MergeField("achternaam", "Tussenvoegsel en achternaam", "Yılmaz"),
    MergeField("naam", "Voor- en achternaam", "Ayşe Yılmaz"),
    MergeField("adres", "Straat en huisnummer", "Dorpsstraat 12 A"),
    MergeField("postcode", "Postcode", "3811 AB"),
    MergeField("woonplaats", "Woonplaats", "Amersfoort"),
    MergeField("datum", "Datum van de brief", "22 november 2026"),
    MergeField("kenmerk", "Ons kenmerk", "2026-0001/123"),
    MergeField("organisatie", "Naam van het steunpunt", "Steunpunt Mantelzorg"),
    MergeField("telefoon_organisatie", "Telefoonnummer van het steunpunt", "033 123 45 67"),
    MergeField("email_organisatie", "E-mailadres van het steunpunt", "info@steunpunt.example"),
    MergeField("ondertekenaar", "Naam van wie ondertekent", "Marieke Jansen"),
)

_ROUND = MergeField("ronde", "Gemeente en jaar van de ronde", "Soest 2026")
_RECIPIENT = MergeField("naaste", "Naam van de naaste (of naasten)", "Maria Jansen")
_AMOUNT = MergeField("bedrag", "Toegekend bedrag", "€ 100,00")
_REGISTERED = MergeField(
    "ingeschreven_sinds", "Datum van inschrijving bij het steunpunt", "3 maart 2025"
)
_PROVIDER = MergeField("aanbieder", "De thuiszorgaanbieder", "Thuiszorg Eemland")

KIND_FIELDS: dict[str, tuple[MergeField, ...]] = {
    "compliment_ontvangen": (_ROUND, _RECIPIENT),
    "compliment_toegekend": (
        _ROUND,
        _RECIPIENT,
        _AMOUNT,
        MergeField("betaaldatum", "Wanneer het bedrag wordt betaald", "10 november 2026"),
    ),
    "compliment_afgewezen": (
        _ROUND,
        _RECIPIENT,
        MergeField(
            "redenen",
            "Waarom de aanvraag niet voldoet (uit de regels)",
            "u zorgt 6 uur per week, minimaal 8",
        ),
        MergeField("bezwaartermijn", "Tot wanneer bezwaar kan worden gemaakt", "3 januari 2027"),
    ),
    "compliment_controlebrief": (
        _ROUND,
        MergeField("mantelzorger", "Naam van de mantelzorger", "Ayşe Yılmaz"),
        MergeField("uiterlijk", "Uiterste datum om de brief terug te sturen", "17 januari 2027"),
    ),
    "compliment_herinnering": (
        _ROUND,
        MergeField("sluitingsdatum", "Laatste dag om aan te vragen", "1 december 2027"),
    ),
    "hhm_inschrijving": (
        _REGISTERED,
        _PROVIDER,
    ),
    "hhm_toekenning": (
        _PROVIDER,
        MergeField("huishouden", "Waar de hulp komt", "in uw eigen huishouden"),
        MergeField("begindatum", "Eerste dag van de hulp", "1 januari 2027"),
        MergeField("einddatum", "Laatste dag van de hulp", "31 december 2027"),
        MergeField("uren_per_week", "Uren per week", "3"),
        MergeField("uren_per_jaar", "Uren per jaar", "52"),
        MergeField("eigen_bijdrage", "Eigen bijdrage per uur", "€ 7,50"),
    ),
}
"""Fields only some letter kinds have; the values come with the letter (see services)."""


def fields_for(kind: str) -> tuple[MergeField, ...]:
    """Every field a template of this kind may use."""
    return COMMON_FIELDS + KIND_FIELDS.get(kind, ())


def example_values(kind: str) -> dict[str, str]:
    """Example values for the editor's preview."""
    return {field.name: field.example for field in fields_for(kind)}


HOUSE_STYLE_FIELDS = {
    "organisatie": "de naam van de organisatie",
    "telefoon_organisatie": "het telefoonnummer",
    "email_organisatie": "het e-mailadres",
    "ondertekenaar": "de naam van wie ondertekent",
}
"""Fields filled from the house style, with what to fill in there when one is empty."""

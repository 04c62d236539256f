"""Builders of filled-in forms and saved records, shared by the non-GUI tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from steunpunt.domain.caregivers.care_recipient import (
    CareRecipientData,
    RelationData,
    care_recipient_from_form,
    relation_from_form,
)
from steunpunt.domain.caregivers.caregiver import CaregiverData, caregiver_from_form
from steunpunt.domain.caregivers.contact import ContactData, contact_from_form
from steunpunt.domain.choices import ConsentScope
from steunpunt.paths import AppPaths, resolve_paths
from steunpunt.services.caregivers.dto import CaregiverDetail
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.container import Services
from steunpunt.startup import OpenDatabase, open_database

TODAY = date(2026, 11, 22)


def caregiver_form(**changes: str) -> dict[str, str]:
    """Every field of the caregiver form, validly filled in; ``changes`` replace fields."""
    form = {
        "first_name": "jan pieter",
        "infix": "De",
        "last_name": "vries",
        "initials": "",
        "salutation": "heer",
        "birth_date": "01-02-1960",
        "street": "dorpsstraat",
        "house_number": "12",
        "house_number_suffix": "a",
        "postcode": "3811ab",
        "place": "amersfoort",
        "municipality": "amersfoort",
        "phone": "06-12345678",
        "email": "jan@example.nl",
        "iban": "NL91 ABNA 0417 1643 00",
        "source": "huisarts",
        "registered_on": "01-01-2026",
        "ended_on": "",
        "end_reason": "",
        "consent_given_on": "",
        "consent_method": "",
        "notes": "",
    }
    form.update(changes)
    return form


def care_recipient_form(**changes: str) -> dict[str, str]:
    """Every field of the naaste form, validly filled in (address left empty)."""
    form = {
        "first_name": "maria",
        "infix": "",
        "last_name": "jansen",
        "birth_date": "03-04-1940",
        "street": "",
        "house_number": "",
        "house_number_suffix": "",
        "postcode": "",
        "place": "",
        "municipality": "",
        "condition": "dementie",
        "living_situation": "thuis",
        "notes": "",
        "consent_given_on": "",
        "consent_method": "",
    }
    form.update(changes)
    return form


def relation_form(**changes: str) -> dict[str, str]:
    form = {"relation_type": "ouder", "hours_per_week": "12", "care_since": "01-03-2024"}
    form.update(changes)
    return form


def contact_form(**changes: str) -> dict[str, str]:
    form = {"contact_date": "20-11-2026", "kind": "telefoon", "note": "Belde over respijtzorg."}
    form.update(changes)
    return form


def caregiver_data(
    scopes: frozenset[ConsentScope] = frozenset(), no_mail: bool = False, /, **changes: str
) -> CaregiverData:
    return caregiver_from_form(caregiver_form(**changes), scopes, no_mail, TODAY)


def consented(scopes: frozenset[ConsentScope], /, **changes: str) -> CaregiverData:
    """A caregiver who gave consent for ``scopes`` in writing on 1 January 2026."""
    return caregiver_data(
        scopes, False, consent_given_on="01-01-2026", consent_method="schriftelijk", **changes
    )


def care_recipient_data(
    scopes: frozenset[ConsentScope] = frozenset(), /, **changes: str
) -> CareRecipientData:
    return care_recipient_from_form(care_recipient_form(**changes), scopes, TODAY)


def relation_data(**changes: str) -> RelationData:
    return relation_from_form(relation_form(**changes), TODAY)


def contact_data(staff_id: int | None = None, /, **changes: str) -> ContactData:
    return contact_from_form(contact_form(**changes), staff_id, TODAY)


def add_caregiver(services: Services, actor: Actor, **changes: str) -> CaregiverDetail:
    """Save a caregiver made from :func:`caregiver_form` with ``changes``."""
    return services.caregivers.create(actor, caregiver_data(**changes))


def fill_house_style(services: Services, actor: Actor, **changes: str) -> None:
    """A complete house style, as a steunpunt sets it up before its first mailing."""
    from steunpunt.domain.letters.house_style import HouseStyle

    values = {
        "organisation": "Steunpunt Mantelzorg Eemland",
        "street_line": "Stationsplein 10",
        "postal_line": "3811 AB  AMERSFOORT",
        "phone": "033 123 45 67",
        "email": "info@steunpunt.example",
        "signatory_name": "Marieke Jansen",
        "signatory_role": "Consulent mantelzorg",
    }
    values.update(changes)
    _style, version = services.letters.house_style()
    services.letters.save_house_style(actor, HouseStyle(**values), version)


def add_mailing_people(services: Services, actor: Actor) -> dict[str, int]:
    """Six caregivers: two at one address, one without mail, one ended, one without address.

    The house style is filled in too, as a mailing needs it.
    """
    fill_house_style(services, actor)
    made = {
        "ayse": add_caregiver(
            services,
            actor,
            first_name="Ayşe",
            infix="",
            last_name="Yılmaz",
            salutation="mevrouw",
            street="Kerkstraat",
            house_number="5",
            house_number_suffix="",
            postcode="3812 BB",
            place="Amersfoort",
        ),
        "lukasz": add_caregiver(
            services,
            actor,
            first_name="Łukasz",
            infix="",
            last_name="Wiśniewski",
            salutation="heer",
            street="Kerkstraat",
            house_number="5",
            house_number_suffix="",
            postcode="3812bb",
            place="Amersfoort",
            birth_date="01-01-2010",
        ),
        "jan": add_caregiver(services, actor, postcode="1234 AB", place="Soest"),
        "no_mail": add_caregiver(services, actor, first_name="Nora", last_name="Post"),
        "ended": add_caregiver(
            services,
            actor,
            first_name="Eva",
            last_name="Eind",
            ended_on="01-06-2026",
            end_reason="verhuisd",
        ),
        "no_address": add_caregiver(
            services,
            actor,
            first_name="Bas",
            last_name="Zonderadres",
            street="",
            house_number="",
            house_number_suffix="",
            postcode="",
            place="",
        ),
    }
    ids = {key: detail.id for key, detail in made.items()}
    detail = services.caregivers.get(ids["no_mail"])
    services.caregivers.update(actor, detail.id, detail.version, replace(detail.data, no_mail=True))
    return ids


def database_with_caregivers(file: Path, paths: AppPaths, count: int) -> None:
    """A database at ``file`` holding ``count`` caregivers, checkpointed and closed."""
    database = open_database(file, paths, new_register=True)
    for _ in range(count):
        database.services.caregivers.create(database.actor, caregiver_data())
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()


def open_demo(folder: Path, login: str = "beheerder") -> OpenDatabase:
    """The demo database in ``folder``, opened by signing in with a demo account's published
    password (it is encrypted), the services bound to that account."""
    from steunpunt.demo.accounts import DEMO_ACCOUNTS
    from steunpunt.entrance import Entrance

    [password] = [known for _n, name, _r, known in DEMO_ACCOUNTS if name == login]
    paths = resolve_paths(folder)
    entered = Entrance(paths.database_file, paths).sign_in(login, password)
    return entered.database.acting_as(entered.signed_in.actor)


def demo_key(folder: Path) -> bytes:
    """The data key of the demo database in ``folder``, unwrapped with the demo beheerder's
    password: for tests that read the file with SQLite itself (``cipher.connect``)."""
    from steunpunt.db.kernel.keyfile import key_file_for, unlock_with_password
    from steunpunt.demo.accounts import DEMO_LOGIN, DEMO_PASSWORD

    key_file = key_file_for(resolve_paths(folder).database_file)
    return unlock_with_password(key_file, DEMO_LOGIN, DEMO_PASSWORD).data_key

"""``steunpunt self-test``: open and migrate the database, then exercise the services."""

from __future__ import annotations

import importlib.util
import logging
import tempfile
from collections.abc import Callable
from datetime import date

from steunpunt.cli_sign_in import open_entrance, sign_in
from steunpunt.domain.caregivers.care_recipient import CareRecipientData, RelationData
from steunpunt.domain.caregivers.caregiver import caregiver_from_form
from steunpunt.domain.caregivers.contact import ContactData
from steunpunt.domain.caregivers.list_filter import CaregiverFilter
from steunpunt.domain.choices import ActiveFilter, ContactKind, LivingSituation, RelationType
from steunpunt.entrance import Door
from steunpunt.paths import AppPaths, resolve_paths
from steunpunt.services.kernel.errors import StaleEdit
from steunpunt.services.kernel.integrity import find_damage
from steunpunt.startup import OpenDatabase, open_database

log = logging.getLogger(__name__)

Say = Callable[[str], None]


class SelfTestFailed(Exception):
    """One check did not hold; the message says which, in Dutch."""


def run_self_test(paths: AppPaths, say: Say, user: str | None = None) -> int:
    """Check the user's database (read only) and a full write cycle on a scratch database.

    A database with accounts needs a sign-in (``user``); a new one without accounts does not.
    A known problem (a locked, damaged or unreachable database, a full disk, a refused
    sign-in) is raised for ``cli.main`` to say in one line.
    """
    entrance = open_entrance(paths)
    if entrance.door is Door.NEW:
        say(
            f"OK: nog geen database in {paths.data_dir}; die wordt versleuteld gemaakt bij de "
            "eerste start van het venster."
        )
    elif not _passes(sign_in(entrance, user), _check_database, say):  # reads as who signed in
        return 1
    with tempfile.TemporaryDirectory(prefix="steunpunt-selftest-") as folder:
        scratch_paths = resolve_paths(folder).ensure()
        scratch = open_database(scratch_paths.database_file, scratch_paths)
        if not _passes(scratch, _exercise_services, say):
            return 1
    if importlib.util.find_spec("PySide6") is None:
        say("FOUT: PySide6 is niet geïnstalleerd; het venster kan niet openen.")
        return 1
    say("OK: PySide6 is aanwezig.")
    say("Zelftest geslaagd.")
    return 0


def _passes(database: OpenDatabase, check: Callable[[OpenDatabase, Say], None], say: Say) -> bool:
    """Run ``check`` on ``database``, then close it; False after saying what failed."""
    try:
        check(database, say)
    except SelfTestFailed as failure:
        say(f"FOUT: {failure}")
        return False
    finally:
        database.close()
    return True


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailed(message)


def _check_database(database: OpenDatabase, say: Say) -> None:
    say(f"OK: database {database.file} geopend (versie {database.migration.to_revision}).")
    if database.read_only:
        say("LET OP: de database is alleen-lezen; wijzigingen kunnen niet worden opgeslagen.")
    damage = find_damage(database.engine)
    if damage is not None:
        raise SelfTestFailed(
            f"{damage.message} Exporteren kan met: steunpunt export mantelzorgers.xlsx "
            "--status alle; een reservekopie terugzetten in het venster van Steunpunt."
        )
    say("OK: database is onbeschadigd.")
    caregivers = database.services.caregivers
    total = caregivers.count()
    listed = caregivers.search(CaregiverFilter(active=ActiveFilter.ALL), limit=1).total
    _expect(listed == total, "de lijst toont niet alle mantelzorgers.")
    say(f"OK: {total} mantelzorgers, lijst en zoeken werken.")
    items = database.services.worklist.items()
    say(f"OK: de werklijst van vandaag heeft {len(items)} punten.")


def _exercise_services(database: OpenDatabase, say: Say) -> None:
    services, actor = database.services, database.actor
    today = date.today()
    form = {
        "first_name": "Zelftest",
        "last_name": "Controle",
        "registered_on": today.strftime("%d-%m-%Y"),
        "postcode": "3811 AB",
        "street": "Proefstraat",
        "house_number": "1",
        "place": "Amersfoort",
    }
    data = caregiver_from_form(form, frozenset(), False, today)
    created = services.caregivers.create(actor, data)
    found = services.caregivers.search_ids(CaregiverFilter(text="zelftest 3811"))
    _expect(found == [created.id], "een nieuwe mantelzorger wordt niet gevonden.")
    edited = services.caregivers.update(
        actor,
        created.id,
        created.version,
        caregiver_from_form({**form, "phone": "0612345678"}, frozenset(), False, today),
    )
    try:
        services.caregivers.update(actor, created.id, created.version, data)
    except StaleEdit:
        pass
    else:
        raise SelfTestFailed("een verouderde wijziging werd niet geweigerd.")
    naaste = CareRecipientData(data.name, None, data.address, "", LivingSituation.AT_HOME, "", None)
    services.care_recipients.create_for_caregiver(
        actor, edited.id, naaste, RelationData(RelationType.PARENT, 10.0, None)
    )
    services.contacts.add(actor, edited.id, ContactData(today, ContactKind.PHONE, None, "test"))
    detail = services.caregivers.get(edited.id)
    _expect(
        len(detail.relations) == 1 and len(detail.contacts) == 1,
        "naaste of contactmoment is niet opgeslagen.",
    )
    say("OK: inschrijven, zoeken, wijzigen, naaste en contactmoment werken (op een proefdatabase).")

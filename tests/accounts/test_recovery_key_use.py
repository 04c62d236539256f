"""The recovery key: a beheerder replaces it (the old one opens nothing after), and with it a
beheerder who lost every password opens the database and chooses a new password."""

from __future__ import annotations

import pytest

from steunpunt.db.kernel import keyfile
from steunpunt.domain.audit import AuditFilter, AuditKind
from steunpunt.domain.keys.recovery import format_recovery_key
from steunpunt.domain.roles import Role
from steunpunt.entrance import Entered, Entrance
from steunpunt.paths import AppPaths
from steunpunt.services.accounts.dto import AccountData
from steunpunt.services.accounts.errors import SignInRefused
from steunpunt.services.kernel.errors import NotAllowed, NotPermitted
from tests.helpers import add_caregiver

PASSWORD = "paars konijn op de fiets"
HANDED_OVER = "groene olifant zingt zacht"
NEW = "blauwe reiger vangt vis"


@pytest.fixture
def register(app_paths: AppPaths) -> Entered:
    """A new encrypted register of the beheerder Els, with a medewerker Piet and a caregiver."""
    made = Entrance(app_paths.database_file, app_paths).create_first_beheerder(
        "Els de Wit", "els", PASSWORD, PASSWORD
    )
    bound = made.database.acting_as(made.signed_in.actor)
    add_caregiver(bound.services, bound.actor, first_name="Wilhelmina")
    piet = AccountData("Piet", "piet", Role.MEDEWERKER)
    bound.services.accounts.add(bound.actor, piet, HANDED_OVER, HANDED_OVER)
    return Entered(bound, made.signed_in, made.recovery_key)


def entrance(paths: AppPaths) -> Entrance:
    return Entrance(paths.database_file, paths)


def test_a_new_recovery_key_replaces_the_old_one(register: Entered, app_paths: AppPaths) -> None:
    old = register.recovery_key
    assert old is not None
    key_file = keyfile.key_file_for(app_paths.database_file)
    old_copy = key_file.with_name("oude-kopie.sleutels")  # as kept in an older backup
    old_copy.write_bytes(key_file.read_bytes())
    new = register.services.recovery.new_recovery_key(register.signed_in.actor)
    assert new != old and len(new.split("-")) == 10
    [event] = register.services.audit.events(AuditFilter(kind=AuditKind.NEW_RECOVERY_KEY)).events
    assert event.staff_name == "Els de Wit"
    assert new not in event.summary and new[:9] not in event.summary
    register.close()

    with pytest.raises(SignInRefused, match="opent de database niet"):
        entrance(app_paths).open_with_recovery_key(old)
    recovered = entrance(app_paths).open_with_recovery_key(new.lower().replace("-", " "))
    assert recovered.database.services.caregivers.count() == 1
    recovered.close()
    # The limit: the data key is unchanged, so an old key file with the old recovery key
    # still gives it (an older backup keeps opening with the key that was valid then).
    data_key = keyfile.unlock_with_recovery_key(key_file, new)
    assert keyfile.unlock_with_recovery_key(old_copy, old) == data_key


def test_only_a_beheerder_makes_a_new_recovery_key(register: Entered, app_paths: AppPaths) -> None:
    register.close()
    piet = entrance(app_paths).sign_in("piet", HANDED_OVER)
    key_file = keyfile.key_file_for(app_paths.database_file)
    before = key_file.read_bytes()
    bound = piet.database.acting_as(piet.signed_in.actor)
    with pytest.raises(NotPermitted, match="de herstelsleutel niet gebruiken of vervangen"):
        bound.services.recovery.new_recovery_key(bound.actor)
    assert key_file.read_bytes() == before
    piet.close()


def test_every_password_lost_the_recovery_key_opens_and_a_beheerder_chooses_a_new_one(
    register: Entered, app_paths: AppPaths
) -> None:
    assert register.recovery_key is not None
    register.close()

    recovered = entrance(app_paths).open_with_recovery_key(register.recovery_key)
    assert [account.name for account in recovered.beheerders] == ["Els de Wit"]
    entered = recovered.take_over(recovered.beheerders[0].id, NEW, NEW)
    assert entered.signed_in.actor.name == "Els de Wit"
    assert not entered.signed_in.must_change_password
    [event] = entered.services.audit.events(
        AuditFilter(kind=AuditKind.OPENED_WITH_RECOVERY_KEY)
    ).events
    assert event.staff_name == "Els de Wit"
    entered.close()

    with pytest.raises(SignInRefused, match="klopt niet"):
        entrance(app_paths).sign_in("els", PASSWORD)
    again = entrance(app_paths).sign_in("els", NEW)
    assert again.services.caregivers.count() == 1
    again.close()


def test_a_wrong_recovery_key_changes_nothing_and_must_wait_after_five(
    register: Entered, app_paths: AppPaths
) -> None:
    register.close()
    other = format_recovery_key(b"\x01" * 20)
    key_file = keyfile.key_file_for(app_paths.database_file)
    before = key_file.read_bytes(), app_paths.database_file.read_bytes()
    for _ in range(5):
        with pytest.raises(SignInRefused, match=r"^Deze herstelsleutel opent de database niet"):
            entrance(app_paths).open_with_recovery_key(other)
    with pytest.raises(SignInRefused, match="Te vaak een verkeerde herstelsleutel"):
        assert register.recovery_key is not None
        entrance(app_paths).open_with_recovery_key(register.recovery_key)
    assert (key_file.read_bytes(), app_paths.database_file.read_bytes()) == before


def test_a_password_is_chosen_so_only_after_opening_with_the_recovery_key(
    register: Entered,
) -> None:
    [els] = register.services.recovery.beheerders()
    with pytest.raises(NotAllowed, match="Alleen met de herstelsleutel"):
        register.services.recovery.take_over(els.id, NEW, NEW)
    register.close()

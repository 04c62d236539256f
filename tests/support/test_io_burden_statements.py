"""The EDIZ-plus statement texts: shipped numbered items, or the steunpunt's own file."""

from __future__ import annotations

import json
from pathlib import Path

from steunpunt.io.burden_statements import FILE_NAME, load_statements
from steunpunt.services.kernel.container import Services


def test_the_shipped_items_are_numbered() -> None:
    statements = load_statements()
    assert len(statements) == 15 and statements[0] == "Uitspraak 1"


def test_the_steunpunts_own_wording_is_used_when_it_is_whole(tmp_path: Path) -> None:
    own = [f"Ik heb het zwaar ({n})" for n in range(1, 16)]
    (tmp_path / FILE_NAME).write_text(json.dumps({"items": own}), encoding="utf-8")
    assert load_statements(tmp_path) == tuple(own)


def test_the_burden_service_gives_the_screens_the_own_wording(
    services: Services, tmp_path: Path
) -> None:
    own = [f"Ik heb het zwaar ({n})" for n in range(1, 16)]
    (tmp_path / FILE_NAME).write_text(json.dumps({"items": own}), encoding="utf-8")
    assert services.burden.statements(tmp_path) == tuple(own)
    assert services.burden.statements(None)[0] == "Uitspraak 1"


def test_a_broken_own_file_falls_back_to_the_shipped_items(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text('{"items": ["maar een"]}', encoding="utf-8")
    assert load_statements(tmp_path)[0] == "Uitspraak 1"
    (tmp_path / FILE_NAME).write_text("{kapot", encoding="utf-8")
    assert load_statements(tmp_path)[14] == "Uitspraak 15"

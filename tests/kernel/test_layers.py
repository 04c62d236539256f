"""The layer rules of the architecture, checked on the source: who may import what."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent.parent / "src" / "steunpunt"
TESTS = Path(__file__).parent.parent
FEATURES = (
    "accounts",
    "caregivers",
    "support",
    "compliment",
    "letters",
    "reports",
    "today",
    "privacy",
    "imports",
)
"""The house's features: each has a package of its name on every layer and in the tests."""
TABLES_IN_KERNEL = {"accounts"}
"""Features whose table every feature shares, kept in ``db/kernel`` (accounts: staff_member)."""
KERNEL = "kernel"
LAYERS = ("ui", "services", "db", "domain")


def imported_modules(file: Path) -> set[str]:
    """Every module ``file`` imports, anywhere in it (also inside functions)."""
    tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def qualified_imports(file: Path, package: str) -> set[str]:
    """Every module and imported name of ``file`` in ``package``, relative imports resolved.

    ``from steunpunt import db`` gives ``steunpunt.db``; ``from ..io import x`` in
    ``steunpunt.ui`` gives ``steunpunt.io`` and ``steunpunt.io.x``.
    """
    tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *filter(None, [base])])
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def package_of(file: Path) -> str:
    return ".".join(("steunpunt", *file.relative_to(PACKAGE).parent.parts))


def top_level(modules: set[str]) -> set[str]:
    return {module.split(".")[0] for module in modules}


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def relative(file: Path) -> str:
    return file.relative_to(PACKAGE).as_posix()


def may_import_qt(file: Path) -> bool:
    name = relative(file)
    return name == "app.py" or name.startswith("ui/")


def test_the_package_is_where_the_test_looks() -> None:
    names = {relative(f) for f in sources()}
    assert {
        "app.py",
        "domain/names.py",
        "db/caregivers/models.py",
        "services/caregivers/register.py",
    } <= names
    assert any(name.startswith("ui/") for name in names)


def test_imports_are_found_everywhere_in_a_file(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os, PySide6.QtCore as qc\n"
        "from sqlalchemy.orm import Session\n"
        "from . import sibling\n"
        "def later():\n"
        "    from PySide6 import QtWidgets\n",
        encoding="utf-8",
    )
    assert imported_modules(sample) == {"os", "PySide6.QtCore", "sqlalchemy.orm", "PySide6"}


@pytest.mark.parametrize("feature", FEATURES)
def test_every_feature_has_a_package_on_every_layer_and_in_the_tests(feature: str) -> None:
    layers = ("ui", "services", "domain") if feature in TABLES_IN_KERNEL else LAYERS
    packages = [PACKAGE / layer / feature for layer in layers]
    missing = [
        str(folder)
        for folder in [*packages, TESTS / feature]
        if not (folder / "__init__.py").is_file()
    ]
    assert missing == []


@pytest.mark.parametrize("layer", ["services", "db"])
def test_services_and_db_hold_only_feature_packages_and_the_kernel(layer: str) -> None:
    """A new module goes into its feature's package (or the kernel), never loose beside them."""
    offenders = [
        relative(file)
        for file in sorted((PACKAGE / layer).rglob("*.py"))
        if file.relative_to(PACKAGE / layer).parts[0] not in {*FEATURES, KERNEL, "__init__.py"}
    ]
    assert offenders == []


def test_only_ui_and_app_import_pyside6() -> None:
    offenders = [
        relative(file)
        for file in sources()
        if not may_import_qt(file) and "PySide6" in top_level(imported_modules(file))
    ]
    assert offenders == []


DRIVER_MODULES = {"db/kernel/cipher.py", "db/kernel/errors.py"}
"""Where the SQLite drivers are named: the one connect function, and the errors they raise."""


def driver_connects(file: Path) -> set[str]:
    """``sqlite3.connect`` and SQLCipher's ``connect`` called in ``file``, by the name called."""
    tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    return {
        f"{node.func.value.id}.connect"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "connect"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in {"sqlite3", "sqlcipher", "sqlcipher3", "dbapi2"}
    }


def test_every_sqlite_file_is_opened_through_the_one_connect_function() -> None:
    """So an encrypted database is opened with its key everywhere (db/kernel/cipher.py)."""
    connects = [relative(file) for file in sources() if driver_connects(file)]
    importers = [
        relative(file)
        for file in sources()
        if "sqlcipher3" in top_level(imported_modules(file))
        and relative(file) not in DRIVER_MODULES
    ]
    assert (connects, importers) == (["db/kernel/cipher.py"], [])


def test_the_connect_rule_sees_a_direct_connect(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import sqlite3\ndef f(p):\n    return sqlite3.connect(p)\n")
    assert driver_connects(sample) == {"sqlite3.connect"}


@pytest.mark.parametrize(
    "forbidden", ["sqlalchemy", "alembic", "PySide6", "reportlab", "openpyxl", "python_calamine"]
)
def test_domain_is_pure(forbidden: str) -> None:
    offenders = [
        relative(file)
        for file in sorted((PACKAGE / "domain").rglob("*.py"))
        if forbidden in top_level(imported_modules(file))
    ]
    assert offenders == []


def test_domain_does_not_import_the_outer_layers() -> None:
    outer = (
        "steunpunt.db",
        "steunpunt.services",
        "steunpunt.ui",
        "steunpunt.app",
        "steunpunt.io",
        "steunpunt.letters",
    )
    offenders = [
        (relative(file), module)
        for file in sorted((PACKAGE / "domain").rglob("*.py"))
        for module in imported_modules(file)
        if module.startswith(outer)
    ]
    assert offenders == []


def screen_offenders(files: list[Path]) -> list[tuple[str, str]]:
    """Imports of the database, file and printing layers in screen modules."""
    below = ("steunpunt.db", "steunpunt.io", "steunpunt.letters")
    return [
        (relative(file), name)
        for file in files
        for name in sorted(qualified_imports(file, package_of(file)))
        if name in below or name.startswith(tuple(f"{layer}." for layer in below))
    ]


def test_screens_import_only_ui_services_and_domain() -> None:
    """Whatever writes a file or touches the database is a service, so the CLI has it too."""
    assert screen_offenders(sorted((PACKAGE / "ui").rglob("*.py"))) == []


def test_the_screen_rule_sees_every_way_of_importing(tmp_path: Path) -> None:
    screen = PACKAGE / "ui" / "caregivers" / "list_view.py"
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from steunpunt import db\n"
        "from steunpunt.services import letters\n"
        "from ...io import caregiver_export\n"
        "from ..letters import template_form\n"
        "from ...letters.labels import render_labels\n"
        "def later():\n"
        "    import steunpunt.letters.report_pdf\n",
        encoding="utf-8",
    )
    found = qualified_imports(sample, package_of(screen))
    assert {
        "steunpunt.db",
        "steunpunt.io.caregiver_export",
        "steunpunt.letters.labels.render_labels",
        "steunpunt.letters.report_pdf",
    } <= found
    assert {"steunpunt.services.letters", "steunpunt.ui.letters.template_form"} <= found
    assert "steunpunt.letters" not in found
    assert qualified_imports(screen, package_of(screen)) >= {
        "steunpunt.domain.caregivers.list_filter.CaregiverFilter"
    }


def test_services_and_db_do_not_import_the_ui() -> None:
    offenders = [
        (relative(file), module)
        for layer in ("db", "services")
        for file in sorted((PACKAGE / layer).rglob("*.py"))
        for module in imported_modules(file)
        if module.startswith(("steunpunt.ui", "steunpunt.app"))
    ]
    assert offenders == []


def test_demo_data_stays_out_of_the_program() -> None:
    """Demo generators serve the CLI, benches and tests; no layer of the program imports them."""
    offenders = [
        (relative(file), module)
        for file in sources()
        if relative(file) != "cli.py" and not relative(file).startswith("demo/")
        for module in imported_modules(file)
        if module.startswith("steunpunt.demo")
    ]
    assert offenders == []


def test_demo_data_does_not_import_the_ui() -> None:
    offenders = [
        (relative(file), module)
        for file in sorted((PACKAGE / "demo").rglob("*.py"))
        for module in imported_modules(file)
        if module.startswith(("steunpunt.ui", "steunpunt.app", "steunpunt.cli"))
    ]
    assert offenders == []


def test_every_package_is_listed_for_the_wheel() -> None:
    """An editable install finds any package; a built wheel only the ones pyproject lists."""
    import tomllib

    root = Path(__file__).resolve().parent.parent.parent
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    source = root / "src"
    found = {
        ".".join(init.parent.relative_to(source).parts)
        for init in source.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set()


SCREEN_CONTEXTS = {("ui/context.py", "ScreenContext"), ("ui/tasks.py", "TaskContext")}
"""The one context screens get, and the handle a running task gets; no other ``...Context``."""


def context_problems(file: Path) -> set[str]:
    """Every ``...Context`` a module defines (class or alias), and every context unpacked."""
    tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name.endswith("Context"):
            found.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [target.id for target in targets if isinstance(target, ast.Name)]
            found.update(name for name in names if name.endswith("Context"))
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple):
            value = node.value
            name = value.id if isinstance(value, ast.Name) else getattr(value, "attr", "")
            if name.lower().endswith("context"):
                found.add(f"unpacks {name}")
    return found


def test_context_problems_are_found(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "Context = tuple[int, str, float]\n"
        "class RoundContext:\n"
        "    def __init__(self, context):\n"
        "        self._services, self._actor, self._today = context\n"
        "        services, actor, _today = self._context\n"
        "        self.services = context.services\n",
        encoding="utf-8",
    )
    assert context_problems(sample) == {
        "Context",
        "RoundContext",
        "unpacks context",
        "unpacks _context",
    }


def test_screens_get_one_context_object() -> None:
    """No ``Context`` tuple alias, no ``RoundContext``, no context unpacked: one ScreenContext."""
    found = {(relative(file), name) for file in sources() for name in context_problems(file)}
    assert found == SCREEN_CONTEXTS

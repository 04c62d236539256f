"""The layer rules of the architecture, checked on the source: who may import what."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent.parent / "src" / "steunpunt"
TESTS = Path(__file__).parent.parent
FEATURES = ("caregivers", "support", "compliment", "letters", "reports", "today")
"""The house's features: each has a package of its name on every layer and in the tests."""
KERNEL = "kernel"


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
    packages = [PACKAGE / layer / feature for layer in ("ui", "services", "db", "domain")]
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


@pytest.mark.parametrize("forbidden", ["sqlalchemy", "alembic", "PySide6", "reportlab"])
def test_domain_is_pure(forbidden: str) -> None:
    offenders = [
        relative(file)
        for file in sorted((PACKAGE / "domain").rglob("*.py"))
        if forbidden in top_level(imported_modules(file))
    ]
    assert offenders == []


def test_domain_does_not_import_the_outer_layers() -> None:
    outer = ("steunpunt.db", "steunpunt.services", "steunpunt.ui", "steunpunt.app")
    offenders = [
        (relative(file), module)
        for file in sorted((PACKAGE / "domain").rglob("*.py"))
        for module in imported_modules(file)
        if module.startswith(outer)
    ]
    assert offenders == []


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

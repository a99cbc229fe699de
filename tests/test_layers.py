"""Architecture: the import-linter contracts hold, nothing below the UI loads Qt, and no module
reaches into another one's private names."""

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADLESS = ("app.domain", "app.services", "app.db", "app.cli")

IMPORT_ALL = f"""
import importlib, pkgutil, sys
names = ["app", "app.config"]
for package in {HEADLESS!r}:
    names.append(package)
    path = importlib.import_module(package).__path__
    names += [m.name for m in pkgutil.walk_packages(path, package + ".")]
for name in names:
    importlib.import_module(name)
qt = sorted(k for k in sys.modules if k.split(".")[0] in ("PySide6", "shiboken6"))
assert not qt, f"Qt loaded: {{qt[:5]}}"
print("\\n".join(names))
"""


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [lint, "--no-cache", "--no-logo"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Contracts: [1-9]\d* kept, 0 broken", result.stdout), result.stdout


def test_headless_packages_import_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    assert {"app.cli.main", "app.services.demo", "app.db.models", "app.domain.audit_chain"} <= (
        imported
    )


def test_screens_and_commands_never_open_a_unit_of_work():
    """Units of work belong to the use cases; the GUI and the CLI call services only."""
    opened = [
        f"{path.relative_to(ROOT)}:{number}"
        for layer in ("app/ui", "app/cli")
        for path in (ROOT / layer).rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.(uow|reader)\(", line)
    ]
    assert opened == []


def test_no_module_imports_another_modules_private_names():
    """An underscore name is its module's own business: to share it, give it a public name."""
    reached = [
        f"{path.relative_to(ROOT)}:{node.lineno} {alias.name}"
        for path in sorted((ROOT / "app").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.level or str(node.module).startswith("app"))
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert reached == []

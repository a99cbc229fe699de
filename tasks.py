#!/usr/bin/env python3
"""One-command set-up on Windows, Linux and macOS. Standard library only.

    python tasks.py demo    install what is needed, then start the app on a demo database
    python tasks.py test    install what is needed, then run the whole test suite
    python tasks.py check   lint, import contracts, types and tests (what CI runs)
    python tasks.py i18n    refresh resources/i18n/*.ts from the code and compile the .qm files
    python tasks.py mutate  mutation testing of app/domain with the fast domain tests; exits 1
                            if a module scores below 90% (not part of check: ~15 minutes)

Everything goes into a virtual environment in .venv next to this file.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-from"
LANGUAGES = ["zh_CN"]


def tool(name: str) -> str:
    return str(BIN / (name + (".exe" if os.name == "nt" else "")))


def run(*args: str, **kwargs) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, check=True, cwd=ROOT, **kwargs)


def ensure_environment() -> None:
    """Create .venv and install the app with its dev tools; again only when the packaging
    files change (setup.py maps migrations/ and resources/ into the editable install)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py may be started by any Python
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    packaging = b"".join((ROOT / name).read_bytes() for name in ("pyproject.toml", "setup.py"))
    wanted = hashlib.sha256(packaging).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PYTHON.exists():
        print(f"Creating the virtual environment in {VENV} …", flush=True)
        venv.create(VENV, with_pip=True)
    run(str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(str(PYTHON), "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(wanted)


def demo(extra: list[str]) -> int:
    ensure_environment()
    return subprocess.call([str(PYTHON), "-m", "app", "--demo", *extra], cwd=ROOT)


def test(extra: list[str]) -> int:
    ensure_environment()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # One worker per core unless the caller chose (-n 0 runs in this process, e.g. for -x).
    parallel = [] if any(a.startswith(("-n", "--numprocesses")) for a in extra) else ["-n", "auto"]
    return subprocess.call([str(PYTHON), "-m", "pytest", *parallel, *extra], cwd=ROOT, env=env)


def check(extra: list[str]) -> int:
    ensure_environment()
    run(tool("ruff"), "check", ".")
    run(tool("lint-imports"))
    run(tool("mypy"))
    return test(extra)


def i18n(_extra: list[str]) -> int:
    ensure_environment()
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))
    for language in LANGUAGES:
        ts = f"resources/i18n/loyalty_{language}.ts"
        run(tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", ts)
        run(tool("pyside6-lrelease"), ts, "-qm", ts.replace(".ts", ".qm"))
    return 0


def mutate(extra: list[str]) -> int:
    """tools/mutate.py: mutmut 3 inside functions, plus module constants, decorated functions
    and each permission-matrix cell; pass --max-children N (default 2), --keep, or module
    names (e.g. `inputs members`) to mutate only those."""
    if os.name == "nt":
        sys.exit("Mutation testing needs fork(): run it on Linux or macOS (or WSL).")
    ensure_environment()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    return subprocess.call([str(PYTHON), "tools/mutate.py", *extra], cwd=ROOT, env=env)


COMMANDS = {"demo": demo, "test": test, "check": check, "i18n": i18n, "mutate": mutate}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    sys.exit(COMMANDS[sys.argv[1]](sys.argv[2:]))

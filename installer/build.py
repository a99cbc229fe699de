#!/usr/bin/env python3
"""Build the Windows installer: the PyInstaller bundle, then the NSIS setup program.

    python installer/build.py                 # on Windows: build\\dist\\LoyaltyDesk-Setup-<v>.exe
    python installer/build.py --bundle-only   # the bundle alone (build/dist/LoyaltyDesk)

Run it with the Python of an environment where the app is installed with its packaging
extra (`pip install .[package]`; not editable, so the bundle is built from what a user
would get). makensis (NSIS 3) must be on PATH or in its usual folder. On Linux the same
script builds a Linux bundle and compiles the NSIS script as a check (CI: .ci/run); the
setup program it writes then holds Linux files and is not for distribution.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "build" / "dist"
NAME = "LoyaltyDesk"


def run(*command: str) -> None:
    """Run in build/, not the checkout: `python -m` puts the current folder first on the
    path, and the bundle must take the installed app, not the source tree's."""
    print("+", " ".join(command), flush=True)
    DIST.mkdir(parents=True, exist_ok=True)
    subprocess.run(command, check=True, cwd=DIST.parent)


def version() -> str:
    from app import __version__

    return __version__


def bundle() -> Path:
    run(
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
        str(ROOT / "installer" / "loyalty-desk.spec"),
    )  # fmt: skip
    return DIST / NAME


def makensis() -> str:
    found = shutil.which("makensis")
    program_files = os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")
    fallback = Path(program_files) / "NSIS" / "makensis.exe"
    if found is None and fallback.exists():
        found = str(fallback)
    if found is None:
        sys.exit("makensis not found: install NSIS 3 (Debian/Ubuntu: apt-get install nsis)")
    return found


def installer(folder: Path, quick_check: bool = False) -> Path:
    setup = DIST / f"{NAME}-Setup-{version()}.exe"
    # makensis takes /D options before the script; on Linux it wants its own - switches.
    flag = "/" if os.name == "nt" else "-"
    check = [f"{flag}DQUICK_CHECK"] if quick_check else []
    run(
        makensis(), f"{flag}V2", *check, f"{flag}DVERSION={version()}", f"{flag}DDIST={folder}",
        f"{flag}DOUTFILE={setup}", str(ROOT / "installer" / "loyalty-desk.nsi"),
    )  # fmt: skip
    return setup


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle-only", action="store_true", help="skip the NSIS step")
    parser.add_argument(
        "--quick-check", action="store_true",
        help="compile the installer uncompressed (CI checks the script, ships nothing)",
    )  # fmt: skip
    args = parser.parse_args()
    folder = bundle()
    print(f"bundle: {folder}")
    if not args.bundle_only:
        print(f"installer: {installer(folder, args.quick_check)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

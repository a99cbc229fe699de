"""Cold start to a visible window: Loyalty Desk against a bare PySide6 window, same run.

    .venv/bin/python bench/startup.py [--runs 5] [--bundle dist/LoyaltyDesk/LoyaltyDesk]

Each run is a fresh process, timed from outside (interpreter start included) until it
reports its first window shown and painted; the median of the runs is printed. The app runs
with `--startup-probe` on a new SQLite database in a temporary data folder; it also reports
which database modules were loaded when its window showed (none is the goal: they load in
the worker that opens the database). `--bundle` adds the PyInstaller bundle's executable.
The goal is the app within 1.5× the bare window. Runs offscreen unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 1.5

BARE = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.show()
app.processEvents()
print('{"shown": true}', flush=True)
"""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, dict]:
    """Seconds from starting ``command`` to its first line of output, and that line."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env, text=True, cwd=ROOT)
    line = process.stdout.readline()
    seconds = time.perf_counter() - started
    process.wait(timeout=60)
    if not line:
        raise RuntimeError(f"{command[0]} exited without showing a window")
    return seconds, json.loads(line)


def medians(
    commands: list[tuple[str, list[str]]], env: dict[str, str], runs: int
) -> list[tuple[str, float, dict]]:
    """Each command's median; the commands take turns run by run, so a change in the
    machine's load (other work on a shared machine) weighs on all of them alike."""
    results: dict[str, list[tuple[float, dict]]] = {name: [] for name, _ in commands}
    for _ in range(runs):
        for name, command in commands:
            results[name].append(timed(command, env))
    return [
        (name, statistics.median(s for s, _ in results[name]), results[name][-1][1])
        for name, _ in commands
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, help="the PyInstaller bundle's executable")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "LOYALTY_DATA_DIR": folder,
        }
        env.pop("LOYALTY_DB_URL", None)
        app_args = ["--db", str(Path(folder) / "bench.sqlite3"), "--startup-probe"]
        commands = [
            ("bare PySide6 window", [sys.executable, "-c", BARE]),
            ("Loyalty Desk from source", [sys.executable, "-m", "app", *app_args]),
        ]
        if args.bundle:
            commands.append(("Loyalty Desk bundle", [str(args.bundle.resolve()), *app_args]))
        rows = medians(commands, env, args.runs)
    bare = rows[0][1]
    print(f"cold start to a visible window, median of {args.runs} runs")
    for name, seconds, report in rows:
        loaded = report.get("database_modules_loaded")
        extra = "" if loaded is None else f"  database modules loaded: {loaded or 'none'}"
        print(f"  {name:26} {seconds:6.3f} s  {seconds / bare:4.2f}× bare{extra}")
    worst = max(seconds for _, seconds, _ in rows[1:]) / bare
    print(f"goal ≤ {GOAL}× bare: {'met' if worst <= GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

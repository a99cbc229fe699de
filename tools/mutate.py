"""Mutation testing of app/domain with the fast domain tests; run by `python tasks.py mutate`.

Two parts, both with mutmut's own mutation operators:

1. mutmut 3 (configured in pyproject.toml under ``[tool.mutmut]``) mutates the code inside
   functions and runs, for each mutant, the fast tests that reach that function.
2. mutmut 3 leaves out by design what runs at import time and decorated functions: module
   constants, the permission matrix, enum values, dataclass defaults and decorators,
   ``@property`` and ``@lru_cache`` functions. This script applies the same operators there,
   adds one mutant per cell of the permission matrix (each role gains or loses each
   permission), and runs the fast tests against each mutant in a forked child that imports
   the mutated module from memory (nothing is written over the sources).

Survivors that no test can tell apart from the original are listed in ``EQUIVALENT`` with the
reason; they are reported but left out of the score. The script prints the score per module
and every other survivor, and exits 1 if a module scores below ``THRESHOLD``. Every module in
app/domain is included, new ones too; a module's mutants run the fast tests that import it
(its own tests/domain/test_<module>.py first) or a domain module built on it.

    python tools/mutate.py [--max-children N] [--keep] [MODULE ...]   (N = 2 by default)

``--keep`` reuses mutmut's results in mutants/ (only functions changed since are re-run);
by default mutants/ is deleted first so that changed tests are taken into account.
``MODULE`` (e.g. ``inputs members``) mutates and scores only those modules of app/domain;
the exit code then speaks only for them.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.abc
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ROOT / "app" / "domain"
PACKAGE = "app.domain"
THRESHOLD = 90.0
# The fast tests: the domain tests and the domain-level permission test (no database). Keep in
# step with pytest_add_cli_args_test_selection in pyproject.toml.
FAST_TESTS = ["tests/domain", "tests/test_permissions.py::test_auditor_is_read_only"]
# As mutmut runs them (its own -x -q -p no:randomly plus pytest_add_cli_args in pyproject.toml).
PYTEST_ARGS = ["-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"]
PYTEST_ARGS += ["--hypothesis-profile=mutation"]
# Statements mutmut's operators would turn into noise: ``__all__`` only steers `import *`.
SKIPPED_ASSIGNMENTS = {"__all__"}

# Survivors judged equivalent: (module or "*", regular expression searched in the mutant's
# diff, why no test can tell the mutant from the original). Only survivors are matched.
EQUIVALENT: list[tuple[str, str, str]] = [
    (
        "*",
        # The context on the call's line, or on the line after "QT_TRANSLATE_NOOP(".
        r'^\+.*QT_TRANSLATE_NOOP\((None|"XXErrorsXX"|"errors"|"ERRORS"),'
        r'|QT_TRANSLATE_NOOP\(\n-(\s*)"Errors",(.*)\n\+\2(None|"XXErrorsXX"|"errors"|"ERRORS"),\3$',
        "the context argument is read only by lupdate (tests/test_i18n.py checks the "
        "extracted messages); at run time QT_TRANSLATE_NOOP returns its text whatever "
        "the context",
    ),
    (
        "audit_chain",
        r"^\+.*json\.dumps\(.*ensure_ascii=None",
        "json.dumps treats ensure_ascii=None as False",
    ),
    (
        "validation",
        r"^\+.*zip\((first17, _ID_WEIGHTS|vin17, _VIN_WEIGHTS), (strict=(None|False))?\)",
        "strict only matters for inputs of different lengths; both are checked to be 17 "
        "characters first",
    ),
    (
        "validation",
        r'^\+.*category\(c\)\[0\] in "XXLMXX"',
        "no Unicode general category starts with X",
    ),
    (
        "validation",
        r"^\+.*if \(drop\) or True else s",
        "translating with an empty table returns the string unchanged",
    ),
    (
        "validation",
        r"^\+_NAME_PUNCT = .*XX",
        "X is a letter, which a name may contain anyway",
    ),
    (
        "validation",
        r"^\+_ID_WEIGHTS = tuple\(pow\(2, 17 - i, (None)?\)",
        "the weighted sum is taken mod 11 afterwards, so weights 2**k and 2**k mod 11 "
        "give the same check character",
    ),
    (
        "validation",
        r"^\+_VIN_VALUES = \{str\(d\): d for d in range\(11\)\}",
        'adds the key "10", which no single VIN character can look up',
    ),
    (
        "validation",
        r'^\+    zip\("ABCDEFGHJKLMNPRSTUVWXYZ", .*\), (strict=(None|False))?\)$',
        "both sides have 23 items: strict never fires",
    ),
    (
        "validation",
        r'^\+_HAN = r"\\u3400-\\u9FFF\\uF900-\\uFAFF\\U00020000-\\U0003FFFF"',
        "hex digits of \\u escapes are case-insensitive: the same character ranges",
    ),
    (
        "inputs",
        r'^\+    allowed = "(XX)?\\n\\t(XX)?" if allow_newlines else "(XXXX)?"$',
        "X is not a control character: allowing it changes nothing",
    ),
    (
        "inputs",
        r'^\+    if _has_control_characters\(value\.replace\("\\r\\n", "XX\\nXX"\), multiline\):$',
        "the text checked for control characters only gains X letters, which are none",
    ),
    (
        "inputs",
        r'^\+        text = "\\n"\.join\(lines\)\.strip\(None\)$',
        "normalize_text has trimmed each line (the same whitespace as str.strip): only "
        "the line breaks of empty first and last lines are left to strip",
    ),
    (
        "members",
        r"^\+.*json\.dumps\(cleaned, ensure_ascii=None\)",
        "json.dumps treats ensure_ascii=None as False",
    ),
    (
        "members",
        r'^\+        raise v\.InvalidValue\(exc\.field or "XXXX", ',
        "_checked only runs clean_text, always with a field name: exc.field is never empty",
    ),
    (
        "pinyin_keys",
        r"^\+@lru_cache\(maxsize=(None|20001)\)",
        "the cache size changes only the speed",
    ),
    (
        "pinyin_keys",
        r'^\+.*"XXXX"\.join\(lazy_pinyin\(char',
        "one character gives at most one syllable: there is nothing to join",
    ),
    (
        "pinyin_keys",
        r'^\+.*lazy_pinyin\(char, style=Style\.NORMAL, errors=("XXignoreXX"|"IGNORE"|None)\)',
        "pypinyin drops a character it cannot read for any errors value it does not "
        "know, as for 'ignore'",
    ),
    (
        "pinyin_keys",
        r"^\+.*lazy_pinyin\(char, errors=\"ignore\"\)",
        "Style.NORMAL is lazy_pinyin's default style",
    ),
    (
        "pinyin_keys",
        r'^\+    "XX(柏|宿)XX": ',
        "pypinyin reads 柏 and 宿 alone as bai and su, the surname readings, so the "
        "table entry changes nothing",
    ),
]


@dataclass
class Mutant:
    name: str
    module: str  # e.g. "points"
    diff: str
    status: str = "not checked"
    source: str | None = field(default=None, repr=False)  # module-level mutants only
    tests: list[str] = field(default_factory=list)  # module-level mutants only

    @property
    def killed(self) -> bool:
        return self.status in ("killed", "timeout")


# --- part 1: mutmut ------------------------------------------------------------------------


def run_mutmut(max_children: int, keep: bool, modules: list[str]) -> None:
    if not keep:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    mutmut = Path(sys.executable).with_name("mutmut")
    command = [str(mutmut), "run", "--max-children", str(max_children)]
    # mutmut's mutant names are e.g. app.domain.inputs.x_clean_text__mutmut_1.
    command += [f"{PACKAGE}.{module}.*" for module in modules]
    print("+", " ".join(command), flush=True)
    # mutmut redraws one progress line; keep only its last state in the log.
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    tail = result.stdout.rsplit("\r", 1)[-1].strip()
    print(f"  mutmut: {tail.splitlines()[-1] if tail else '(no output)'}", flush=True)
    if result.returncode != 0:
        print(result.stdout[-5000:], result.stderr[-5000:], sep="\n")
        sys.exit(f"mutmut run failed with exit code {result.returncode}")


def mutmut_results(modules: list[str]) -> list[Mutant]:
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code

    mutants = []
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        for path in domain_files(modules):
            relative = path.relative_to(ROOT)
            data = SourceFileMutationData(path=relative)
            data.load()
            for name, exit_code in sorted(data.exit_code_by_key.items()):
                status = status_by_exit_code[exit_code]
                mutant = Mutant(name, path.stem, "", status)
                if not mutant.killed:
                    mutant.diff = get_diff_for_mutant(name, path=relative)
                mutants.append(mutant)
    finally:
        os.chdir(cwd)
    return mutants


def domain_files(modules: list[str]) -> list[Path]:
    """The modules of app/domain to mutate: those named, or all."""
    return [p for p in sorted(DOMAIN.glob("*.py")) if not modules or p.stem in modules]


# --- part 2: what mutmut leaves out -----------------------------------------------------------


def _mutmut_reaches(function: cst.FunctionDef) -> bool:
    """mutmut mutates undecorated functions and methods, and those decorated only with
    @staticmethod or @classmethod."""
    if not function.decorators:
        return True
    if len(function.decorators) > 1:
        return False
    decorator = function.decorators[0].decorator
    return isinstance(decorator, cst.Name) and decorator.value in ("staticmethod", "classmethod")


def _left_out_by_mutmut(module: cst.Module) -> Iterator[cst.CSTNode]:
    """The statements (and class decorators) whose code mutmut does not mutate."""
    for statement in module.body:
        if isinstance(statement, cst.FunctionDef):
            if not _mutmut_reaches(statement):
                yield statement
        elif isinstance(statement, cst.ClassDef):
            yield from statement.decorators
            for member in statement.body.body:
                if isinstance(member, cst.FunctionDef):
                    if not _mutmut_reaches(member):
                        yield member
                else:
                    yield member
        elif not _is_import_or_skipped(statement):
            yield statement


def _is_import_or_skipped(statement: cst.CSTNode) -> bool:
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    for small in statement.body:
        if isinstance(small, cst.Import | cst.ImportFrom):
            return True
        if isinstance(small, cst.Assign) and any(
            isinstance(t.target, cst.Name) and t.target.value in SKIPPED_ASSIGNMENTS
            for t in small.targets
        ):
            return True
    return False


class _OperatorVisitor(cst.CSTVisitor):
    """Apply mutmut's operators to every node below the statements mutmut leaves out."""

    def __init__(self) -> None:
        from mutmut.mutation.mutators import mutation_operators

        self.operators = mutation_operators
        self.mutations: list[tuple[cst.CSTNode, cst.CSTNode]] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        # As mutmut: nothing inside annotations, and not the calls it never mutates.
        if isinstance(node, cst.Annotation):
            return False
        if (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Name)
            and node.func.value in ("len", "isinstance")
        ):
            return False
        for node_type, operator in self.operators:
            if isinstance(node, node_type):
                self.mutations.extend((node, mutated) for mutated in operator(node))
        return True


def _class_members(module: cst.Module) -> dict[str, list[str]]:
    """Names assigned in each class body, e.g. {"Permission": ["VIEW_MEMBERS", ...]}."""
    members: dict[str, list[str]] = {}
    for statement in module.body:
        if isinstance(statement, cst.ClassDef):
            names = []
            for line in statement.body.body:
                if isinstance(line, cst.SimpleStatementLine):
                    for small in line.body:
                        if isinstance(small, cst.Assign):
                            names += [t.target.value for t in small.targets if _is_name(t.target)]
            members[statement.name.value] = names
    return members


def _is_name(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.Name)


def _aliases(module: cst.Module) -> dict[str, str]:
    """Module-level ``P = Permission`` aliases."""
    aliases = {}
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if (
                    isinstance(small, cst.Assign)
                    and isinstance(small.value, cst.Name)
                    and len(small.targets) == 1
                    and _is_name(small.targets[0].target)
                ):
                    aliases[small.targets[0].target.value] = small.value.value
    return aliases


class _MatrixVisitor(cst.CSTVisitor):
    """One mutant per cell of a matrix written as set literals of enum members (the role ->
    permission matrix): each member is removed from a set that has it, added to one that
    has not."""

    def __init__(self, module: cst.Module) -> None:
        self.members = _class_members(module)
        self.aliases = _aliases(module)
        self.mutations: list[tuple[cst.CSTNode, cst.CSTNode, str]] = []
        self.keys: list[str] = []

    def visit_DictElement(self, node: cst.DictElement) -> None:
        self.keys.append(cst.Module([]).code_for_node(node.key))

    def leave_DictElement(self, original_node: cst.DictElement) -> None:
        self.keys.pop()

    def visit_Set(self, node: cst.Set) -> None:
        bases = {
            element.value.value.value
            for element in node.elements
            if isinstance(element.value, cst.Attribute) and _is_name(element.value.value)
        }
        if len(bases) != 1 or not all(isinstance(e.value, cst.Attribute) for e in node.elements):
            return
        base = bases.pop()
        universe = self.members.get(self.aliases.get(base, base))
        if not universe:
            return
        owner = self.keys[-1] if self.keys else "set"
        present = [e.value.attr.value for e in node.elements]
        for i, name in enumerate(present):
            elements = [*node.elements[:i], *node.elements[i + 1 :]]
            label = f"{owner} loses {name}"
            self.mutations.append((node, node.with_changes(elements=elements), label))
        comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        for name in universe:
            if name not in present:
                added = cst.Element(cst.Attribute(cst.Name(base), cst.Name(name)))
                last = node.elements[-1].with_changes(comma=comma)
                elements = [*node.elements[:-1], last, added]
                label = f"{owner} gains {name}"
                self.mutations.append((node, node.with_changes(elements=elements), label))


def module_level_mutants(path: Path) -> list[Mutant]:
    source = path.read_text(encoding="utf-8")
    tests = tests_for(path.stem)
    module = cst.parse_module(source)
    triples: list[tuple[cst.CSTNode, cst.CSTNode, str]] = []
    for node in _left_out_by_mutmut(module):
        visitor = _OperatorVisitor()
        node.visit(visitor)
        triples += [(original, mutated, "") for original, mutated in visitor.mutations]
    matrix = _MatrixVisitor(module)
    module.visit(matrix)
    triples += matrix.mutations

    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    mutants, seen = [], set()
    for original, mutated, label in triples:
        new_source = module.deep_replace(original, mutated).code
        if new_source == source or new_source in seen:
            continue
        seen.add(new_source)
        line = positions[original].start.line if original in positions else 0
        name = f"{PACKAGE}.{path.stem}:{line}#{len(mutants) + 1}" + (f" ({label})" if label else "")
        diff = _diff(source, new_source, path)
        mutants.append(Mutant(name, path.stem, diff, source=new_source, tests=tests))
    return mutants


def _diff(old: str, new: str, path: Path) -> str:
    relative = path.relative_to(ROOT).as_posix()
    return "\n".join(
        difflib.unified_diff(
            old.splitlines(), new.splitlines(), relative, relative, n=1, lineterm=""
        )
    )


class _MutantFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serve one module's mutated source from memory."""

    def __init__(self, fullname: str, source: str, path: Path) -> None:
        self.fullname, self.source, self.path = fullname, source, path

    def find_spec(self, fullname, path=None, target=None):  # noqa: ANN001 - importlib protocol
        if fullname != self.fullname:
            return None
        return importlib.util.spec_from_loader(fullname, self, origin=str(self.path))

    def create_module(self, spec):  # noqa: ANN001
        return None

    def exec_module(self, module) -> None:  # noqa: ANN001
        module.__file__ = str(self.path)
        exec(compile(self.source, str(self.path), "exec"), module.__dict__)  # noqa: S102


def _imports(path: Path) -> set[str]:
    """The app.domain modules a file imports."""
    text = path.read_text(encoding="utf-8")
    pattern = rf"^\s*(?:from|import) {re.escape(PACKAGE)}\.(\w+)"
    return set(re.findall(pattern, text, re.MULTILINE))


def tests_for(module: str) -> list[str]:
    """The fast tests that import ``module`` or a domain module built on it (as mutmut runs
    only the tests that reach a function); the module's own test file first, for -x."""
    users = {module}
    while True:
        more = {p.stem for p in DOMAIN.glob("*.py") if _imports(p) & users} - users
        if not more:
            break
        users |= more
    selected = []
    for selection in FAST_TESTS:
        path = ROOT / selection.split("::")[0]
        files = sorted(path.rglob("test_*.py")) if path.is_dir() else [path]
        for file in files:
            if _imports(file) & users:
                node = file.relative_to(ROOT).as_posix()
                selected.append(selection if not path.is_dir() else node)
    own = f"tests/domain/test_{module}.py"
    return sorted(selected, key=lambda node: node != own)


def _start(mutant: Mutant) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 2
    try:
        os.setpgid(0, 0)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        path = DOMAIN / f"{mutant.module}.py"
        sys.meta_path.insert(0, _MutantFinder(f"{PACKAGE}.{mutant.module}", mutant.source, path))
        import pytest

        code = int(pytest.main([*PYTEST_ARGS, *mutant.tests]))
    finally:
        os._exit(code)


def run_children(mutants: list[Mutant], max_children: int, timeout: float) -> None:
    """Run the fast tests against each mutant, ``max_children`` at a time."""
    pending = list(mutants)
    running: dict[int, tuple[Mutant, float]] = {}
    try:
        _run_pending(pending, running, max_children, timeout)
    finally:
        for pid in running:  # interrupted: end the children still running
            _kill(pid)
    print(flush=True)


def _run_pending(
    pending: list[Mutant],
    running: dict[int, tuple[Mutant, float]],
    max_children: int,
    timeout: float,
) -> None:
    total, done = len(pending), 0
    while pending or running:
        while pending and len(running) < max_children:
            mutant = pending.pop(0)
            if not mutant.tests:
                mutant.status = "no tests"
                done += 1
                continue
            running[_start(mutant)] = (mutant, time.monotonic())
        if not running:
            continue
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            time.sleep(0.02)
            for pid, (mutant, started) in list(running.items()):
                if time.monotonic() - started > timeout:
                    _kill(pid)
                    mutant.status = "timeout"
                    del running[pid]
                    done += 1
            continue
        if pid not in running:
            continue
        mutant, _ = running.pop(pid)
        code = os.waitstatus_to_exitcode(status)
        # pytest: 0 all passed, 1 a test failed, 2 interrupted (an import error counts).
        mutant.status = {0: "survived", 5: "no tests"}.get(code, "killed")
        done += 1
        print(f"\r  module-level mutants: {done}/{total}", end="", flush=True)


def _kill(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


def check_runner() -> float:
    """The unmutated sources pass and a broken module fails; returns the clean run's time."""
    started = time.monotonic()
    source = (DOMAIN / "points.py").read_text("utf-8")
    clean = Mutant("clean", "points", "", source=source, tests=FAST_TESTS)
    run_children([clean], 1, 600)
    elapsed = time.monotonic() - started
    if clean.status != "survived":
        sys.exit("The fast tests fail on the unmutated sources; fix them first.")
    broken = Mutant("broken", "points", "", source="raise RuntimeError('forced failure')\n")
    broken.tests = tests_for("points")
    run_children([broken], 1, 600)
    if not broken.killed:
        sys.exit("A broken app.domain.points was not noticed: the mutant import hook failed.")
    return elapsed


def _preload() -> None:
    """Import in this process what the tests need besides the app, so each forked child
    starts warm; the app itself is imported afresh by each child."""
    import hypothesis  # noqa: F401
    import pytest  # noqa: F401

    probe = (
        "import sys; import tests.conftest; "
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    names = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in names:
        if name not in ("app", "tests", "__main__") and not name.startswith("_"):
            try:
                __import__(name)
            except Exception:  # noqa: BLE001 - a preload is only an optimisation
                pass
    if any(m == "app" or m.startswith("app.") for m in sys.modules):
        sys.exit("Preloading imported the app itself; the mutants would not be used.")


# --- report -----------------------------------------------------------------------------------


def equivalence(mutant: Mutant) -> str | None:
    for module, pattern, reason in EQUIVALENT:
        if module in (mutant.module, "*") and re.search(pattern, mutant.diff, re.MULTILINE):
            return reason
    return None


def report(mutants: list[Mutant]) -> int:
    by_module: dict[str, list[Mutant]] = defaultdict(list)
    for mutant in mutants:
        by_module[mutant.module].append(mutant)
    survivors, equivalents, failing = [], [], []
    rows = []
    for module in sorted(by_module):
        group = by_module[module]
        killed = sum(m.killed for m in group)
        judged_equivalent = [m for m in group if not m.killed and equivalence(m)]
        survived = [m for m in group if not m.killed and not equivalence(m)]
        survivors += survived
        equivalents += judged_equivalent
        counted = len(group) - len(judged_equivalent)
        score = 100.0 * killed / counted if counted else 100.0
        if score < THRESHOLD:
            failing.append(module)
        rows.append((module, len(group), killed, len(survived), len(judged_equivalent), score))

    if equivalents:
        print(f"\nEquivalent mutants, not counted ({len(equivalents)}):")
        for mutant in equivalents:
            print(f"  {mutant.name}: {equivalence(mutant)}")
            print(_indent(_changed_lines(mutant.diff)))
    if survivors:
        print(f"\nSurviving mutants ({len(survivors)}):")
        for mutant in survivors:
            print(f"  {mutant.name} ({mutant.status})")
            print(_indent(_changed_lines(mutant.diff)))

    print(f"\nMutation score per module of {PACKAGE} (killed / (mutants - equivalent)):")
    width = max(len("module"), *(len(row[0]) for row in rows))
    print(
        f"  {'module':<{width}} {'mutants':>7} {'killed':>7} {'survived':>8} {'equiv.':>6}"
        f" {'score':>7}"
    )
    for module, total, killed, survived, equivalent, score in rows:
        flag = "" if score >= THRESHOLD else f"  < {THRESHOLD:.0f}%"
        print(
            f"  {module:<{width}} {total:>7} {killed:>7} {survived:>8} {equivalent:>6}"
            f" {score:>6.1f}%{flag}"
        )
    if failing:
        print(f"\nBelow {THRESHOLD:.0f}%: {', '.join(failing)}")
        return 1
    print(f"\nEvery module scores at least {THRESHOLD:.0f}%.")
    return 0


def _changed_lines(diff: str) -> str:
    lines = [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    return "\n".join(lines)


def _indent(text: str) -> str:
    return "\n".join("      " + line for line in text.splitlines())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="reuse mutmut's cached results")
    parser.add_argument(
        "modules", nargs="*", metavar="MODULE", help="only these modules (e.g. inputs); all if none"
    )
    args = parser.parse_args()
    unknown = sorted(set(args.modules) - {p.stem for p in DOMAIN.glob("*.py")})
    if unknown:
        parser.error(f"no such module in {PACKAGE}: {', '.join(unknown)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()

    run_mutmut(args.max_children, args.keep, args.modules)
    mutants = mutmut_results(args.modules)
    print(f"  mutmut: {len(mutants)} mutants inside functions", flush=True)

    os.chdir(ROOT)
    _preload()
    clean_time = check_runner()
    extra = [m for path in domain_files(args.modules) for m in module_level_mutants(path)]
    print(f"  {len(extra)} module-level mutants (clean run {clean_time:.1f} s)", flush=True)
    run_children(extra, args.max_children, timeout=max(60.0, 10 * clean_time))

    code = report(mutants + extra)
    print(f"Mutation testing took {time.monotonic() - started:.0f} s.")
    return code


if __name__ == "__main__":
    sys.exit(main())

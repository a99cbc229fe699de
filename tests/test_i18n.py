"""The Chinese translation is complete, matches the code and is compiled.

Refresh after changing user-visible text:  python tasks.py i18n
then translate every new message in resources/i18n/loyalty_zh_CN.ts and run it once more.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "loyalty_zh_CN.ts"
QM = TS.with_suffix(".qm")
HOW_TO_FIX = (
    "Run `python tasks.py i18n`, translate the new messages in "
    f'{TS.relative_to(ROOT).as_posix()} (remove type="unfinished"), '
    "then run `python tasks.py i18n` again to compile the .qm."
)
BAD_TYPES = {"unfinished", "obsolete", "vanished"}
# A str.format field: {name}, {0}, {} or {name:spec}/{name!r}; "{{" and "}}" are literal braces.
PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}!:]*)(?:[!:][^{}]*)?\}(?!\})")
# "&A" marks a keyboard accelerator; "&&" is a literal ampersand.
ACCELERATOR = re.compile(r"&(?!&)\S")
CJK = re.compile(r"[\u4e00-\u9fff]")


def qt_tool(name: str) -> Path:
    path = Path(sys.executable).with_name(name + (".exe" if os.name == "nt" else ""))
    if not path.exists():
        pytest.fail(f"{path} not found; install the dev tools with `python tasks.py test`.")
    return path


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    """(context name, <message> element) for every message in a .ts file."""
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def pairs(ts: Path) -> set[tuple[str, str]]:
    return {(context, message.findtext("source", "")) for context, message in messages(ts)}


def translations(message: ET.Element) -> list[str]:
    """The translated text, one entry per plural form for numerus messages."""
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    if forms:
        return [form.text or "" for form in forms]
    return [translation.text or ""]


def label(context: str, message: ET.Element) -> str:
    return f"{context}: {message.findtext('source', '')!r}"


def test_ts_covers_the_code_exactly(tmp_path):
    """No user-visible string in app/ is missing from the .ts, and none there is stale."""
    sources = sorted(str(p) for p in (ROOT / "app").rglob("*.py"))
    fresh = tmp_path / TS.name
    shutil.copyfile(TS, fresh)
    result = subprocess.run(
        [str(qt_tool("pyside6-lupdate")), "-no-obsolete", *sources, "-ts", str(fresh)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"pyside6-lupdate failed:\n{result.stdout}{result.stderr}"

    in_code, committed = pairs(fresh), pairs(TS)
    missing = sorted(in_code - committed)
    stale = sorted(committed - in_code)
    problems = [f"  missing from the .ts: {c}: {s!r}" for c, s in missing]
    problems += [f"  no longer in the code: {c}: {s!r}" for c, s in stale]
    assert not problems, (
        f"{TS.name} is out of date with the code:\n" + "\n".join(problems) + "\n" + HOW_TO_FIX
    )


def test_every_message_is_translated():
    problems = []
    for context, message in messages(TS):
        translation = message.find("translation")
        kind = "missing" if translation is None else translation.get("type")
        texts = translations(message)
        if kind in BAD_TYPES or kind == "missing":
            problems.append(f"  {label(context, message)} is {kind}")
        elif not texts or not all(text.strip() for text in texts):
            problems.append(f"  {label(context, message)} has an empty translation")
    assert messages(TS), f"{TS} holds no messages"
    assert not problems, "Untranslated messages:\n" + "\n".join(problems) + "\n" + HOW_TO_FIX


def test_translations_keep_placeholders_and_accelerators():
    problems = []
    for context, message in messages(TS):
        source = message.findtext("source", "")
        wanted = set(PLACEHOLDER.findall(source))
        for text in translations(message):
            got = set(PLACEHOLDER.findall(text))
            if got != wanted:
                problems.append(
                    f"  {label(context, message)}: placeholders {sorted(got)} in {text!r}, "
                    f"expected {sorted(wanted)}"
                )
            if ACCELERATOR.search(source) and not ACCELERATOR.search(text):
                problems.append(f"  {label(context, message)}: the & accelerator is lost")
    assert not problems, "Broken translations:\n" + "\n".join(problems)


def test_qm_is_compiled_from_the_ts(tmp_path):
    compiled = tmp_path / QM.name
    result = subprocess.run(
        [str(qt_tool("pyside6-lrelease")), str(TS), "-qm", str(compiled)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"pyside6-lrelease failed:\n{result.stdout}{result.stderr}"
    assert QM.exists(), f"{QM} is missing. {HOW_TO_FIX}"
    assert compiled.read_bytes() == QM.read_bytes(), (
        f"{QM.name} is not the compiled form of {TS.name}. {HOW_TO_FIX}"
    )


def test_qm_translates_into_chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    assert QCoreApplication.installTranslator(translator)
    try:
        text = QCoreApplication.translate("Errors", "Wrong user name or password.")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert CJK.search(text), f"expected Chinese, got {text!r}"


MACHINERY = {"ui/shared/errors.py", "ui/shared/i18n.py", "domain/text.py"}
NON_LITERAL_CONTEXT = re.compile(r"\btranslate\(\s*(?![\"'])(\w+)\s*,")


def test_every_translate_call_names_its_context_literally():
    """lupdate reads the context from the source text: ``translate(CONTEXT, …)`` with a
    variable is never extracted, so the text stays English on a Chinese screen. Only the
    translation machinery itself takes a context as a value (error templates marked with
    QT_TRANSLATE_NOOP, translated at display time)."""
    app = Path(__file__).resolve().parents[1] / "app"
    found = [
        f"{path.relative_to(app)}: translate({match.group(1)}, …)"
        for path in app.rglob("*.py")
        if str(path.relative_to(app)) not in MACHINERY
        for match in NON_LITERAL_CONTEXT.finditer(path.read_text("utf-8"))
    ]
    assert not found, "Contexts lupdate cannot read:\n" + "\n".join(found)

"""The command line in the user's language, without Qt: the GUI's compiled translations
(``loyalty_zh_CN.qm``, which every install ships) read directly.

The language is ``--lang zh_CN|en``, else the system's (``LC_ALL``/``LC_MESSAGES``/``LANG``,
then ``locale.getlocale()``): Chinese on a Chinese system, English elsewhere, as the GUI
chooses. Messages are looked up by (context, English source) like ``QCoreApplication
.translate``; the command line's own strings are marked ``QT_TRANSLATE_NOOP("Cli", ...)`` so
``tasks.py i18n`` collects them with the rest.
"""

from __future__ import annotations

import argparse
import locale
import os
import struct
from pathlib import Path

from app.bundled import i18n_dir
from app.domain.errors import LoyaltyError, PermissionDenied
from app.domain.roles import Permission, Role
from app.domain.text import ERRORS, QT_TRANSLATE_NOOP

CLI = "Cli"
LANGUAGES = ("zh_CN", "en")
_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES_BLOCK = 0x69
_catalog: dict[tuple[str, str], str] = {}


def language_from(argv: list[str], environ: dict[str, str] | None = None) -> str:
    """``--lang X`` / ``--lang=X`` if given, else the system's language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in LANGUAGES else "en"
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
            return value if value in LANGUAGES else "en"
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return "zh_CN" if environ[name].lower().startswith("zh") else "en"
    system = locale.getlocale()[0] or ""
    return "zh_CN" if system.lower().startswith(("zh", "chinese")) else "en"


def install(language: str, folder: Path | None = None) -> None:
    """Use ``language`` from now on (English: the source texts as they are)."""
    _catalog.clear()
    if language == "en":
        return
    path = (folder or i18n_dir()) / f"loyalty_{language}.qm"
    try:
        _catalog.update(read_qm(path.read_bytes()))
    except (OSError, ValueError, struct.error):
        pass  # no translation installed: English, as the GUI does
    argparse._ = _argparse_text  # type: ignore[attr-defined] # argparse's own words


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    """(context, source) → translation from a .qm file compiled by lrelease (which keeps
    the context and source of each message next to its translation)."""
    if not data.startswith(_QM_MAGIC):
        raise ValueError("not a Qt translation file")
    pos, found = len(_QM_MAGIC), {}
    while pos + 5 <= len(data):
        tag, length = data[pos], struct.unpack_from(">I", data, pos + 1)[0]
        pos += 5
        if tag == _MESSAGES_BLOCK:
            found.update(_messages(data[pos : pos + length]))
        pos += length
    return found


def _messages(block: bytes) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    pos, context, source, translations = 0, "", "", []
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == 1:  # end of a message
            if translations:
                found.setdefault((context, source), translations[0])
            context, source, translations = "", "", []
        elif tag in (2, 3, 4, 6, 7, 8):  # strings: a length, then the bytes
            length = struct.unpack_from(">I", block, pos)[0]
            pos += 4
            if length == 0xFFFFFFFF:
                continue
            raw = block[pos : pos + length]
            pos += length
            if tag == 3:
                translations.append(raw.decode("utf-16-be"))
            elif tag in (6, 2):
                source = raw.decode("utf-8" if tag == 6 else "utf-16-be")
            elif tag in (7, 4):
                context = raw.decode("utf-8" if tag == 7 else "utf-16-be")
        elif tag == 5:  # obsolete: a 32-bit value
            pos += 4
        else:
            raise ValueError(f"unknown tag {tag} in the messages")
    return found


def lookup(context: str, text: str) -> str:
    return _catalog.get((context, text), text)


def cli(text: str) -> str:
    """One of the command line's own messages, translated."""
    return lookup(CLI, text)


def fill(template: str, /, **params: object) -> str:
    """A message of the command line (marked ``QT_TRANSLATE_NOOP("Cli", ...)`` where it is
    written), translated, then its ``{placeholders}`` filled in."""
    text = cli(template)
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return template.format(**params) if params else template


# argparse's own words: usage, section titles, its errors.
_ARGPARSE = {
    "usage: ": QT_TRANSLATE_NOOP("Cli", "usage: "),
    "positional arguments": QT_TRANSLATE_NOOP("Cli", "positional arguments"),
    "options": QT_TRANSLATE_NOOP("Cli", "options"),
    "show this help message and exit": QT_TRANSLATE_NOOP("Cli", "show this help message and exit"),
    "show program's version number and exit": QT_TRANSLATE_NOOP(
        "Cli", "show program's version number and exit"
    ),
    "the following arguments are required: %s": QT_TRANSLATE_NOOP(
        "Cli", "the following arguments are required: %s"
    ),
    "unrecognized arguments: %s": QT_TRANSLATE_NOOP("Cli", "unrecognized arguments: %s"),
    "argument %(argument_name)s: %(message)s": QT_TRANSLATE_NOOP(
        "Cli", "argument %(argument_name)s: %(message)s"
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": QT_TRANSLATE_NOOP(
        "Cli", "invalid choice: %(value)r (choose from %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": QT_TRANSLATE_NOOP(
        "Cli", "invalid %(type)s value: %(value)r"
    ),
    "expected one argument": QT_TRANSLATE_NOOP("Cli", "expected one argument"),
    "%(prog)s: error: %(message)s\n": QT_TRANSLATE_NOOP("Cli", "%(prog)s: error: %(message)s\n"),
}


def _argparse_text(text: str) -> str:
    return cli(text) if text in _ARGPARSE else text


class TranslatedHelp(argparse.HelpFormatter):
    """Help texts and descriptions looked up in the "Cli" context as they are printed, so
    commands need only mark them (QT_TRANSLATE_NOOP("Cli", ...)) where they define them."""

    def _expand_help(self, action: argparse.Action) -> str:
        if action.help:
            action = _with_help(action, cli(action.help))
        return super()._expand_help(action)

    def add_text(self, text: str | None) -> None:
        super().add_text(cli(text) if text and text is not argparse.SUPPRESS else text)


def _with_help(action: argparse.Action, text: str) -> argparse.Action:
    copy = argparse.Action.__new__(type(action))
    copy.__dict__.update(action.__dict__)
    copy.help = text
    return copy


# --- errors, as the GUI shows them (app.ui.shared.errors.message_for) -----------------------

_ROLES = {
    Role.CLERK: QT_TRANSLATE_NOOP("Roles", "Clerk"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("Roles", "Auditor"),
}
# The same English as app.ui.shared.labels.permission_name, so one translation serves both.
_PERMISSIONS = {
    Permission.VIEW_MEMBERS: QT_TRANSLATE_NOOP("Permissions", "view members"),
    Permission.EDIT_MEMBERS: QT_TRANSLATE_NOOP("Permissions", "edit members"),
    Permission.VIEW_PERSONAL_DATA: QT_TRANSLATE_NOOP("Permissions", "see personal data"),
    Permission.POST_POINTS: QT_TRANSLATE_NOOP("Permissions", "post points"),
    Permission.REQUEST_ADJUSTMENT: QT_TRANSLATE_NOOP("Permissions", "request point adjustments"),
    Permission.APPROVE: QT_TRANSLATE_NOOP("Permissions", "approve requests"),
    Permission.CONFIGURE_PROGRAMME: QT_TRANSLATE_NOOP(
        "Permissions", "change the programme settings"
    ),
    Permission.MANAGE_DEALERS: QT_TRANSLATE_NOOP("Permissions", "manage dealers"),
    Permission.MANAGE_USERS: QT_TRANSLATE_NOOP("Permissions", "manage staff users"),
    Permission.VIEW_DEALERS: QT_TRANSLATE_NOOP("Permissions", "view dealers"),
    Permission.VIEW_USERS: QT_TRANSLATE_NOOP("Permissions", "view staff users"),
    Permission.VIEW_AUDIT: QT_TRANSLATE_NOOP("Permissions", "view the audit trail"),
    Permission.VIEW_REPORTS: QT_TRANSLATE_NOOP("Permissions", "view reports"),
    Permission.BACKUP: QT_TRANSLATE_NOOP("Permissions", "make backups"),
    Permission.RUN_TIER_REVIEW: QT_TRANSLATE_NOOP("Permissions", "run the tier review"),
    Permission.MANAGE_BENEFITS: QT_TRANSLATE_NOOP("Permissions", "manage the benefit catalog"),
    Permission.USE_BENEFITS: QT_TRANSLATE_NOOP("Permissions", "redeem and write off benefits"),
    Permission.VIEW_PARTNERS: QT_TRANSLATE_NOOP("Permissions", "view partners"),
    Permission.MANAGE_PARTNERS: QT_TRANSLATE_NOOP(
        "Permissions", "manage partners and their admission"
    ),
    Permission.HANDLE_COMPLAINTS: QT_TRANSLATE_NOOP(
        "Permissions", "handle complaints about partners"
    ),
}


def role_name(role: object) -> str:
    try:
        return lookup("Roles", _ROLES[Role(role)])
    except (ValueError, KeyError):
        return str(role)


def permission_name(permission: object) -> str:
    try:
        return lookup("Permissions", _PERMISSIONS[Permission(permission)])
    except (ValueError, KeyError):
        return str(permission)


def error_text(exc: LoyaltyError) -> str:
    """The error in the user's language, roles and permissions by their names, not codes.
    In English the message stays as the services wrote it (scripts may match it). The
    services' messages are in the "Errors" context, the command line's own in "Cli"."""
    if not _catalog:
        return str(exc)
    template, params = lookup(ERRORS, exc.template), dict(exc.params)
    if template == exc.template:
        template = cli(exc.template)
    if isinstance(exc, PermissionDenied) and exc.permission is not None:
        params = {"role": role_name(exc.role), "action": permission_name(exc.permission)}
    try:
        return template.format(**params) if params else template
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return str(exc)


def translate_help(parser: argparse.ArgumentParser) -> None:
    """Every subcommand's help translated too (argparse gives subparsers its own default
    formatter)."""
    parser.formatter_class = TranslatedHelp
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                translate_help(sub)


# Messages of app.cli.main, marked here as well as there for the translators' context.
_MAIN = (QT_TRANSLATE_NOOP("Cli", "error: {message}"), QT_TRANSLATE_NOOP("Cli", "interrupted"))

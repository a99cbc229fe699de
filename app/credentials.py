"""A saved PostgreSQL password lives in the operating system's credential store (Windows
Credential Manager, macOS Keychain, Secret Service on Linux) through `keyring`; the settings
file keeps the URL without it. No Qt here.

Where no store exists (a bare Linux desktop, a locked-down profile) nothing is saved and the
app asks for the password at each start. keyring is imported on first use: its import scans
the installed backends, which the start-up must not wait for.
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit, urlunsplit

SERVICE = "LoyaltyDesk"


class NoCredentialStore(Exception):
    """This computer has no usable credential store."""


def split_password(url: str) -> tuple[str, str]:
    """The URL without its password, and the password ("" when there is none)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url, ""
    host = parts.netloc.rpartition("@")[2]
    user = parts.netloc.rpartition("@")[0].partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}")), unquote(parts.password)


def with_password(url: str, password: str) -> str:
    if not password:
        return url
    parts = urlsplit(split_password(url)[0])
    user, _, host = parts.netloc.rpartition("@")
    netloc = f"{user}:{quote(password, safe='')}@{host}"
    return urlunsplit(parts._replace(netloc=netloc))


def _account(url: str) -> str:
    """The store's key for a connection: the URL without its password (user, server, port,
    database), so two databases or two users never share an entry."""
    return split_password(url)[0]


def _keyring():
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring) or backend.priority <= 0:
        raise NoCredentialStore
    return keyring


def store_available() -> bool:
    try:
        _keyring()
    except NoCredentialStore:
        return False
    return True


def save_password(url: str) -> str:
    """Put the URL's password into the store; return the URL to save without it.

    Raises NoCredentialStore if there is no store (or it refused), saving nothing."""
    from keyring.errors import KeyringError

    bare, password = split_password(url)
    if not password:
        forget_password(bare)
        return bare
    try:
        _keyring().set_password(SERVICE, _account(url), password)
    except KeyringError as exc:
        raise NoCredentialStore from exc
    return bare


def fill_password(url: str) -> str:
    """The URL with the stored password if it has none of its own (else unchanged)."""
    if not url.startswith("postgresql") or split_password(url)[1]:
        return url
    from keyring.errors import KeyringError

    try:
        password = _keyring().get_password(SERVICE, _account(url))
    except (NoCredentialStore, KeyringError):
        return url
    return with_password(url, password or "")


def forget_password(url: str) -> None:
    from keyring.errors import KeyringError

    try:
        _keyring().delete_password(SERVICE, _account(url))
    except (NoCredentialStore, KeyringError):
        pass  # nothing stored, or no store: nothing to forget

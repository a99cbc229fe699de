"""Errors the services raise; each carries a message fit to show a user."""


class LoyaltyError(Exception):
    """Base of every expected error: the UI shows its message, never a traceback.

    ``template`` is English source text marked with ``QT_TRANSLATE_NOOP("Errors", ...)``;
    the UI translates it and then fills in ``params``.
    """

    def __init__(self, template: str, **params: object):
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class PermissionDenied(LoyaltyError):
    role: object = None  # set by roles.require: the screens name them in the user's language
    permission: object = None


class ValidationError(LoyaltyError):
    """Bad input; ``field`` names the form field the message belongs next to."""

    def __init__(self, template: str, field: str | None = None, **params: object):
        super().__init__(template, **params)
        self.field = field


class NotFound(LoyaltyError):
    pass


class Conflict(LoyaltyError):
    """The write clashes with existing data (a duplicate code, a stale edit)."""


class AuthenticationFailed(LoyaltyError):
    pass


class AccountLocked(AuthenticationFailed):
    def __init__(self, template: str, minutes_left: int):
        super().__init__(template, minutes=minutes_left)
        self.minutes_left = minutes_left


class DatabaseConfigError(LoyaltyError):
    """The database location cannot be used (network share, unknown kind)."""


class DatabaseUnavailable(LoyaltyError):
    """The database server cannot be reached or the file cannot be opened."""


class DatabaseTooNew(LoyaltyError):
    """The database was upgraded by a newer Loyalty Desk; this version must not touch it."""


class Busy(LoyaltyError):
    """Other desktops held the same records too long (deadlock, serialization failure,
    "database is locked"); nothing was saved and the action can simply be tried again."""


class AccountChanged(PermissionDenied):
    """The signed-in user was disabled, locked, or given another role or dealer meanwhile."""

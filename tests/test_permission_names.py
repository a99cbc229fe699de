"""Every permission has a name in the screens and on the command line: a refusal names what
was refused in the user's words, never a code (and never fails for want of a name)."""

import pytest

from app.domain.roles import Permission


@pytest.mark.parametrize("permission", list(Permission))
def test_every_permission_is_named_on_screen_and_on_the_command_line(permission):
    from app.cli import i18n
    from app.ui.shared.labels import permission_name

    for name in (permission_name(permission), i18n.permission_name(permission)):
        assert name and name != permission.value

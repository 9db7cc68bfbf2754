"""Page code reads a user's data only through tracker/access.py: a direct query fails this test."""

from __future__ import annotations

import ast
from pathlib import Path

import afterword

SRC = Path(afterword.__file__).parent

# Every model whose rows belong to one user.
USER_OWNED = {
    "Application",
    "Interview",
    "Interviewer",
    "Event",
    "Action",
    "Draft",
    "OutgoingEmail",
    "MailAccount",
    "Reminder",
    "ReminderSettings",
    "NotificationChannel",
    "CalendarFeed",
    "MailboxWatch",
    "InboxMessage",
    "UserSettings",
}

# Module path -> why it may query a user-owned model directly. Keep this nearly empty.
ALLOWED = {
    # No one is signed in: the calendar app fetches the feed with its secret token.
    "calendar_feed/views.py": "the feed looked up by its token",
}


def page_modules() -> list[Path]:
    """Views, forms, template tags and everything in web/ and site/: code that answers a request."""
    found: set[Path] = set()
    for pattern in ("*/views.py", "*/views/*.py", "*/forms.py", "*/forms/*.py"):
        found.update(SRC.glob(pattern))
    found.update(SRC.glob("*/templatetags/*.py"))
    found.update(SRC.glob("web/**/*.py"))
    found.update(SRC.glob("site/**/*.py"))
    return sorted(found)


def direct_queries(source: str) -> list[tuple[int, str]]:
    """``Model.objects`` of a user-owned model, except the forms that cannot leak anything.

    Allowed: ``.none()``; a subquery tied to an outer, already scoped query by OuterRef; a
    Prefetch queryset (it only reaches rows of the scoped parents); and a queryset handed to
    an ``access.`` function, which scopes it.
    """
    tree = ast.parse(source)
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    found = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Attribute)
            and node.attr == "objects"
            and isinstance(node.value, ast.Name)
            and node.value.id in USER_OWNED
        ):
            continue
        if not _harmless(node, parents):
            found.append((node.lineno, f"{node.value.id}.objects"))
    return found


def _harmless(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    above = parents.get(node)
    if isinstance(above, ast.Attribute) and above.attr == "none":
        return True
    while above is not None:
        if isinstance(above, ast.Call):
            name = ast.unparse(above.func)
            if name == "Prefetch" or name.startswith("access."):
                return True
            if any("OuterRef" in ast.unparse(arg) for arg in above.keywords):
                return True
        above = parents.get(above)
    return False


def test_no_page_module_queries_user_data_around_access() -> None:
    """Every views, forms and page module reads user-owned rows only through tracker/access.py."""
    offenders = []

    for path in page_modules():
        relative = path.relative_to(SRC).as_posix()
        if relative in ALLOWED:
            continue
        for line, what in direct_queries(path.read_text()):
            offenders.append(f"{relative}:{line}: {what}")

    assert offenders == []


def test_the_scan_catches_a_direct_query() -> None:
    """A view that filters Application.objects by owner itself is reported."""
    source = "def view(request):\n    return Application.objects.filter(owner=request.user)\n"

    assert direct_queries(source) == [(2, "Application.objects")]


def test_the_scan_lets_scoped_forms_through() -> None:
    """none(), Prefetch, OuterRef subqueries and querysets handed to access. pass."""
    source = (
        "a = Interviewer.objects.none()\n"
        "b = Prefetch('actions', queryset=Action.objects.order_by('position'))\n"
        "c = Event.objects.filter(application=OuterRef('pk'))\n"
        "d = access.changeable(user, Draft.objects.select_related('application'))\n"
    )

    assert direct_queries(source) == []


def test_the_scan_sees_the_page_modules() -> None:
    """The glob finds the views and forms of every feature, so the first test cannot pass empty."""
    names = {path.relative_to(SRC).as_posix() for path in page_modules()}

    assert {"inbox/views.py", "reminders/forms.py", "web/views/board.py"} <= names
    assert "outbox/views/mail_settings.py" in names

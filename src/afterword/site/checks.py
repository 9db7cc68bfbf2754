"""Checks of the site's configuration (``manage.py check``, run by ``afterword serve`` too).

Django's own ``security.W009`` looks at the secret key only with ``--deploy`` and knows nothing
of Afterword's old public development key; this check runs always and names it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

from afterword.keyfiles import PUBLIC_DEVELOPMENT_SECRET_KEY

# Django's own bar for a secret key (django.core.checks.security.base).
MINIMUM_LENGTH = 50
MINIMUM_DISTINCT_CHARACTERS = 5
HINT = (
    "Unset AFTERWORD_SECRET_KEY to have a strong key generated in the data directory, or set it "
    'to a long random value: python -c "import secrets; print(secrets.token_urlsafe(64))".'
)


@register(Tags.security)
def secret_key_is_strong(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """An error for a publicly known key, a warning for a short or repetitive one."""
    key = str(getattr(settings, "SECRET_KEY", ""))
    if key == PUBLIC_DEVELOPMENT_SECRET_KEY or key.startswith("django-insecure-"):
        return [
            Error(
                "SECRET_KEY is a published development key: anyone can forge sessions and "
                "password-reset links.",
                hint=HINT,
                id="afterword.E001",
            )
        ]
    if len(key) < MINIMUM_LENGTH or len(set(key)) < MINIMUM_DISTINCT_CHARACTERS:
        return [
            Warning(
                f"SECRET_KEY is weak: {len(key)} characters, {len(set(key))} different ones "
                f"(at least {MINIMUM_LENGTH} and {MINIMUM_DISTINCT_CHARACTERS} are needed).",
                hint=HINT,
                id="afterword.W001",
            )
        ]
    return []

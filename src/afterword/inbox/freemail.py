"""Mail domains anyone can sign up to: an address there says nothing about an employer.

An interviewer who writes from a personal address at one of these must never teach us an
"employer domain", or every stranger on the same provider would look like the employer.
"""

from __future__ import annotations

# One list, in one place. Country variants of the big providers are listed explicitly; a few
# providers own every country domain, which FREE_MAIL_PREFIXES covers (gmx.de, gmx.at, ...).
FREE_MAIL_DOMAINS = frozenset(
    {
        "aim.com",
        "aol.com",
        "fastmail.com",
        "fastmail.fm",
        "free.fr",
        "gmail.com",
        "googlemail.com",
        "hey.com",
        "hotmail.co.uk",
        "hotmail.com",
        "hotmail.de",
        "hotmail.fr",
        "hushmail.com",
        "icloud.com",
        "laposte.net",
        "libero.it",
        "live.co.uk",
        "live.com",
        "mac.com",
        "mail.com",
        "mail.ru",
        "me.com",
        "msn.com",
        "naver.com",
        "orange.fr",
        "outlook.com",
        "outlook.de",
        "pm.me",
        "posteo.de",
        "proton.me",
        "protonmail.ch",
        "protonmail.com",
        "qq.com",
        "rocketmail.com",
        "t-online.de",
        "tutanota.com",
        "tuta.io",
        "web.de",
        "yahoo.co.uk",
        "yahoo.com",
        "yahoo.de",
        "yahoo.fr",
        "yandex.com",
        "yandex.ru",
        "ymail.com",
        "zoho.com",
    }
)
FREE_MAIL_PREFIXES = ("gmx.", "yahoo.", "hotmail.", "outlook.", "live.", "yandex.")


def domain_of(address: str) -> str:
    """The part after the last ``@``, lower case, without a trailing dot; "" if none."""
    local, at, domain = address.strip().rpartition("@")
    return domain.lower().rstrip(".") if at and local else ""


def is_free_mail(domain: str) -> bool:
    """True for gmail.com, outlook.com, gmx.net and the like (and for an empty domain)."""
    name = domain.strip().lower().rstrip(".")
    return not name or name in FREE_MAIL_DOMAINS or name.startswith(FREE_MAIL_PREFIXES)

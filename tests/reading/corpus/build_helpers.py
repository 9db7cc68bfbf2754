"""Small builders shared by the case files and build.py."""

from __future__ import annotations

CRLF = "\r\n"


def dsn(mta: str, recipients: list[tuple[str, str, str, str]]) -> str:
    """RFC 3464 fields: the per-message block, then one block per
    (recipient, action, status, diagnostic)."""
    blocks = [f"Reporting-MTA: dns; {mta}{CRLF}Arrival-Date: Mon, 30 Nov 2026 15:30:14 +0000"]
    for address, action, status, diagnostic in recipients:
        block = (
            f"Final-Recipient: rfc822; {address}{CRLF}Original-Recipient: rfc822;{address}{CRLF}"
            f"Action: {action}{CRLF}Status: {status}"
        )
        if diagnostic:
            block += f"{CRLF}Diagnostic-Code: smtp; {diagnostic}"
        blocks.append(block)
    return (CRLF + CRLF).join(blocks) + CRLF

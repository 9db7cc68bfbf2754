"""A failed name lookup says "you are offline" when the machine has no network, not "wrong name".

The offline case runs for real in a fresh network namespace (``unshare -rn``: only a loopback
that is down), where the system resolver fails as it does on a laptop with Wi-Fi off.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from afterword.infra.lookups import has_route_out, lookup_failure_text

SRC = Path(__file__).resolve().parents[2] / "src"
SCRIPT = """
import socket
from afterword.infra.lookups import lookup_failure_text
try:
    socket.getaddrinfo("mail.example.com", 587)
except socket.gaierror as error:
    print(lookup_failure_text("mail.example.com", error, "the mail server"))
"""


def _without_network(script: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("this machine does not allow a private network namespace")
    return subprocess.run(
        ["unshare", "-rn", sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
        check=True,
        timeout=60,
    )


def test_an_offline_machine_is_told_it_is_offline() -> None:
    """No network at all: the message says offline and does not blame the server name."""
    result = _without_network(SCRIPT)

    assert result.stdout.startswith("This computer seems to be offline, so the mail server")
    assert "check its name" not in result.stdout


def test_a_name_that_does_not_exist_is_blamed_on_the_name() -> None:
    """With a network, a name no one knows is reported as a name to check."""
    if not has_route_out():
        pytest.skip("this machine has no network route")
    with pytest.raises(socket.gaierror) as caught:
        socket.getaddrinfo("smtp.nowhere.invalid", 587)

    text = lookup_failure_text("smtp.nowhere.invalid", caught.value, "the mail server")

    assert text == "Could not find the mail server smtp.nowhere.invalid: check its name."

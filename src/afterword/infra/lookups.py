"""Why a server name could not be looked up: no network at all, or a name that does not exist.

"Could not find mail.example.com: check its name" is wrong advice on a laptop that is offline;
the name is fine, the network is not. When a lookup fails, two facts tell the cases apart:

1. Whether the machine has a route out at all (``outbound.has_route_out``: the gate module
   makes every socket, even this one that sends nothing).
2. What the resolver said: EAI_AGAIN ("temporary failure") means no name server answered,
   while EAI_NONAME means one answered that the name does not exist.
"""

from __future__ import annotations

import socket
from typing import Literal

from afterword.infra.outbound import has_route_out

LookupProblem = Literal["offline", "no_name_server", "unknown_name"]


def lookup_problem(error: socket.gaierror) -> LookupProblem:
    """What a failed lookup most likely means (see the module's docstring)."""
    if not has_route_out():
        return "offline"
    if error.errno == socket.EAI_AGAIN:
        return "no_name_server"
    return "unknown_name"


def lookup_failure_text(host: str, error: socket.gaierror, what: str) -> str:
    """The sentence for the person: ``what`` names the server ("the mail server")."""
    problem = lookup_problem(error)
    if problem == "offline":
        return (
            f"This computer seems to be offline, so {what} {host} could not be looked up. "
            "Connect to the internet, then try again."
        )
    if problem == "no_name_server":
        return (
            f"No name server answered, so {what} {host} could not be looked up: check your "
            "internet connection, then try again."
        )
    return f"Could not find {what} {host}: check its name."

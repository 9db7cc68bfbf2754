"""A real Dovecot IMAP server for the inbox tests, started and stopped by the tests themselves.

Dovecot runs as an unprivileged user on loopback ports, with its configuration, password file,
mail and logs in a temporary folder. Run as root (CI), the server runs as a system user
``dovetest`` created on first use; run as anyone else, it runs as that user. Its plain port
offers STARTTLS and a second port speaks TLS from the start, both with the tests' self-signed
certificate.

Mail is stored as maildir, so a stopped and restarted server keeps its messages, UIDs and
UIDVALIDITY, as a real one does.
"""

from __future__ import annotations

import imaplib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path

DOVECOT = Path("/usr/sbin/dovecot")
SYSTEM_USER = "dovetest"
FIRST_PORT = 10143
MAIL_USER = "sam@example.test"
MAIL_PASSWORD = "imap-app-password"

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
mail_location = maildir:{root}/mail/%u
# A test server need not survive a power cut: no fsync makes 5,000 APPENDs quick.
mail_fsync = never
passdb {{
  driver = static
  args = password={password}
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={root}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = {tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  unix_listener stats-reader {{
    user = {user}
  }}
  unix_listener stats-writer {{
    user = {user}
  }}
}}
"""


class DovecotError(RuntimeError):
    pass


def _port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        # As Dovecot does: a port whose old connections linger in TIME_WAIT can be bound.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_ports(start: int, count: int) -> list[int]:
    ports: list[int] = []
    port = start
    while len(ports) < count:
        if _port_is_free(port):
            ports.append(port)
        port += 1
    return ports


def _first_port() -> int:
    # pytest-xdist workers each run their own server: give each a separate range of ports.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker[2:]) if worker[2:].isdigit() else 0
    return FIRST_PORT + 20 * index


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie is gone for our purposes; it is not our child, so we cannot reap it.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid``, from /proc (Linux)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found: list[int] = []
    queue = [pid]
    while queue:
        for child in parents.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found


def _run_as(user: str | None) -> list[str]:
    return ["runuser", "-u", user, "--"] if user else []


def _system_user() -> str:
    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        # Two test processes may both try; the loser's useradd fails and the user is there.
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SYSTEM_USER,
            ],
            capture_output=True,
        )
        pwd.getpwnam(SYSTEM_USER)
    return SYSTEM_USER


@dataclass
class Dovecot:
    """One running server; ``host``/``port`` (STARTTLS offered) and ``tls_port`` (TLS)."""

    certificate: tuple[Path, Path]
    root: Path = field(init=False)
    host: str = "127.0.0.1"
    port: int = 0
    tls_port: int = 0
    username: str = MAIL_USER
    password: str = MAIL_PASSWORD
    _run_user: str | None = None

    def __post_init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="afterword-dovecot-"))
        self.root.chmod(0o755)
        if os.geteuid() == 0:
            self._run_user = _system_user()
            user = group = SYSTEM_USER
        else:
            user = pwd.getpwuid(os.getuid()).pw_name
            group = user
        for name in ("run", "state", "mail"):
            (self.root / name).mkdir()
        shutil.copy(self.certificate[0], self.root / "cert.pem")
        shutil.copy(self.certificate[1], self.root / "key.pem")
        self._user, self._group = user, group

    # ------------------------------------------------------------------ lifecycle

    @property
    def config(self) -> Path:
        return self.root / "dovecot.conf"

    def start(self) -> None:
        """Start on free ports (the same ones again after a stop); wait until it answers."""
        if not DOVECOT.exists():
            raise DovecotError(f"{DOVECOT} is missing: apt-get install dovecot-imapd")
        for _attempt in range(5):
            if not self.port:
                self.port, self.tls_port = _free_ports(_first_port(), 2)
            self.config.write_text(
                CONFIG.format(
                    root=self.root,
                    user=self._user,
                    group=self._group,
                    port=self.port,
                    tls_port=self.tls_port,
                    password=self.password,
                )
            )
            if self._run_user:
                subprocess.run(["chown", "-R", f"{self._user}:{self._group}", str(self.root)])
            # The master process forks into the background and keeps the streams it was
            # given: a pipe would never close, so its start-up messages go to a file.
            with open(self.root / "start.log", "w") as stream:
                result = subprocess.run(
                    [*_run_as(self._run_user), str(DOVECOT), "-c", str(self.config)],
                    stdin=subprocess.DEVNULL,
                    stdout=stream,
                    stderr=subprocess.STDOUT,
                    timeout=30,
                )
            if result.returncode == 0 and self._answers():
                return
            self._kill()
            # Another process took a port between the probe and the start: take the next ones.
            self.port, self.tls_port = _free_ports(max(self.port, self.tls_port) + 1, 2)
        start_log = (self.root / "start.log").read_text(errors="replace")
        raise DovecotError(f"Dovecot did not start: {start_log.strip()}\n{self.log()}")

    def stop(self) -> None:
        """Stop the server as a restart would: its master and every connection it serves end.

        SIGTERM to the master (what ``doveadm stop`` does); Dovecot's processes serving open
        connections may outlive it for a while, so those are ended too (by their ids, found
        among the master's children), and open sessions see their connection drop.
        """
        pid = self._master_pid()
        children = _descendants(pid) if pid is not None else []
        if pid is not None:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pid = None
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (self._listening() or _alive(pid)):
            time.sleep(0.02)
        for child in children:
            if _alive(child):
                with suppress(ProcessLookupError):
                    os.kill(child, signal.SIGKILL)
        self._kill()

    def restart(self) -> None:
        self.stop()
        self.start()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _listening(self) -> bool:
        try:
            with socket.create_connection((self.host, self.port), timeout=1):
                return True
        except OSError:
            return False

    def _answers(self) -> bool:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as connection:
                    if connection.recv(100).startswith(b"* OK"):
                        return True
            except OSError:
                time.sleep(0.05)
        return False

    def _master_pid(self) -> int | None:
        try:
            return int((self.root / "run" / "master.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def _kill(self) -> None:
        """Make sure nothing of this server is left running (a start that failed half-way)."""
        pid = self._master_pid()
        if pid is not None and _alive(pid):
            os.kill(pid, signal.SIGKILL)
        (self.root / "run" / "master.pid").unlink(missing_ok=True)

    # ------------------------------------------------------------------ mail

    def client(self, username: str | None = None) -> imaplib.IMAP4:
        name = username or self.username
        imap = imaplib.IMAP4(self.host, self.port, timeout=10)
        imap.login(name, self.password)
        return imap

    def append(
        self, message: Message | bytes, folder: str = "INBOX", user: str | None = None
    ) -> None:
        """Put one message into ``folder`` (created if missing), arrived at its Date header."""
        self.append_many([message], folder, user)

    def append_many(
        self, messages: Iterable[Message | bytes], folder: str = "INBOX", user: str | None = None
    ) -> None:
        imap = self.client(user)
        try:
            if folder != "INBOX":
                imap.create(folder)  # answers NO when it exists, which is fine
            for message in messages:
                raw = message if isinstance(message, bytes) else message.as_bytes()
                # imaplib sends the literal as given; IMAP wants CRLF line ends.
                raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
                arrived = _date_of(message)
                status, data = imap.append(
                    folder, "", imaplib.Time2Internaldate(arrived) if arrived else None, raw
                )
                if status != "OK":
                    raise DovecotError(f"APPEND failed: {data!r}")
        finally:
            imap.logout()

    def recreate(self, folder: str, user: str | None = None) -> None:
        """Delete ``folder`` and create it again, empty: its UIDVALIDITY changes."""
        imap = self.client(user)
        try:
            imap.delete(folder)
            imap.create(folder)
        finally:
            imap.logout()

    def uidvalidity(self, folder: str = "INBOX", user: str | None = None) -> int:
        imap = self.client(user)
        try:
            _status, data = imap.status(folder, "(UIDVALIDITY)")
            text = data[0].decode() if isinstance(data[0], bytes) else str(data[0])
            return int(text.rsplit("UIDVALIDITY", 1)[1].strip(" )"))
        finally:
            imap.logout()

    def flags(self, folder: str = "INBOX", user: str | None = None) -> list[bytes]:
        """Every message's FLAGS line, to prove the watcher marked nothing as read."""
        imap = self.client(user)
        try:
            imap.select(folder, readonly=True)
            _status, data = imap.fetch("1:*", "(FLAGS)")
            return [line for line in data if isinstance(line, bytes)]
        finally:
            imap.logout()


def _date_of(message: Message | bytes) -> datetime | None:
    if isinstance(message, bytes) or message["Date"] is None:
        return None
    try:
        return parsedate_to_datetime(str(message["Date"]))
    except (TypeError, ValueError):
        return None

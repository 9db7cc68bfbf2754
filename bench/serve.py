"""Today for 20 signed-in users at once: `afterword serve` (gunicorn) next to `--dev`.

    PGPORT_TEST=55443 bash scripts/with-postgres.sh .venv/bin/python bench/serve.py
    .venv/bin/python bench/serve.py --seconds 10            # SQLite without DATABASE_URL

A scratch database (bench/digest.py's) gets ``--users`` users with ``--per-user`` applications
each (the planner benchmark's cases, bench/seed_cases.py), re-planned with ``replan_all``; each
user gets a signed-in session (a session row, as logging in makes). Then, one after the other,
the same database is served by

1. ``afterword serve --dev`` (Django's development server, threaded), and
2. ``afterword serve`` (gunicorn, as configured in src/afterword/server.py),

and for ``--seconds`` each, ``--clients`` clients (one per user, each with its own session
cookie and its own keep-alive connection) ask for Today (``/``) as fast as the server answers:
``wrk`` with one connection per thread when it is installed (it costs the machine little),
else Python threads. Reported: requests per second, latency p50/p95 (Python client), and
every answer that was not a 200 as an error.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cases import generate_cases
from digest import scratch_database
from seed_cases import seed

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime.now(UTC)
LOG: Any = subprocess.DEVNULL
WRK_SCRIPT = """
local cookies = {%s}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("cookie", cookies[counter])
end
function init(args)
  wrk.headers["Cookie"] = "sessionid=" .. cookie
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sessions(users: int) -> list[str]:
    """A signed-in session key for each seeded user, made as django.contrib.auth.login does."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    keys = []
    for user in get_user_model().objects.order_by("pk")[:users]:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        keys.append(str(store.session_key))
    return keys


def start_server(dev: bool, port: int, env: dict[str, str], workers: int | None) -> Any:
    command = [sys.executable, "-c", "import sys; from afterword.cli import main; sys.exit(main())"]
    command += ["serve", "--bind", f"127.0.0.1:{port}"]
    if dev:
        command.append("--dev")
    elif workers:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=LOG)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/accounts/login/")
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the server did not start")


def tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of ``root`` and its child processes so far (from /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        if root in (pid, ppid):
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def check_signed_in(port: int, key: str) -> None:
    """Today answers 200 to a session cookie (wrk alone would count a redirect to log in)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", "/", headers={"Cookie": f"sessionid={key}"})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200 or b"Today" not in body:
        raise SystemExit(f"Today answered {response.status}, not the signed-in page")


def stop_server(process: Any) -> None:
    process.terminate()
    try:
        process.wait(40)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def drive_python(port: int, keys: list[str], seconds: float) -> dict[str, Any]:
    """One thread per session, each on its own keep-alive connection, as fast as answered."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(key: str) -> None:
        mine, bad = [], []
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            try:
                connection.request("GET", "/", headers={"Cookie": f"sessionid={key}"})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    bad.append(str(response.status))
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as error:
                bad.append(type(error).__name__)
                connection.close()
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=client, args=(key,)) for key in keys]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "client": "python threads",
        "requests": len(latencies),
        "per_second": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else 0.0,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000 if latencies else 0.0,
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
    }


def drive_wrk(port: int, keys: list[str], seconds: float) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ", ".join(f'"{key}"' for key in keys))
    try:
        done = subprocess.run(
            [
                "wrk",
                f"-t{len(keys)}",
                f"-c{len(keys)}",
                f"-d{int(seconds)}s",
                "--timeout",
                "60s",
                "--latency",
                "-s",
                script.name,
                f"http://127.0.0.1:{port}/",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(script.name)
    text = done.stdout
    figures: dict[str, Any] = {"client": "wrk", "raw": text}
    for line in text.splitlines():
        words = line.split()
        if line.strip().startswith("Requests/sec:"):
            figures["per_second"] = float(words[1])
        elif " requests in " in line:
            figures["requests"] = int(words[0])
        elif line.strip().startswith("50%"):
            figures["p50_ms"] = _ms(words[1])
        elif line.strip().startswith("99%"):
            figures["p99_ms"] = _ms(words[1])
        elif line.strip().startswith("Non-2xx or 3xx responses:"):
            figures["errors"] = int(words[-1])
        elif line.strip().startswith("Socket errors:"):
            figures["socket_errors"] = line.strip()
            counts = [int(word.strip(",")) for word in words if word.strip(",").isdigit()]
            figures["errors"] = figures.get("errors", 0) + sum(counts)
    figures.setdefault("errors", 0)
    return figures


def _ms(text: str) -> float:
    for unit, factor in (("ms", 1.0), ("us", 0.001), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    return float(text)


def ceiling_text(results: dict[str, dict[str, Any]], dev_rate: float) -> str:
    """The most gunicorn could serve here: every CPU given to it alone, at its measured CPU per
    request, with nothing left for the database or the client. A ratio the machine cannot give
    is not a goal the code can meet on it."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    dev = results["development server (`serve --dev`)"]
    cpu_ms = results["gunicorn"]["cpu_ms"]
    ceiling = (cpus or 1) * 1000 / max(cpu_ms, 1e-3)
    busy = dev["per_second"] * dev["cpu_ms"] / 1000
    return (
        f"the development server kept {busy:.2f} CPUs busy; ceiling for gunicorn here: "
        f"{cpus} CPUs / {cpu_ms:.1f} ms of CPU per request = {ceiling:.0f} requests/s, "
        f"{ceiling / dev_rate:.1f}x the development server (goal 5x)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--per-user", type=int, default=100)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn web processes")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "afterword.settings")
    use_wrk = options.client == "wrk" or (options.client == "auto" and shutil.which("wrk"))
    with tempfile.TemporaryDirectory(prefix="afterword-serve-") as folder:
        os.environ.setdefault("AFTERWORD_DATA_DIR", folder)
        with scratch_database() as (backend, _target):
            texts = generate_cases(options.users * options.per_user, 1)
            seed(texts, options.users, NOW)
            from afterword.tracker.models import Application
            from afterword.tracker.services import replan_all

            summary = replan_all(Application.objects.all(), NOW)
            keys = sessions(options.users)
            clients = (keys * (options.clients // len(keys) + 1))[: options.clients]
            from django.db import connections

            connections.close_all()
            env = dict(os.environ)
            env["PYTHONPATH"] = str(ROOT / "src")
            print(
                f"{backend}: {options.users} users x {options.per_user} applications "
                f"({summary.replanned} planned), {options.clients} clients, "
                f"{options.seconds:.0f} s each, client: {'wrk' if use_wrk else 'python threads'}; "
                f"load {os.getloadavg()[0]:.2f}"
            )
            results = {}
            for name, dev in (("development server (`serve --dev`)", True), ("gunicorn", False)):
                port = free_port()
                process = start_server(dev, port, env, options.workers)
                try:
                    check_signed_in(port, clients[0])
                    drive = drive_wrk if use_wrk else drive_python
                    # Every process and thread warm (imports, templates, connections), untimed.
                    drive_python(port, clients, 5)
                    cpu_before = tree_cpu_seconds(process.pid)
                    results[name] = drive(port, clients, options.seconds)
                    spent = tree_cpu_seconds(process.pid) - cpu_before
                    results[name]["cpu_ms"] = 1000 * spent / max(results[name]["requests"], 1)
                finally:
                    stop_server(process)
    dev_rate = results["development server (`serve --dev`)"]["per_second"]
    print(
        "\n| server | requests | requests/s | p50 ms | p95 ms (p99 with wrk) | errors | x dev "
        "| server CPU ms per request |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, figures in results.items():
        tail = figures.get("p95_ms", figures.get("p99_ms", 0.0))
        print(
            f"| {name} | {figures.get('requests', 0):,} | {figures['per_second']:.1f} | "
            f"{figures.get('p50_ms', 0.0):.0f} | {tail:.0f} | {figures['errors']} | "
            f"{figures['per_second'] / dev_rate:.1f} | {figures['cpu_ms']:.0f} |"
        )
        if figures.get("error_kinds") or figures.get("socket_errors"):
            print(f"  errors: {figures.get('error_kinds') or figures.get('socket_errors')}")
    print(f"load {os.getloadavg()[0]:.2f} after")
    print(ceiling_text(results, dev_rate))
    failed = any(figures["errors"] for figures in results.values())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

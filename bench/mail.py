"""How well and how fast Afterword reads mail (reading/, ``afterword read``).

    PYTHONPATH=src /work/main/.venv/bin/python bench/mail.py [--split test] [--flufl-samples DIR]

1. Accuracy on the labelled corpus (tests/reading/corpus/<class>/<split>/, the test half by
   default, which the reader was never tuned on): per kind precision and recall; per class how
   often the kind, the first day back and the failed recipients are exactly right; people's
   messages taken for anything but a reply ("dropped"); meaning figures when reading/meaning.py
   is present and a sidecar labels the meaning.
2. Bounces in flufl.bounce's own sample messages (its tests/data folder: looked for in the
   installed package, else given with --flufl-samples; the expected addresses are read from
   its tests/test_detectors.py beside that folder).
3. Messages read per second, one core, against the bare standard-library parse of the same
   bytes (``email.message_from_bytes(raw, policy=email.policy.default)``).
"""

from __future__ import annotations

import argparse
import ast
import gc
import importlib.util
import json
import os
import time
from email import message_from_bytes, policy
from pathlib import Path

from afterword.reading.fetched import fetched_from_bytes
from afterword.reading.reading import read

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "reading" / "corpus"
KINDS = ("reply", "auto_reply", "bounce", "delay", "bulk")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="test", choices=("test", "tune"))
    parser.add_argument("--flufl-samples", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the fastest counts")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    cases = load_corpus(args.split)
    results = [(case, read_case(case)) for case in cases]
    print(f"## Corpus, {args.split} half: {len(cases)} messages\n")
    kind_table(results)
    class_table(results)
    meaning_table(results)
    samples = args.flufl_samples or installed_samples()
    flufl_table(samples)
    speed_table([case["raw"] for case in cases], samples, args.repeat)


def load_corpus(split: str) -> list[dict]:
    cases = []
    for path in sorted(CORPUS.glob(f"*/{split}/*.eml")):
        side = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        cases.append({"path": path, "class": path.parts[-3], "raw": path.read_bytes(), **side})
    return cases


def read_case(case: dict) -> dict:
    args = case["args"]
    reading = read(
        fetched_from_bytes(case["raw"]), country=args["country"], language=args.get("language")
    )
    return reading.to_json()


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    –  "


def kind_table(results: list[tuple[dict, dict]]) -> None:
    print("| kind | messages | precision | recall |\n|---|---:|---:|---:|")
    for kind in KINDS:
        expected = [r for c, r in results if c["expected"]["kind"] == kind]
        said = [c for c, r in results if r["kind"] == kind]
        right = sum(1 for c, r in results if r["kind"] == kind == c["expected"]["kind"])
        print(
            f"| {kind} | {len(expected)} | {percent(right, len(said))} | "
            f"{percent(right, len(expected))} |"
        )
    print()


def class_table(results: list[tuple[dict, dict]]) -> None:
    print(
        "| class | messages | kind right | back_on right | bounced exactly right | "
        "high confidence |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name in sorted({c["class"] for c, _ in results}):
        rows = [(c, r) for c, r in results if c["class"] == name]
        kind = sum(r["kind"] == c["expected"]["kind"] for c, r in rows)
        back = sum(r["back_on"] == c["expected"]["back_on"] for c, r in rows)
        bounced = sum(sorted(r["bounced"]) == sorted(c["expected"]["bounced"]) for c, r in rows)
        high = sum(r["confidence"] == "high" for _, r in rows)
        print(
            f"| {name} | {len(rows)} | {percent(kind, len(rows))} | "
            f"{percent(back, len(rows))} | {percent(bounced, len(rows))} | "
            f"{percent(high, len(rows))} |"
        )
    away = [(c, r) for c, r in results if c["class"] == "away"]
    named = [(c, r) for c, r in away if c["expected"]["back_on"]]
    given = [(c, r) for c, r in away if r["back_on"]]
    right = sum(r["back_on"] == c["expected"]["back_on"] for c, r in given)
    print(
        f"\nback_on on away notices: precision {percent(right, len(given)).strip()} "
        f"({right}/{len(given)} dates given), recall {percent(right, len(named)).strip()} "
        f"({right}/{len(named)} notices that name one)"
    )
    bounced = [(c, r) for c, r in results if c["class"] == "bounce"]
    said = [a for _, r in bounced for a in r["bounced"]]
    wanted = [a for c, _ in bounced for a in c["expected"]["bounced"]]
    hits = sum(1 for c, r in bounced for a in r["bounced"] if a in c["expected"]["bounced"])
    print(
        f"bounced addresses: precision {percent(hits, len(said)).strip()} ({hits}/{len(said)})"
        f", recall {percent(hits, len(wanted)).strip()} ({hits}/{len(wanted)})"
    )
    people = [(c, r) for c, r in results if c["expected"]["kind"] == "reply"]
    dropped = [c["path"].name for c, r in people if r["kind"] != "reply"]
    print(
        f"people's messages dropped (read as anything but a reply): {len(dropped)} of "
        f"{len(people)} {dropped if dropped else ''}"
    )
    wrong = [
        f"{c['path'].name}: {r['kind']} {r['back_on']} {r['bounced']}"
        for c, r in results
        if (r["kind"], r["back_on"], sorted(r["bounced"]))
        != (c["expected"]["kind"], c["expected"]["back_on"], sorted(c["expected"]["bounced"]))
    ]
    print(
        "wrong readings:" + "".join(f"\n- {line}" for line in wrong)
        if wrong
        else "wrong readings: none"
    )
    print()


def meaning_table(results: list[tuple[dict, dict]]) -> None:
    if importlib.util.find_spec("afterword.reading.meaning") is None:
        print("Meaning: reading/meaning.py is not in this tree; no meaning figures.\n")
        return
    labelled = [(c, r) for c, r in results if c["expected"].get("meaning")]
    if not labelled:
        print("Meaning: no message of this half labels a meaning.\n")
        return
    print("| meaning | messages | precision | recall |\n|---|---:|---:|---:|")
    for meaning in sorted({c["expected"]["meaning"] for c, _ in labelled}):
        expected = sum(c["expected"]["meaning"] == meaning for c, _ in labelled)
        said = sum(r["meaning"] == meaning for _, r in labelled)
        right = sum(r["meaning"] == meaning == c["expected"]["meaning"] for c, r in labelled)
        print(f"| {meaning} | {expected} | {percent(right, said)} | {percent(right, expected)} |")
    harmful = sum(
        c["expected"]["meaning"] == "rejection"
        and r["meaning"] in ("offer", "next_round")
        and r["confidence"] == "high"
        for c, r in labelled
    )
    print(f"\nrejections read as an offer or a next round with high confidence: {harmful}\n")


def installed_samples() -> Path | None:
    spec = importlib.util.find_spec("flufl.bounce")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        for candidate in (Path(base) / "tests" / "data", Path(base).parent / "tests" / "data"):
            if candidate.is_dir():
                return candidate
    return None


def expected_samples(samples: Path) -> dict[str, tuple[set[str], bool]]:
    """File name -> (expected addresses, temporary) from flufl.bounce's own detector table."""
    table = samples.parent / "test_detectors.py"
    expected: dict[str, tuple[set[str], bool]] = {}
    if not table.is_file():
        return expected
    for node in ast.walk(ast.parse(table.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "DETECTORS" for t in node.targets
        ):
            for _detector, name, addresses, temporary in ast.literal_eval(node.value):
                found = {a.decode().lower() for a in addresses}
                if found or name not in expected:
                    expected[name] = (found, temporary)
    return expected


def flufl_table(samples: Path | None) -> None:
    print("## flufl.bounce's own sample messages\n")
    if samples is None:
        print(
            "Not installed with the package (its wheel ships no tests); pass "
            "--flufl-samples DIR (tests/data of the flufl.bounce sdist).\n"
        )
        return
    expected = expected_samples(samples)
    files = sorted(samples.glob("*.txt"))
    recognised = exact = delays = delays_right = bounces = 0
    misses: list[str] = []
    for path in files:
        reading = read(fetched_from_bytes(path.read_bytes())).to_json()
        addresses, temporary = expected.get(path.name, (set(), False))
        if not addresses:
            continue
        if temporary:
            delays += 1
            delays_right += reading["kind"] == "delay"
            recognised += reading["kind"] in ("bounce", "delay")
            if reading["kind"] != "delay":
                misses.append(f"{path.name}: {reading['kind']} {reading['bounced']} (a delay)")
            continue
        bounces += 1
        recognised += reading["kind"] in ("bounce", "delay")
        if reading["kind"] == "bounce" and set(reading["bounced"]) == addresses:
            exact += 1
        else:
            misses.append(
                f"{path.name}: {reading['kind']} {reading['bounced']} "
                f"(expected {sorted(addresses)})"
            )
    print(
        f"samples: {len(files)} files in {samples}; {bounces + delays} with expected "
        f"addresses in test_detectors.py ({bounces} permanent, {delays} temporary)"
    )
    print(
        f"- recognised as a bounce or delay: {recognised} of {bounces + delays} "
        f"({percent(recognised, bounces + delays).strip()})"
    )
    print(
        f"- permanent failures with exactly the expected addresses: {exact} of {bounces} "
        f"({percent(exact, bounces).strip()})"
    )
    print(
        f"- temporary failures read as a delay: {delays_right} of {delays} "
        f"({percent(delays_right, delays).strip()})"
    )
    print("misses:" + "".join(f"\n  - {m}" for m in misses) if misses else "misses: none")
    print()


def speed_table(raws: list[bytes], samples: Path | None, repeat: int) -> None:
    if samples is not None:
        raws = raws + [p.read_bytes() for p in sorted(samples.glob("*.txt"))]
    batch = raws * max(1, 3000 // len(raws))
    for raw in raws:  # warm every cache (patterns, holiday tables) before timing
        read(fetched_from_bytes(raw))
    gc.collect()
    gc.freeze()

    def floor() -> None:
        for raw in batch:
            message_from_bytes(raw, policy=policy.default)

    def full() -> None:
        for raw in batch:
            read(fetched_from_bytes(raw))

    timings = {}
    for name, run in (("floor", floor), ("full", full)):
        best = float("inf")
        for _ in range(repeat):
            gc.collect()
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
        timings[name] = best
    print(
        f"## Speed: {len(batch)} messages ({len(raws)} distinct, median "
        f"{sorted(len(r) for r in raws)[len(raws) // 2]} bytes), best of {repeat}, one core\n"
    )
    print("| stage | messages/s | × floor |\n|---|---:|---:|")
    for name, label in (
        ("floor", "floor: `email.message_from_bytes(raw, policy=default)`"),
        ("full", "**full**: `read(fetched_from_bytes(raw))`"),
    ):
        rate = len(batch) / timings[name]
        print(f"| {label} | {rate:,.0f} | {timings[name] / timings['floor']:.2f} |")
    print()


if __name__ == "__main__":
    main()

"""Start-up benchmark: clerks and scripts run groupctl many times a day.

Runs each command several times in a fresh process and reports the median wall
time and the peak memory, against the goals below.  Exits 1 when a goal is
missed.  Run it with `make bench`; it is deliberately not part of `make test`,
whose outcome must not depend on how busy the machine is.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time

RUNS = 9
GOALS_MS = {"json": 400, "table": 600}
GOAL_MAX_RSS_MB = 80

COMMANDS = {
    "json": ["funding", "2023", "--format", "json"],
    "table": ["funding", "2023"],
}


def main() -> int:
    env = {**os.environ, "GROUPCTL_DATA": ""}
    ok = True
    for name, args in COMMANDS.items():
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "groupctl", *args],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        verdict = "ok" if median <= GOALS_MS[name] else "SLOW"
        ok &= verdict == "ok"
        print(f"{name:6} median {median:6.1f} ms (goal ≤ {GOALS_MS[name]} ms) {verdict}")
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    verdict = "ok" if rss_mb <= GOAL_MAX_RSS_MB else "HEAVY"
    ok &= verdict == "ok"
    print(f"peak memory {rss_mb:.1f} MB (goal ≤ {GOAL_MAX_RSS_MB} MB) {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Peak RSS of the real AOT bootstrap running one expire sweep (dry-run) over N images.

The bootstrap runs as Lambda runs it: its own process, `_HANDLER=expire`, one invocation from a minimal Lambda
Runtime API (2018-06-01) served here, every AWS endpoint (AWS_ENDPOINT_URL) answered by ec2_query_shim.py out of
process, DescribeImages in pages of 1,000 images. The peak is VmHWM from /proc/<pid>/status, read when the
invocation's response arrives (the sweep is over, the process still alive). Usage:

    python3 tests/bench/bootstrap_rss.py --bootstrap artifacts/publish/bootstrap --images 5000,50000
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ec2_query_shim import Fleet, Shim, reply  # noqa: E402

RUNTIME = "/2018-06-01/runtime"
REQUEST_ID = "bench-expire-1"


def status_kib(pid):
    """VmHWM and VmRSS of `pid` in KiB."""
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                values[key] = int(rest.split()[0])
    return values


class RuntimeApi:
    """Hands out one scheduled expire event, then records the response (or error) and the process's memory."""

    def __init__(self):
        self.pid = None
        self.served = False
        self.at_next = None
        self.at_response = None
        self.started = None
        self.finished = None
        self.result = None
        self.done = threading.Event()

    def __call__(self, http, method, body):
        if not http.path.startswith(RUNTIME):
            return False
        if method == "GET" and http.path.endswith("/invocation/next"):
            if self.served:  # run-once mode exits instead; never answer a second time
                time.sleep(3600)
            self.served = True
            self.at_next = status_kib(self.pid)
            self.started = time.monotonic()
            deadline = int((time.time() + 900) * 1000)
            data = json.dumps({"source": "schedule"}).encode()
            http.send_response(200)
            http.send_header("Lambda-Runtime-Aws-Request-Id", REQUEST_ID)
            http.send_header("Lambda-Runtime-Deadline-Ms", str(deadline))
            http.send_header("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:123456789012:function:ami-automation-expire")
            http.send_header("Content-Type", "application/json")
            http.send_header("Content-Length", str(len(data)))
            http.end_headers()
            http.wfile.write(data)
            return True
        self.finished = time.monotonic()
        self.at_response = status_kib(self.pid)
        self.result = ("response" if http.path.endswith("/response") else "error", body)
        reply(http, 202, '{"status":"OK"}', "application/json")
        self.done.set()
        return True


class Sampler(threading.Thread):
    """VmRSS every 50 ms: when the peak happened, relative to the invocation's start."""

    def __init__(self, api):
        super().__init__(daemon=True)
        self.api = api
        self.samples = []

    def run(self):
        while not self.api.done.is_set():
            if self.api.pid is not None and self.api.started is not None:
                try:
                    self.samples.append((time.monotonic() - self.api.started, status_kib(self.api.pid)["VmRSS"]))
                except (FileNotFoundError, ProcessLookupError):
                    return
            time.sleep(0.05)

    def peak(self):
        return max(self.samples, key=lambda s: s[1], default=(0, 0))


def run(bootstrap, n, candidate_percent, log_dir, extra_env):
    api = RuntimeApi()
    shim = Shim(Fleet(n, candidate_percent=candidate_percent), extra=api).start()
    url = f"http://127.0.0.1:{shim.port}"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AWS_", "_HANDLER", "_X_AMZN", "POWERTOOLS_", "AMI_AUTOMATION_", "DOTNET_", "DRY_RUN", "EXPIRE_", "LEDGER_"))}
    env.update({
        "AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{shim.port}", "_HANDLER": "expire",
        "AWS_LAMBDA_FUNCTION_NAME": "ami-automation-expire", "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512", "AWS_LAMBDA_LOG_FORMAT": "JSON",
        "AWS_LAMBDA_DOTNET_DEBUG_RUN_ONCE": "true",
        "AWS_REGION": "eu-west-1", "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_ENDPOINT_URL": url, "LEDGER_TABLE_NAME": "ami-automation-ledger",
        "POWERTOOLS_SERVICE_NAME": "expire", "DRY_RUN": "true",
        "EXPIRE_OLDER_THAN_DAYS": "365", "EXPIRE_KEEP_NEWEST": "3", "EXPIRE_UNUSED_FOR_DAYS": "14",
    })
    env.update(extra_env)
    sampler = Sampler(api)
    sampler.start()
    os.makedirs(log_dir, exist_ok=True)
    out_path = os.path.join(log_dir, f"bootstrap-{n}.stdout")
    with open(out_path, "wb") as out, open(os.path.join(log_dir, f"bootstrap-{n}.stderr"), "wb") as err:
        process = subprocess.Popen([bootstrap], env=env, stdout=out, stderr=err)
        api.pid = process.pid
        ok = api.done.wait(timeout=1200)
        code = process.wait(timeout=60) if ok else process.kill()
    shim.stop()
    if not ok:
        raise SystemExit(f"N={n}: no response within 20 min; see {log_dir}")
    kind, body = api.result
    summary = json.loads(body) if kind == "response" else {"error": body.decode()[:500]}
    return {
        "images": n,
        "result": kind,
        "exit": code,
        "rss_at_first_next_mib": api.at_next["VmRSS"] / 1024,
        "peak_rss_mib": api.at_response["VmHWM"] / 1024,
        "rss_at_response_mib": api.at_response["VmRSS"] / 1024,
        "invocation_s": api.finished - api.started,
        "sampled_peak_rss_mib_at_s": [sampler.peak()[1] / 1024, sampler.peak()[0]],
        "env": extra_env,
        "decisions": summary.get("totalDecisions"),
        "outcomes": summary.get("outcomes"),
        "failed_sources": summary.get("failedSources"),
        "blocked": summary.get("blocked") or summary.get("block"),
        "calls": dict(sorted(shim.calls.items())),
        "unanswered": shim.unknown,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap", default="artifacts/publish/bootstrap")
    parser.add_argument("--images", default="5000,50000", help="comma-separated image counts")
    parser.add_argument("--candidates", type=float, default=5, help="percent of images old enough to expire")
    parser.add_argument("--logs", default="artifacts/bench", help="where the bootstrap's stdout/stderr go")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the bootstrap (e.g. DOTNET_GCgen0size=400000)")
    args = parser.parse_args()
    print(f"date (UTC): {time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())}; machine: {platform.machine()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
          f"bootstrap: {args.bootstrap} ({os.path.getsize(args.bootstrap):,} bytes)")
    for n in (int(x) for x in args.images.split(",")):
        figures = run(args.bootstrap, n, args.candidates, args.logs, dict(e.split("=", 1) for e in args.env))
        print(json.dumps(figures, indent=1))
        print(f"N={n}: peak RSS {figures['peak_rss_mib']:.1f} MiB ({figures['peak_rss_mib'] * 1.048576:.1f} MB), "
              f"RSS at first next {figures['rss_at_first_next_mib']:.1f} MiB, invocation {figures['invocation_s']:.1f} s, "
              f"load average now {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""EcsTools side by side with boto3 and the AWS CLI, on the same local endpoints, in one run (tests/bench/README.md).

build.ps1 Bench runs it (dotnet pwsh ./build.ps1 Bench); it can also be run alone after a Release build:

    python3 tests/bench/sidebyside.py --pwsh "dotnet $HOME/.nuget/.../pwsh.dll" --module IL=out/EcsTools/EcsTools.psd1

It starts LocalEcs twice on 127.0.0.1 (100 ms lifecycle steps for task workloads; 1 s steps for task sets, so that a
task set is STEADY_STATE about 3 s after it is created) and moto, and points every peer at them through the same
environment (AWS_ENDPOINT_URL_ECS, AWS_REGION, test keys, no profile files, no instance metadata). Workloads run
interleaved (A B C, A B C, ...) so that a machine that slows down during the run slows every peer alike, and each ratio is
taken within one round. Every figure is printed as min / median / max over the rounds: quote the median.

Processes are timed from outside (wall clock from start to exit; CPU = user + system of the child, from wait4); warm
workloads are timed inside their own process (tests/bench/EcsToolsWorker.ps1, tests/bench/boto3_peer.py). The results
go to tests/bench/results.md (with the machine and the date) and to the console. Speed claims live here, never in tests.
Unix only (wait4).
"""

import argparse
import datetime
import json
import os
import platform
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
RELEASED = " [pwsh as released]"
REPO = os.path.dirname(os.path.dirname(HERE))
DEMO_SUBNET = "subnet-0a1b2c3d4e5f60718"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pwsh", required=True, help="the pwsh command line, e.g. 'dotnet /path/pwsh.dll' or 'pwsh'")
    parser.add_argument("--pwsh-release", default=None,
                        help="a second pwsh command line whose own assemblies are ReadyToRun, as PowerShell's release packages ship them "
                             "(the NuGet global tool's are IL only): the one-shot and import probe run with it too")
    parser.add_argument("--module", action="append", required=True, metavar="LABEL=PSD1",
                        help="a module to time (repeatable); the last one is used for the warm, 1,000-task and task-set workloads")
    parser.add_argument("--localecs", default=None, help="EcsTools.LocalEcs.dll (default: the Release build)")
    parser.add_argument("--rounds", type=int, default=7, help="rounds of the one-shot processes (default 7)")
    parser.add_argument("--probe-rounds", type=int, default=3, help="rounds of the import probe (default 3)")
    parser.add_argument("--warm-rounds", type=int, default=5, help="rounds of warm calls (default 5)")
    parser.add_argument("--warm-calls", type=int, default=200, help="calls in one warm round (default 200)")
    parser.add_argument("--thousand-rounds", type=int, default=5,
                        help="rounds of 1,000 tasks (default 5: the boto3 loop's 1 s polls make its time jump by a second; 0 skips)")
    parser.add_argument("--taskset-rounds", type=int, default=5, help="rounds of task sets, after one not counted (default 5; 0 skips)")
    parser.add_argument("--no-moto", action="store_true", help="skip the warm calls against moto")
    parser.add_argument("--only", default="oneshot,probe,warm,moto,thousand,taskset",
                        help="the workloads to run, comma-separated (default all: oneshot,probe,warm,moto,thousand,taskset)")
    parser.add_argument("--output", default=os.path.join(HERE, "results.md"), help="the results file (default tests/bench/results.md)")
    parser.add_argument("--note", default="", help="a line to add to the results (what was measured, e.g. a commit)")
    return parser.parse_args()


# ----- statistics -------------------------------------------------------------------------------------------------------

def mmm(values, fmt="{:.0f}"):
    """min / median / max as text."""
    if not values:
        return "n/a"
    return " / ".join(fmt.format(v) for v in (min(values), statistics.median(values), max(values)))


def med(values):
    return statistics.median(values) if values else float("nan")


# ----- processes --------------------------------------------------------------------------------------------------------

def base_environment():
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    nowhere = os.path.join(tempfile.gettempdir(), "ecstools-bench-no-such-file")
    env.update({
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_CONFIG_FILE": nowhere,
        "AWS_SHARED_CREDENTIALS_FILE": nowhere,
        "AWS_EC2_METADATA_DISABLED": "true",
        "POWERSHELL_TELEMETRY_OPTOUT": "1",
        "POWERSHELL_UPDATECHECK": "Off",
        "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
        "DOTNET_NOLOGO": "1",
        "TERM": "dumb",
        "NO_COLOR": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    return env


def with_endpoint(env, endpoint):
    copy = dict(env)
    copy["AWS_ENDPOINT_URL_ECS"] = endpoint
    return copy


def timed_run(command, env, check=None):
    """Runs a command to its end: wall seconds, CPU seconds (user + system, the child and what it waited for), peak RSS MB."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if child.returncode != 0 or (check and check not in text):
        raise SystemExit(f"{shlex.join(command)} failed (exit code {child.returncode}):\n{text[-3000:]}")
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": peak_mb, "output": text}


class Worker:
    """A long-lived peer process that answers a line on stdin with a JSON line on stdout."""

    def __init__(self, name, command, env):
        self.name = name
        self.process = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, cwd=REPO)
        line = self.process.stdout.readline().strip()
        if line != "ready":
            self.fail(f"did not start (said {line!r})")

    def fail(self, what):
        self.process.kill()
        raise SystemExit(f"{self.name} {what}:\n{self.process.stderr.read()[-3000:]}")

    def ask(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            self.fail(f"ended during '{command}'")
        return json.loads(line)

    def close(self):
        if self.process.poll() is None:
            try:
                self.process.stdin.write("quit\n")
                self.process.stdin.close()
            except BrokenPipeError:
                pass
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()


# ----- servers ----------------------------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_localecs(explicit):
    if explicit:
        return explicit
    release = os.path.join(REPO, "src/EcsTools.LocalEcs/bin/Release/net10.0/EcsTools.LocalEcs.dll")
    if not os.path.exists(release):
        raise SystemExit("LocalEcs is not built in Release: run 'dotnet pwsh ./build.ps1 Build -Configuration Release' first, or pass --localecs.")
    return release


class Server:
    def __init__(self, name, command, ready):
        self.name = name
        self.log = tempfile.NamedTemporaryFile(prefix=f"ecstools-bench-{name}-", suffix=".log", delete=False)
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
                                        env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + 60
        while True:
            self.endpoint = ready(self)
            if self.endpoint:
                return
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"{name} did not start; log {self.log.name}:\n{open(self.log.name).read()[-3000:]}")
            time.sleep(0.1)

    def text(self):
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        os.unlink(self.log.name)


def start_localecs(dll, step):
    def ready(server):
        for line in server.text().splitlines():
            if line.startswith("AWS_ENDPOINT_URL_ECS="):
                return line.split("=", 1)[1].strip()
        return None
    return Server(f"localecs-{step}", ["dotnet", dll, "--port", "0", "--scene", "demo", "--step", step], ready)


def request_counts(endpoint):
    with urllib.request.urlopen(endpoint + "/localecs/request-counts", timeout=10) as response:
        return json.loads(response.read())


def count_delta(before, after):
    return {op: after[op] - before.get(op, 0) for op in sorted(after) if after[op] - before.get(op, 0)}


def start_moto():
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"

    def ready(server):
        try:
            urllib.request.urlopen(endpoint + "/moto-api/state-manager/get-transition?model_name=ecs::task", timeout=2).read()
            return endpoint
        except OSError:
            return None
    server = Server("moto", [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], ready)
    env = base_environment()
    seed = subprocess.run([sys.executable, os.path.join(REPO, "tests/EcsTools.Tests/moto/seed.py"), "--endpoint-url", endpoint],
                          env=env, capture_output=True, text=True, check=False)
    if seed.returncode != 0:
        server.stop()
        raise SystemExit(f"seed.py failed:\n{seed.stderr}")
    server.scene = json.loads(seed.stdout)
    return server


# ----- the machine ------------------------------------------------------------------------------------------------------

def machine_description(pwsh, env):
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            names = [line.split(":", 1)[1].strip() for line in f if line.startswith("model name")]
            if names:
                cpu = names[0]
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(f.readline().split()[1])
            memory = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    versions = subprocess.run(pwsh + ["-NoProfile", "-NonInteractive", "-Command",
                                      "'pwsh ' + $PSVersionTable.PSVersion + ', .NET ' + [Environment]::Version"],
                              env=env, capture_output=True, text=True, check=False).stdout.strip()
    import boto3
    import botocore
    try:
        import awscli
        cli = f"AWS CLI {awscli.__version__}"
    except ImportError:
        cli = "no AWS CLI"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores{memory}; {versions}; "
            f"Python {platform.python_version()}, boto3 {boto3.__version__}, botocore {botocore.__version__}, {cli}; "
            f"load average {load:.2f} at the start")


# ----- workloads --------------------------------------------------------------------------------------------------------

def one_shot(args, variants, modules, env, aws_cli):
    """
    Whole processes, interleaved in one rotation, so that every pwsh is paired with the same peer samples: for each pwsh
    variant (suffix, command line), bare pwsh, the pwsh floor and pwsh + Import-Module + Start-EcsTask (each module); then
    aws ecs run-task and a boto3 script. Keys carry the variant's suffix.
    """
    start = ("Start-EcsTask -TaskDefinition fargate-web -Cluster demo -LaunchType FARGATE "
             f"-Subnet {DEMO_SUBNET} | Format-Table TaskId, LastStatus")
    commands = {}
    for suffix, pwsh in variants:
        commands["bare pwsh" + suffix] = (pwsh + ["-NoProfile", "-NonInteractive", "-Command", "exit 0"], None)
        # What any module with a manifest and format views costs in a fresh pwsh, whatever its code does: a manifest-only
        # module with EcsTools' format file, and one object of the task view through Format-Table (PowerShell's floor).
        commands["pwsh floor" + suffix] = (pwsh + ["-NoProfile", "-NonInteractive", "-Command",
                                                   f"Import-Module '{floor_module(modules[-1][1])}'; "
                                                   "[pscustomobject]@{ PSTypeName = 'EcsTools.EcsTask'; TaskId = 'x'; LastStatus = 'PROVISIONING' } "
                                                   "| Format-Table TaskId, LastStatus"], "PROVISIONING")
        for label, path in modules:
            commands[f"EcsTools {label}{suffix}"] = (pwsh + ["-NoProfile", "-NonInteractive", "-Command", f"Import-Module '{path}'; {start}"],
                                                     "PROVISIONING")
    commands["aws ecs run-task"] = (aws_cli + ["ecs", "run-task", "--cluster", "demo", "--task-definition", "fargate-web",
                                                "--launch-type", "FARGATE", "--network-configuration",
                                                f"awsvpcConfiguration={{subnets=[{DEMO_SUBNET}]}}"], "taskArn")
    commands["boto3 script"] = ([sys.executable, os.path.join(HERE, "boto3_peer.py"), "oneshot"], "arn:aws:ecs")
    results = {name: [] for name in commands}
    names = list(commands)
    for name in names:  # warm-up: the disk cache, nothing counted
        timed_run(commands[name][0], env, commands[name][1])
    for r in range(args.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            results[name].append(timed_run(commands[name][0], env, commands[name][1]))
        print(f"  one-shot round {r + 1}/{args.rounds}: " + ", ".join(f"{n} {results[n][-1]['wall']:.2f}s" for n in names), flush=True)
    return results


def floor_module(psd1):
    """A manifest-only module (no code) that loads the format file next to psd1; its path."""
    directory = os.path.join(tempfile.gettempdir(), "ecstools-bench-floor")
    os.makedirs(directory, exist_ok=True)
    formats = os.path.join(os.path.dirname(os.path.abspath(psd1)), "EcsTools.Format.ps1xml")
    manifest = os.path.join(directory, "Floor.psd1")
    with open(manifest, "w", encoding="utf-8") as f:
        f.write("@{ ModuleVersion = '1.0.0'; GUID = '6a1f0c4e-2b7d-4e59-9a51-0f2a3c4d5e6f'; "
                f"FormatsToProcess = @('{formats}'); FunctionsToExport = @(); CmdletsToExport = @() }}\n")
    return manifest


def probe(args, pwsh, modules, env):
    results = {label: [] for label, _ in modules}
    script = os.path.join(HERE, "EcsToolsWorker.ps1")
    for r in range(args.probe_rounds):
        for label, path in modules:
            run = timed_run(pwsh + ["-NoProfile", "-NonInteractive", "-File", script, "-Mode", "probe", "-Module", path], env, "{")
            results[label].append(json.loads(run["output"].strip().splitlines()[-1]))
    return results


def paired(worker_a, worker_b, command, rounds, progress):
    a, b = [], []
    for r in range(rounds):
        pair = [(worker_a, a), (worker_b, b)] if r % 2 == 0 else [(worker_b, b), (worker_a, a)]
        for worker, sink in pair:
            sink.append(worker.ask(command))
        print(f"  {progress} round {r + 1}/{rounds}: {worker_a.name} {a[-1]['wall_ms']:.0f} ms, {worker_b.name} {b[-1]['wall_ms']:.0f} ms", flush=True)
    return a, b


def warm(args, pwsh, module, env, task_args, boto_args):
    script = os.path.join(HERE, "EcsToolsWorker.ps1")
    ecstools = Worker("EcsTools", pwsh + ["-NoProfile", "-NonInteractive", "-File", script, "-Mode", "warm", "-Module", module] + task_args, env)
    boto = Worker("boto3", [sys.executable, os.path.join(HERE, "boto3_peer.py"), "warm"] + boto_args, env)
    try:
        return paired(ecstools, boto, f"run {args.warm_calls}", args.warm_rounds, "warm")
    finally:
        ecstools.close()
        boto.close()


def counted(endpoint, worker, command):
    before = request_counts(endpoint)
    result = worker.ask(command)
    result["requests"] = count_delta(before, request_counts(endpoint))
    return result


def thousand(args, pwsh, module, env, endpoint):
    script = os.path.join(HERE, "EcsToolsWorker.ps1")
    ecstools = Worker("EcsTools", pwsh + ["-NoProfile", "-NonInteractive", "-File", script, "-Mode", "thousand", "-Module", module], env)
    boto = Worker("boto3", [sys.executable, os.path.join(HERE, "boto3_peer.py"), "thousand"], env)
    a, b = [], []
    try:
        # One round not counted: the first of each peer compiles (JIT) or loads (botocore's model) the code it runs.
        ecstools.ask("run")
        boto.ask("run")
        for r in range(args.thousand_rounds):
            pair = [(ecstools, a), (boto, b)] if r % 2 == 0 else [(boto, b), (ecstools, a)]
            for worker, sink in pair:
                sink.append(counted(endpoint, worker, "run"))
            print(f"  1,000 tasks round {r + 1}/{args.thousand_rounds}: EcsTools {a[-1]['wall_ms'] / 1000:.2f}s {a[-1]['requests']}, "
                  f"boto3 {b[-1]['wall_ms'] / 1000:.2f}s {b[-1]['requests']}", flush=True)
    finally:
        ecstools.close()
        boto.close()
    return a, b


def task_sets(args, pwsh, module, env):
    script = os.path.join(HERE, "EcsToolsWorker.ps1")
    ecstools = Worker("EcsTools", pwsh + ["-NoProfile", "-NonInteractive", "-File", script, "-Mode", "taskset", "-Module", module], env)
    boto = Worker("boto3", [sys.executable, os.path.join(HERE, "boto3_peer.py"), "taskset", "--poll", "1"], env)
    tight = Worker("boto3 0.1s", [sys.executable, os.path.join(HERE, "boto3_peer.py"), "taskset", "--poll", "0.1"], env)
    results = {"EcsTools": [], "boto3": [], "tight": []}
    workers = [(ecstools, "EcsTools"), (boto, "boto3"), (tight, "tight")]
    try:
        # One round not counted: the first call of each peer (JIT, botocore's service model) is the one-shot rows' business.
        for worker, _ in workers:
            worker.ask("run")
        for r in range(args.taskset_rounds):
            for worker, key in workers[r % 3:] + workers[:r % 3]:
                results[key].append(worker.ask("run"))
            print("  task set round {}/{}: ".format(r + 1, args.taskset_rounds)
                  + ", ".join(f"{key} {results[key][-1]['wall_ms'] / 1000:.2f}s" for _, key in workers), flush=True)
    finally:
        for worker, _ in workers:
            worker.close()
    return results


# ----- report -----------------------------------------------------------------------------------------------------------

def ratio_row(rows, name, a, b, key, scale, unit, target=None, target_text=""):
    ratios = [x[key] / y[key] for x, y in zip(a, b)]
    met = "" if target is None else ("met" if med(ratios) <= target else "not met")
    rows.append((name, mmm([x[key] * scale for x in a], "{:.%df}" % (2 if unit == "s" else 1)) + f" {unit}",
                 mmm([y[key] * scale for y in b], "{:.%df}" % (2 if unit == "s" else 1)) + f" {unit}",
                 mmm(ratios, "{:.2f}x"), target_text, met))


def one_shot_rows(rows, shot, probes, modules, suffix):
    """The one-shot and import-probe rows of one pwsh (suffix says which)."""
    if "bare pwsh" + suffix not in shot:
        shot = {}
    if not shot and not probes:
        return
    bare = shot.get("bare pwsh" + suffix)
    if shot and "pwsh floor" + suffix in shot:
        floor = shot["pwsh floor" + suffix]
        ratio_row(rows, "one-shot wall, the pwsh floor alone (no EcsTools code) / aws ecs run-task" + suffix, floor, shot["aws ecs run-task"], "wall", 1, "s")
        rows.append(("the pwsh floor over bare pwsh (wall / CPU)" + suffix,
                     mmm([x["wall"] - y["wall"] for x, y in zip(floor, bare)], "{:.2f}") + " s / "
                     + mmm([x["cpu"] - y["cpu"] for x, y in zip(floor, bare)], "{:.2f}") + " s", "", "", "", ""))
    for label, _ in modules if shot else []:
        ours = shot[f"EcsTools {label}{suffix}"]
        ratio_row(rows, f"one-shot wall, {label} / aws ecs run-task{suffix}", ours, shot["aws ecs run-task"], "wall", 1, "s", 1.2, "<= 1.2x")
        ratio_row(rows, f"one-shot wall, {label} / boto3 script{suffix}", ours, shot["boto3 script"], "wall", 1, "s")
        ratio_row(rows, f"one-shot CPU, {label} / aws ecs run-task{suffix}", ours, shot["aws ecs run-task"], "cpu", 1, "s")
        over = [x["wall"] - y["wall"] for x, y in zip(ours, bare)]
        over_cpu = [x["cpu"] - y["cpu"] for x, y in zip(ours, bare)]
        rows.append((f"import + first call over bare pwsh, {label} (wall){suffix}", mmm(over, "{:.2f}") + " s",
                     "bare pwsh " + mmm([y["wall"] for y in bare], "{:.2f}") + " s", "", "<= 0.25 s",
                     "met" if med(over) <= 0.25 else "not met"))
        rows.append((f"import + first call over bare pwsh, {label} (CPU){suffix}", mmm(over_cpu, "{:.2f}") + " s",
                     "bare pwsh " + mmm([y["cpu"] for y in bare], "{:.2f}") + " s", "", "", ""))
        if "pwsh floor" + suffix in shot:
            floor = shot["pwsh floor" + suffix]
            rows.append((f"import + first call over the pwsh floor (a manifest-only module with the format file, one Format-Table), {label} (wall){suffix}",
                         mmm([x["wall"] - y["wall"] for x, y in zip(ours, floor)], "{:.2f}") + " s",
                         "floor " + mmm([y["wall"] for y in floor], "{:.2f}") + " s", "", "", ""))
        rows.append((f"peak RSS of the one-shot, {label}{suffix}", mmm([x["peak_mb"] for x in ours]) + " MB",
                     "aws " + mmm([x["peak_mb"] for x in shot["aws ecs run-task"]]) + " MB, boto3 "
                     + mmm([x["peak_mb"] for x in shot["boto3 script"]]) + " MB", "", "", ""))
    for label, _ in modules if probes else []:
        p = probes[label]
        rows.append((f"Import-Module, {label} (in-process){suffix}", mmm([x["import"]["wall_ms"] for x in p]) + " ms",
                     f"JIT {mmm([x['import']['jitted'] for x in p])} methods", "", "", ""))
        rows.append((f"first Start-EcsTask, {label} (in-process){suffix}", mmm([x["first"]["wall_ms"] for x in p]) + " ms",
                     f"JIT {mmm([x['first']['jitted'] for x in p])} methods, {mmm([x['first']['alloc_bytes'] / 1024 for x in p])} KB", "", "", ""))
        rows.append((f"second Start-EcsTask, {label} (in-process){suffix}", mmm([x["second"]["wall_ms"] for x in p]) + " ms",
                     f"JIT {mmm([x['second']['jitted'] for x in p])} methods", "", "", ""))
        rows.append((f"working set, {label}: before import / after import / after 2 calls{suffix}",
                     " / ".join(mmm([x[k]["working_set"] / 1048576 for x in p]) for k in ("start", "import", "second")) + " MB", "", "", "", ""))


def report(args, machine, shot, probes, probes_release, warm_local, warm_moto, thousands, sets, modules):
    rows = []  # (workload, EcsTools, peer, ratio, target, met)
    main = f"EcsTools {modules[-1][0]}"
    for suffix, probed in [("", probes), (RELEASED, probes_release)]:
        one_shot_rows(rows, shot, probed, modules, suffix)

    def warm_rows(where, pair):
        a, b = pair
        per = lambda r, k: r[k] / r["calls"]  # noqa: E731
        ratios = [per(x, "cpu_ms") / per(y, "cpu_ms") for x, y in zip(a, b)]
        rows.append((f"warm Start-EcsTask CPU a call ({where}) / boto3 run_task", mmm([per(x, "cpu_ms") for x in a], "{:.2f}") + " ms",
                     mmm([per(y, "cpu_ms") for y in b], "{:.2f}") + " ms", mmm(ratios, "{:.2f}x"), "<= 1.0x",
                     "met" if med(ratios) <= 1.0 else "not met"))
        wall = [per(x, "wall_ms") / per(y, "wall_ms") for x, y in zip(a, b)]
        rows.append((f"warm Start-EcsTask wall a call ({where}) / boto3 run_task", mmm([per(x, "wall_ms") for x in a], "{:.2f}") + " ms",
                     mmm([per(y, "wall_ms") for y in b], "{:.2f}") + " ms", mmm(wall, "{:.2f}x"), "", ""))
        kb = [x["alloc_bytes"] / x["calls"] / 1024 for x in a]
        net = [(x["alloc_bytes"] - x["floor_alloc_bytes"]) / x["calls"] / 1024 for x in a]
        rows.append((f"warm Start-EcsTask allocation a call ({where}), whole process", mmm(kb, "{:.1f}") + " KB",
                     "pipeline thread " + mmm([x["thread_bytes"] / x["calls"] / 1024 for x in a], "{:.1f}") + " KB", "", "", ""))
        rows.append((f"warm Start-EcsTask allocation a call ({where}), less PowerShell's floor (Write-Output in the same loop)",
                     mmm(net, "{:.1f}") + " KB", "floor " + mmm([x["floor_alloc_bytes"] / x["calls"] / 1024 for x in a], "{:.1f}") + " KB",
                     "", "<= 50 KB", "met" if med(net) <= 50 else "not met"))
        rows.append((f"warm: PowerShell's floor CPU a call ({where}), Write-Output in the same loop",
                     mmm([x["floor_cpu_ms"] / x["calls"] for x in a], "{:.2f}") + " ms", "", "", "", ""))

    if warm_local:
        warm_rows("LocalEcs", warm_local)
    if warm_moto:
        warm_rows("moto; each task stopped at once, so 2 requests", warm_moto)
    if thousands:
        a, b = thousands
        ratio_row(rows, "1,000 tasks started, waited for, stopped (wall)", a, b, "wall_ms", 0.001, "s", 0.7, "<= 0.7x")
        ratio_row(rows, "1,000 tasks: start + wait until RUNNING (wall)", a, b, "start_wait_ms", 0.001, "s")
        ratio_row(rows, "1,000 tasks: CPU", a, b, "cpu_ms", 0.001, "s")
        fmt = lambda rs: "; ".join(sorted({", ".join(f"{k} {v}" for k, v in r["requests"].items()) for r in rs}))  # noqa: E731
        rows.append(("1,000 tasks: requests a round", fmt(a), fmt(b), "", "", ""))
    if sets:
        ratio_row(rows, "task set created to STEADY_STATE (wall) / boto3 loop polling every 1 s",
                  sets["EcsTools"], sets["boto3"], "wall_ms", 0.001, "s", 1.0, "<= 1.0x")
        late = [x["wall_ms"] / 1000 - y["wall_ms"] / 1000 for x, y in zip(sets["EcsTools"], sets["tight"])]
        rows.append(("task set: seen after a 0.1 s poller saw STEADY_STATE", mmm(late, "{:.2f}") + " s",
                     "0.1 s poller " + mmm([y["wall_ms"] / 1000 for y in sets["tight"]], "{:.2f}") + " s", "", "<= 1.2 s",
                     "met" if med(late) <= 1.2 else "not met"))

    header = ("| workload | EcsTools | peer | ratio | target | |", "|---|---|---|---|---|---|")
    table = "\n".join(header + tuple("| " + " | ".join(r) + " |" for r in rows))
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    released = "" if not args.pwsh_release else (
        "\n\nRows marked [pwsh as released] run a copy of the same pwsh whose own assemblies (System.Management.Automation, "
        "Microsoft.PowerShell.*, pwsh) are precompiled (ReadyToRun), as PowerShell's release packages ship them; the NuGet "
        "global tool that `dotnet pwsh` runs ships them as IL only, so there every PowerShell code path is JIT-compiled at "
        "run time. The other rows use the global tool as it is.")
    text = f"""# EcsTools side by side with boto3 and the AWS CLI

Measured {today} by `dotnet pwsh ./build.ps1 Bench` (tests/bench/sidebyside.py) on: {machine}.
{args.note}

Each figure is min / median / max over the rounds (one-shot {args.rounds}, import probe {args.probe_rounds}, warm
{args.warm_rounds} x {args.warm_calls} calls, 1,000 tasks {args.thousand_rounds} and task sets {args.taskset_rounds}, each after one not counted); a ratio is
EcsTools / peer taken within one round, and its median decides the target. Peers run interleaved against the same
LocalEcs (or moto) on 127.0.0.1. Modules: {", ".join(f"{label} = {os.path.relpath(path, REPO)}" for label, path in modules)}; the warm,
1,000-task and task-set rows use {main}.{released}

{table}
"""
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    print()
    print(text)


def main():
    args = parse_args()
    pwsh = shlex.split(args.pwsh)
    modules = []
    for item in args.module:
        label, _, path = item.partition("=")
        modules.append((label, os.path.abspath(os.path.join(REPO, path))))
    env0 = base_environment()
    if importlib_find("awscli") is None:
        raise SystemExit(f"The AWS CLI v1 (the awscli package) is not installed for {sys.executable}.")
    aws_cli = [sys.executable, "-m", "awscli"]
    machine = machine_description(pwsh, env0)
    print(f"Machine: {machine}", flush=True)
    only = set(args.only.split(","))
    if "moto" not in only:
        args.no_moto = True
    if "thousand" not in only:
        args.thousand_rounds = 0
    if "taskset" not in only:
        args.taskset_rounds = 0
    localecs_dll = find_localecs(args.localecs)
    fast = start_localecs(localecs_dll, "100ms")
    slow = start_localecs(localecs_dll, "1s") if args.taskset_rounds else None
    moto = None if args.no_moto else start_moto()
    try:
        env = with_endpoint(env0, fast.endpoint)
        shot, probes, warm_local = {}, {}, None
        variants = [("", pwsh)] + ([(RELEASED, shlex.split(args.pwsh_release))] if args.pwsh_release else [])
        if "oneshot" in only:
            print("One-shot processes:", flush=True)
            shot = one_shot(args, variants, modules, env, aws_cli)
        probes_release = {}
        if "probe" in only:
            print("Import probe:", flush=True)
            probes = probe(args, pwsh, modules, env)
            if args.pwsh_release:
                print("Import probe, pwsh as released:", flush=True)
                probes_release = probe(args, variants[1][1], modules, env)
        main_module = modules[-1][1]
        if "warm" in only:
            print("Warm calls (LocalEcs):", flush=True)
            warm_local = warm(args, pwsh, main_module, env, [], [])
        warm_moto = None
        if moto:
            print("Warm calls (moto):", flush=True)
            scene = moto.scene
            # moto 5.2.1 answers a Fargate RunTask with HTTP 500 (no instances in the cluster): EC2 tasks, each stopped at once to keep room.
            task_args = ["-Cluster", "ec2", "-TaskDefinition", "web", "-LaunchType", "EC2", "-Subnet", "", "-StopEach"]
            boto_args = ["--cluster", "ec2", "--task-definition", "web", "--launch-type", "EC2", "--subnet", "", "--stop-each"]
            warm_moto = warm(args, pwsh, main_module, with_endpoint(env0, moto.endpoint), task_args, boto_args)
        thousands = None
        if args.thousand_rounds:
            # A LocalEcs of its own: the warm rounds leave tens of thousands of tasks in the first one, which slows it.
            print("1,000 tasks:", flush=True)
            fresh = start_localecs(localecs_dll, "100ms")
            try:
                thousands = thousand(args, pwsh, main_module, with_endpoint(env0, fresh.endpoint), fresh.endpoint)
            finally:
                fresh.stop()
        sets = None
        if slow:
            print("Task sets:", flush=True)
            sets = task_sets(args, pwsh, main_module, with_endpoint(env0, slow.endpoint))
        report(args, machine, shot, probes, probes_release, warm_local, warm_moto, thousands, sets, modules)
    finally:
        for server in (fast, slow, moto):
            if server:
                server.stop()


def importlib_find(name):
    import importlib.util
    return importlib.util.find_spec(name)


if __name__ == "__main__":
    main()

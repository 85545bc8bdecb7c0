#!/usr/bin/env python3
"""The boto3 side of the side-by-side benchmark (tests/bench/sidebyside.py starts it; see tests/bench/README.md).

The endpoint, region and credentials come from the environment (AWS_ENDPOINT_URL_ECS, AWS_REGION, AWS_ACCESS_KEY_ID...),
as they do for EcsTools and the AWS CLI. Modes mirror tests/bench/EcsToolsWorker.ps1:

  oneshot   one RunTask, the ARN printed: what a boto3 script does when it is started once.
  warm      warms up, prints 'ready', then answers each stdin line 'run N' with the cost of N more run_task calls
            (--stop-each: each followed by stop_task).
  thousand  per stdin line 'run': 1,000 tasks with run_task (count 10), describe_tasks (100 a request) for the tasks not
            yet RUNNING every --poll seconds (the first poll at once), then stop_task for each.
  taskset   per stdin line 'run': create_task_set (scale 100%), describe_task_sets every --poll seconds (the first poll
            at once) until STEADY_STATE, then delete_task_set (not timed).
"""

import argparse
import json
import sys
import time


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["oneshot", "warm", "thousand", "taskset"])
    parser.add_argument("--cluster", default="demo")
    parser.add_argument("--task-definition", default="fargate-web")
    parser.add_argument("--subnet", default="subnet-0a1b2c3d4e5f60718")
    parser.add_argument("--service", default="checkout")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--poll", type=float, default=1.0)
    parser.add_argument("--warmup-calls", type=int, default=100)
    parser.add_argument("--launch-type", default="FARGATE")
    parser.add_argument("--stop-each", action="store_true", help="warm: stop each task at once (two requests a call)")
    return parser.parse_args()


def main():
    args = parse_args()
    import boto3

    ecs = boto3.client("ecs")
    network = {"awsvpcConfiguration": {"subnets": [args.subnet]}}
    launch = {"launchType": args.launch_type}
    if args.subnet:
        launch["networkConfiguration"] = network

    def run_one():
        response = ecs.run_task(cluster=args.cluster, taskDefinition=args.task_definition, **launch)
        if args.stop_each:
            ecs.stop_task(cluster=args.cluster, task=response["tasks"][0]["taskArn"])
        return response

    if args.mode == "oneshot":
        print(run_one()["tasks"][0]["taskArn"])
        return

    def sample():
        return time.perf_counter(), time.process_time()

    def delta(before, after, **extra):
        result = {"wall_ms": (after[0] - before[0]) * 1000, "cpu_ms": (after[1] - before[1]) * 1000}
        result.update(extra)
        return result

    def commands():
        print("ready", flush=True)
        for line in sys.stdin:
            line = line.strip()
            if line == "quit" or not line:
                return
            yield line

    if args.mode == "warm":
        for _ in range(args.warmup_calls):
            run_one()
        for line in commands():
            n = int(line.split()[1])
            before = sample()
            for _ in range(n):
                run_one()
            print(json.dumps(delta(before, sample(), calls=n)), flush=True)
    elif args.mode == "thousand":
        for _ in commands():
            before = sample()
            arns = []
            while len(arns) < args.count:
                response = ecs.run_task(cluster=args.cluster, taskDefinition=args.task_definition, launchType="FARGATE",
                                        networkConfiguration=network, count=min(10, args.count - len(arns)))
                if response.get("failures"):
                    raise SystemExit(f"RunTask failures: {response['failures']}")
                arns.extend(t["taskArn"] for t in response["tasks"])
            pending = list(arns)
            while True:
                still = []
                for i in range(0, len(pending), 100):
                    tasks = ecs.describe_tasks(cluster=args.cluster, tasks=pending[i:i + 100])["tasks"]
                    still.extend(t["taskArn"] for t in tasks if t["lastStatus"] != "RUNNING")
                pending = still
                if not pending:
                    break
                time.sleep(args.poll)
            running = sample()
            for arn in arns:
                ecs.stop_task(cluster=args.cluster, task=arn)
            print(json.dumps(delta(before, sample(), start_wait_ms=(running[0] - before[0]) * 1000)), flush=True)
    elif args.mode == "taskset":
        for _ in commands():
            before = sample()
            task_set = ecs.create_task_set(cluster=args.cluster, service=args.service, taskDefinition=args.task_definition,
                                           launchType="FARGATE", networkConfiguration=network,
                                           scale={"value": 100, "unit": "PERCENT"})["taskSet"]
            while True:
                task_set = ecs.describe_task_sets(cluster=args.cluster, service=args.service,
                                                  taskSets=[task_set["taskSetArn"]])["taskSets"][0]
                if task_set["stabilityStatus"] == "STEADY_STATE":
                    break
                time.sleep(args.poll)
            after = sample()
            ecs.delete_task_set(cluster=args.cluster, service=args.service, taskSet=task_set["taskSetArn"], force=True)
            print(json.dumps(delta(before, after, task_set=task_set["taskSetArn"])), flush=True)


if __name__ == "__main__":
    main()

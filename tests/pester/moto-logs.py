"""Writes CloudWatch Logs events into moto the way the awslogs driver would, for the Get-EcsTaskLog tests.

  moto-logs.py ENDPOINT register FAMILY GROUP PREFIX CONTAINER...   registers FAMILY with awslogs containers; prints its ARN
  moto-logs.py ENDPOINT put GROUP STREAM COUNT [PADDING]            COUNT numbered lines 'line 0000001 ...' in one stream
  moto-logs.py ENDPOINT script GROUP STREAM CLUSTER TASK LINE...     writes each line 0.4 s apart, the last one just before it
                                                                     stops the task (StopTask), as a container's last second
"""
import sys
import time

import boto3

endpoint, command, *args = sys.argv[1:]
session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
logs = session.client("logs", endpoint_url=endpoint)
ecs = session.client("ecs", endpoint_url=endpoint)


def ensure(group, stream):
    try:
        logs.create_log_group(logGroupName=group)
    except logs.exceptions.ResourceAlreadyExistsException:
        pass
    try:
        logs.create_log_stream(logGroupName=group, logStreamName=stream)
    except logs.exceptions.ResourceAlreadyExistsException:
        pass


def now_ms():
    return int(time.time() * 1000)


if command == "register":
    family, group, prefix, *containers = args
    definitions = [{
        "name": name, "image": "busybox", "memory": 64, "essential": True,
        "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": group, "awslogs-region": "us-east-1", "awslogs-stream-prefix": prefix}},
    } for name in containers]
    print(ecs.register_task_definition(family=family, containerDefinitions=definitions)["taskDefinition"]["taskDefinitionArn"])
elif command == "put":
    group, stream, count, *rest = args
    padding = int(rest[0]) if rest else 0
    ensure(group, stream)
    count = int(count)
    start = now_ms() - count
    for first in range(0, count, 5000):
        batch = [{"timestamp": start + i, "message": f"line {i + 1:07d} of {count} ".ljust(padding, ".")} for i in range(first, min(count, first + 5000))]
        logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=batch)
elif command == "script":
    group, stream, cluster, task, *lines = args
    ensure(group, stream)
    for line in lines:
        time.sleep(0.4)
        logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=[{"timestamp": now_ms(), "message": line}])
    ecs.stop_task(cluster=cluster, task=task, reason="script done")
else:
    raise SystemExit(f"unknown command {command}")

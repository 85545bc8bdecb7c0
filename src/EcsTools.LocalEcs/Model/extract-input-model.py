#!/usr/bin/env python3
"""Regenerates input-model.json: the request shapes LocalEcs validates, trimmed from botocore's ECS model.

Usage: python3 extract-input-model.py > input-model.json
Keeps, for every operation LocalEcs serves, the input shapes it reaches: type, required members, min/max,
enum values and patterns; the documented error codes per operation. Documentation is dropped.
"""
import gzip
import json
import os
import sys

import botocore

OPERATIONS = [
    "CreateCluster", "DescribeClusters", "ListClusters", "RegisterContainerInstance", "ListContainerInstances",
    "DescribeContainerInstances", "RegisterTaskDefinition", "DescribeTaskDefinition", "ListTaskDefinitions",
    "ListTaskDefinitionFamilies", "CreateService", "DescribeServices", "ListServices", "DescribeCapacityProviders",
    "RunTask", "StartTask", "DescribeTasks", "ListTasks", "StopTask", "CreateTaskSet", "DescribeTaskSets",
    "UpdateTaskSet", "UpdateServicePrimaryTaskSet", "DeleteTaskSet", "DeregisterTaskDefinition", "UpdateService", "DeleteService",
]
KEEP = ("type", "required", "min", "max", "enum", "pattern")

path = os.path.join(os.path.dirname(botocore.__file__), "data", "ecs", "2014-11-13", "service-2.json.gz")
with gzip.open(path) as f:
    model = json.load(f)
shapes = model["shapes"]
out_shapes = {}


def visit(name):
    if name in out_shapes:
        return
    shape = shapes[name]
    trimmed = {k: shape[k] for k in KEEP if k in shape}
    out_shapes[name] = trimmed
    if shape["type"] == "structure":
        trimmed["members"] = {m: v["shape"] for m, v in shape["members"].items()}
        for v in shape["members"].values():
            visit(v["shape"])
    elif shape["type"] == "list":
        trimmed["member"] = shape["member"]["shape"]
        visit(shape["member"]["shape"])
    elif shape["type"] == "map":
        trimmed["key"] = shape["key"]["shape"]
        trimmed["value"] = shape["value"]["shape"]
        visit(shape["key"]["shape"])
        visit(shape["value"]["shape"])


operations = {}
for op in OPERATIONS:
    definition = model["operations"][op]
    visit(definition["input"]["shape"])
    operations[op] = {
        "input": definition["input"]["shape"],
        "errors": [e["shape"] for e in definition.get("errors", [])],
    }

json.dump({"source": "botocore " + botocore.__version__, "operations": operations, "shapes": out_shapes},
          sys.stdout, indent=None, separators=(",", ":"), sort_keys=True)
sys.stdout.write("\n")

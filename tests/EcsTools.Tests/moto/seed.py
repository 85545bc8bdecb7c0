#!/usr/bin/env python3
"""Seed a freshly started (or freshly reset) moto server with the EcsTools test scene.

Usage: python3 seed.py --endpoint-url http://127.0.0.1:PORT [--region us-east-1]
Credentials come from --access-key/--secret-key, else AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, else test/test.

Prints one JSON document on stdout describing what it created (read by MotoFixture.SeedAsync into MotoScene).
The scene is created from scratch: run it against an empty moto (after POST /moto-api/reset). If the scene is already
there it refuses (exit code 3) rather than create duplicates, because revision numbers and counts would drift.

Scene (README.md next to this file says why each piece is there):
  - cluster "ec2" with 3 container instances (backed by moto EC2 instances of ami-760aaa0f);
  - cluster "fargate" with FARGATE and FARGATE_SPOT, default strategy FARGATE weight 1;
  - task definitions web:1, web:2 (bridge, container "web"), multi:1 (containers "app" and "sidecar"),
    fargate-web:1 (awsvpc, FARGATE, cpu 256 / memory 512);
  - the default VPC's first subnet and a security group in that VPC (needed by awsvpc tasks);
  - services in "ec2": "checkout" (deploymentController EXTERNAL, desiredCount 4) and "legacy" (ECS controller).
"""

import argparse
import json
import os
import sys

import boto3
from botocore.config import Config

AMI_ID = "ami-760aaa0f"  # Amazon Linux AMI that moto knows; gives ecs.os-type linux
EC2_CLUSTER = "ec2"
FARGATE_CLUSTER = "fargate"
CONTAINER_INSTANCE_COUNT = 3
SECURITY_GROUP_NAME = "ecs-tools-tests"


def parse_args():
    parser = argparse.ArgumentParser(description="Seed moto with the EcsTools test scene.")
    parser.add_argument("--endpoint-url", required=True, help="moto server URL, e.g. http://127.0.0.1:5000")
    parser.add_argument("--region", default=os.environ.get("AWS_DEFAULT_REGION") or "us-east-1")
    parser.add_argument("--access-key", default=os.environ.get("AWS_ACCESS_KEY_ID") or "test")
    parser.add_argument("--secret-key", default=os.environ.get("AWS_SECRET_ACCESS_KEY") or "test")
    return parser.parse_args()


def bridge_container(name, image):
    return {"name": name, "image": image, "memory": 128, "cpu": 128, "essential": True}


def main():
    args = parse_args()
    session = boto3.session.Session(
        aws_access_key_id=args.access_key,
        aws_secret_access_key=args.secret_key,
        region_name=args.region,
    )
    # moto answers its own bugs with HTTP 500: fail at once instead of retrying five times.
    config = Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=10, read_timeout=60)
    ecs = session.client("ecs", endpoint_url=args.endpoint_url, config=config)
    ec2 = session.client("ec2", endpoint_url=args.endpoint_url, config=config)

    existing = ecs.describe_clusters(clusters=[EC2_CLUSTER, FARGATE_CLUSTER])["clusters"]
    if any(c.get("status") == "ACTIVE" for c in existing):
        print(
            "seed.py: the scene already exists on %s; POST /moto-api/reset first" % args.endpoint_url,
            file=sys.stderr,
        )
        return 3

    # Clusters.
    ec2_cluster = ecs.create_cluster(clusterName=EC2_CLUSTER)["cluster"]
    fargate_cluster = ecs.create_cluster(
        clusterName=FARGATE_CLUSTER,
        capacityProviders=["FARGATE", "FARGATE_SPOT"],
        defaultCapacityProviderStrategy=[{"capacityProvider": "FARGATE", "weight": 1}],
    )["cluster"]

    # Container instances: moto needs an EC2 instance of its own behind each one.
    reservation = ec2.run_instances(
        ImageId=AMI_ID, MinCount=CONTAINER_INSTANCE_COUNT, MaxCount=CONTAINER_INSTANCE_COUNT
    )
    instance_ids = [i["InstanceId"] for i in reservation["Instances"]]
    container_instance_arns = []
    for instance_id in instance_ids:
        ci = ecs.register_container_instance(
            cluster=EC2_CLUSTER,
            instanceIdentityDocument=json.dumps({"instanceId": instance_id}),
        )["containerInstance"]
        container_instance_arns.append(ci["containerInstanceArn"])

    # Task definitions.
    def register(**kwargs):
        return ecs.register_task_definition(**kwargs)["taskDefinition"]["taskDefinitionArn"]

    web1 = register(family="web", networkMode="bridge", containerDefinitions=[bridge_container("web", "nginx")])
    web2 = register(family="web", networkMode="bridge", containerDefinitions=[bridge_container("web", "nginx")])
    multi1 = register(
        family="multi",
        networkMode="bridge",
        containerDefinitions=[bridge_container("app", "nginx"), bridge_container("sidecar", "busybox")],
    )
    fargate_web1 = register(
        family="fargate-web",
        networkMode="awsvpc",
        requiresCompatibilities=["FARGATE"],
        cpu="256",
        memory="512",
        # moto's RunTask sums container-level memory and answers 500 (TypeError) when a container has neither
        # memory nor memoryReservation, even if the task-level memory is set.
        containerDefinitions=[{"name": "web", "image": "nginx", "cpu": 256, "memory": 512, "essential": True}],
    )

    # Networking for awsvpc: the default VPC's first subnet (ordered by AZ, then id) and a security group in it.
    vpcs = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"]
    if not vpcs:
        print("seed.py: moto has no default VPC in %s" % args.region, file=sys.stderr)
        return 2
    vpc_id = vpcs[0]["VpcId"]
    subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]
    if not subnets:
        print("seed.py: the default VPC %s has no subnet" % vpc_id, file=sys.stderr)
        return 2
    subnets.sort(key=lambda s: (s.get("AvailabilityZone", ""), s["SubnetId"]))
    subnet_id = subnets[0]["SubnetId"]
    security_group_id = ec2.create_security_group(
        GroupName=SECURITY_GROUP_NAME, Description="EcsTools tests", VpcId=vpc_id
    )["GroupId"]

    # Services.
    checkout = ecs.create_service(
        cluster=EC2_CLUSTER,
        serviceName="checkout",
        desiredCount=4,
        deploymentController={"type": "EXTERNAL"},
    )["service"]
    legacy = ecs.create_service(
        cluster=EC2_CLUSTER,
        serviceName="legacy",
        taskDefinition=web1,
        desiredCount=1,
        launchType="EC2",
        deploymentController={"type": "ECS"},
    )["service"]

    scene = {
        "endpoint": args.endpoint_url,
        "region": args.region,
        "accountId": ec2_cluster["clusterArn"].split(":")[4],
        "ec2ClusterName": ec2_cluster["clusterName"],
        "ec2ClusterArn": ec2_cluster["clusterArn"],
        "fargateClusterName": fargate_cluster["clusterName"],
        "fargateClusterArn": fargate_cluster["clusterArn"],
        "ec2InstanceIds": instance_ids,
        "containerInstanceArns": container_instance_arns,
        "web1TaskDefinitionArn": web1,
        "web2TaskDefinitionArn": web2,
        "multi1TaskDefinitionArn": multi1,
        "fargateWeb1TaskDefinitionArn": fargate_web1,
        "vpcId": vpc_id,
        "subnetId": subnet_id,
        "securityGroupId": security_group_id,
        "checkoutServiceArn": checkout["serviceArn"],
        "legacyServiceArn": legacy["serviceArn"],
    }
    json.dump(scene, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

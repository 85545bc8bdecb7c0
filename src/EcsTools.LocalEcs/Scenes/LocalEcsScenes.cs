using System;

namespace EcsTools.LocalEcs;

/// <summary>Ready-made scenes for <see cref="LocalEcsOptions.Scene"/> (the standalone server's <c>--scene</c>).</summary>
public static class LocalEcsScenes
{
    public const string DemoCluster = "demo";
    public const string DemoService = "checkout";
    public const string DemoSubnet = "subnet-0a1b2c3d4e5f60718";
    public const string DemoSecurityGroup = "sg-0123456789abcdef0";

    /// <summary>The image pull failure <c>bad-image</c> tasks stop with.</summary>
    public const string BadImageReason =
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nope:latest: not found";

    /// <summary>Nothing: regions start empty.</summary>
    public static void Empty(LocalEcsScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
    }

    /// <summary>
    /// Cluster <c>demo</c>: 3 container instances (4096 CPU / 8192 MiB each), FARGATE and FARGATE_SPOT with a default
    /// strategy (FARGATE base 1 weight 1, FARGATE_SPOT weight 3). Task definitions: <c>web</c> (2 containers, runs until
    /// stopped, bridge with dynamic host ports), <c>batch</c> (runs 3 s, exits 0), <c>batch-fail</c> (exits 2 after 2 s; both print
    /// a few lines to the awslogs group /ecs/demo, stream prefix = family),
    /// <c>bad-image</c> (fails to start), <c>fargate-web</c> (awsvpc, FARGATE) and <c>big</c> (needs 16 GiB: never placed,
    /// RESOURCE:MEMORY). Service <c>checkout</c>: EXTERNAL controller, desiredCount 4, with a subnet and security group.
    /// </summary>
    public static void Demo(LocalEcsScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        scene.CreateCluster(
            DemoCluster,
            ["FARGATE", "FARGATE_SPOT"],
            [new LocalEcsCapacityProviderStrategyItem("FARGATE", 1, 1), new LocalEcsCapacityProviderStrategyItem("FARGATE_SPOT", 3)]);
        for (int i = 0; i < 3; i++)
        {
            scene.RegisterContainerInstance(DemoCluster);
        }

        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "web",
            NetworkMode = "bridge",
            Containers =
            [
                new LocalEcsContainer { Name = "web", Image = "public.ecr.aws/nginx/nginx:1.27", Cpu = 256, Memory = 512, PortMappings = [new(80, 0)] },
                new LocalEcsContainer { Name = "log-router", Image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", Cpu = 64, MemoryReservation = 64, Essential = false },
            ],
        });
        scene.RegisterTaskDefinition(Batch("batch", TimeSpan.FromSeconds(3), 0, BatchOutput));
        scene.RegisterTaskDefinition(Batch("batch-fail", TimeSpan.FromSeconds(2), 2, BatchFailOutput));
        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "bad-image",
            Containers = [new LocalEcsContainer { Name = "app", Image = "docker.io/library/nope:latest", Memory = 128, FailToStart = BadImageReason }],
        });
        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "fargate-web",
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = "512",
            RequiresCompatibilities = ["FARGATE"],
            Containers = [new LocalEcsContainer { Name = "web", Image = "public.ecr.aws/nginx/nginx:1.27", PortMappings = [new(80)] }],
        });
        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "big",
            Containers = [new LocalEcsContainer { Name = "app", Image = "public.ecr.aws/docker/library/busybox:latest", Cpu = 512, Memory = 16384 }],
        });
        scene.CreateService(DemoCluster, DemoService, 4, "EXTERNAL", subnets: [DemoSubnet], securityGroups: [DemoSecurityGroup]);
    }

    /// <summary>What the <c>batch</c> job prints (awslogs group /ecs/demo, stream batch/job/task-id), the last line just before it exits.</summary>
    public const string BatchOutput = "Starting nightly batch\n+1s Processed 1200 records\n+2s Processed 2400 records\n+2.9s Batch complete: 2400 records";

    /// <summary>What the <c>batch-fail</c> job prints before it exits with code 2; the last line in its last second.</summary>
    public const string BatchFailOutput = "Starting import\n+1s Reading s3://demo-imports/orders.csv\n+1.9s ERROR: orders.csv line 812: invalid date '2026-13-01'";

    /// <summary>The awslogs group of the demo's batch task definitions.</summary>
    public const string DemoLogGroup = "/ecs/demo";

    private static LocalEcsTaskDefinition Batch(string family, TimeSpan runFor, int exitCode, string output) => new()
    {
        Family = family,
        Containers =
        [
            new LocalEcsContainer
            {
                Name = "job",
                Image = "public.ecr.aws/docker/library/busybox:latest",
                Cpu = 128,
                Memory = 256,
                RunFor = runFor,
                ExitCode = exitCode,
                Output = output,
                LogGroup = DemoLogGroup,
                LogStreamPrefix = family,
            },
        ],
    };
}

using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>Start-EcsTask against LocalEcs: what reaches the wire, batching, failures, faults and retries.</summary>
public sealed class StartEcsTaskTests
{
    private const string Id = ",EcsTools.Commands.StartEcsTaskCommand";

    [Theory]
    [InlineData("Start-EcsTask web -Cluster demo -LaunchType EC2 -CapacityProviderStrategy @{CapacityProvider='FARGATE'}")]
    [InlineData("Start-EcsTask web -Cluster demo -ContainerInstance i1 -LaunchType EC2")]
    [InlineData("Start-EcsTask web -Cluster demo -ContainerInstance i1 -CapacityProviderStrategy @{CapacityProvider='FARGATE'}")]
    [InlineData("Start-EcsTask web -Cluster demo -ContainerInstance i1 -Count 2")]
    [InlineData("Start-EcsTask web -Cluster demo -ContainerInstance i1 -ClientToken abc")]
    [InlineData("Start-EcsTask web -Cluster demo -ContainerInstance i1 -PlatformVersion LATEST")]
    public async Task Forbidden_combinations_fail_in_binding_and_send_nothing(string script)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run(script);
        Assert.Contains(result.ErrorIds, id => id.StartsWith("AmbiguousParameterSet", StringComparison.Ordinal)
            || id.StartsWith("NamedParameterNotFound", StringComparison.Ordinal));
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task Parameter_sets_are_resolved_by_the_binder()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var sets = host.Run("(Get-Command Start-EcsTask).ParameterSets | ForEach-Object { '{0}:{1}:{2}' -f $_.Name, $_.IsDefault, (($_.Parameters.Name) -join ',') }")
            .EnsureSuccess().Output.Select(o => o.BaseObject.ToString()!).ToArray();
        Assert.Contains(sets, s => s.StartsWith("ClusterDefault:True:", StringComparison.Ordinal));
        var onInstances = sets.Single(s => s.StartsWith("ContainerInstance:", StringComparison.Ordinal));
        foreach (var runTaskOnly in new[] { "Count", "PlacementConstraint", "PlacementStrategy", "PlatformVersion", "ClientToken" })
        {
            Assert.DoesNotContain("," + runTaskOnly + ",", "," + onInstances.Split(':')[2] + ",");
        }

        var completions = host.Run("(TabExpansion2 -inputScript 'Start-EcsTask web -LaunchType F' -cursorColumn 31).CompletionMatches.CompletionText")
            .EnsureSuccess().Output.Select(o => o.BaseObject.ToString()).ToArray();
        Assert.Equal(new[] { "FARGATE" }, completions);
    }

    [Fact]
    public async Task LaunchType_set_sends_RunTask_with_launchType_and_a_client_token()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask fargate-web -Cluster demo -LaunchType FARGATE -Subnet $args[0] -SecurityGroup $args[1] -AssignPublicIp "
            + "-PlatformVersion LATEST -Group batch -StartedBy ci/run-1 -ReferenceId ref-1 -PropagateTags TASK_DEFINITION -EnableEcsManagedTags "
            + "-EnableExecuteCommand -Tag @{team='web'}",
            LocalEcsScenes.DemoSubnet, LocalEcsScenes.DemoSecurityGroup).EnsureSuccess();
        dynamic task = Assert.Single(result.Output).BaseObject;
        Assert.Equal("FARGATE", task.LaunchType);
        Assert.False(string.IsNullOrEmpty((string)task.PrivateIpAddress));

        var body = Assert.Single(host.Server.RequestsFor("RunTask")).Json!.AsObject();
        Assert.Equal("fargate-web", (string?)body["taskDefinition"]);
        Assert.Equal("demo", (string?)body["cluster"]);
        Assert.Equal("FARGATE", (string?)body["launchType"]);
        Assert.False(body.ContainsKey("capacityProviderStrategy"));
        Assert.Equal(1, (int?)body["count"]);
        Assert.Equal(36, ((string?)body["clientToken"])!.Length);
        Assert.Equal("LATEST", (string?)body["platformVersion"]);
        Assert.Equal("batch", (string?)body["group"]);
        Assert.Equal("ci/run-1", (string?)body["startedBy"]);
        Assert.Equal("ref-1", (string?)body["referenceId"]);
        Assert.Equal("TASK_DEFINITION", (string?)body["propagateTags"]);
        Assert.True((bool?)body["enableECSManagedTags"]);
        Assert.True((bool?)body["enableExecuteCommand"]);
        Assert.Equal("""[{"key":"team","value":"web"}]""", body["tags"]!.ToJsonString());
        Assert.Equal(
            "{\"awsvpcConfiguration\":{\"subnets\":[\"" + LocalEcsScenes.DemoSubnet + "\"],\"securityGroups\":[\"" + LocalEcsScenes.DemoSecurityGroup
                + "\"],\"assignPublicIp\":\"ENABLED\"}}",
            body["networkConfiguration"]!.ToJsonString());
        Assert.Equal("application/x-amz-json-1.1", host.Server.Requests[0].ContentType);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTESTTESTTEST/", host.Server.Requests[0].Authorization);
        Assert.Contains("/us-east-1/ecs/aws4_request", host.Server.Requests[0].Authorization);
    }

    [Fact]
    public async Task CapacityProvider_set_sends_the_strategy_from_hashtables_and_objects()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Run("Start-EcsTask fargate-web -Cluster demo -Subnet $args[0] -CapacityProviderStrategy "
            + "@{CapacityProvider='FARGATE_SPOT'; Weight=3; Base=1}, ([pscustomobject]@{ CapacityProvider = 'FARGATE'; Weight = '1'; Base = $null })",
            LocalEcsScenes.DemoSubnet).EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("RunTask")).Json!.AsObject();
        Assert.Equal("""[{"capacityProvider":"FARGATE_SPOT","weight":3,"base":1},{"capacityProvider":"FARGATE","weight":1}]""",
            body["capacityProviderStrategy"]!.ToJsonString());
        Assert.False(body.ContainsKey("launchType"));
    }

    [Fact]
    public async Task Default_set_sends_neither_launch_type_nor_strategy()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask fargate-web -Cluster demo -Subnet $args[0]", LocalEcsScenes.DemoSubnet).EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("RunTask")).Json!.AsObject();
        Assert.False(body.ContainsKey("launchType"));
        Assert.False(body.ContainsKey("capacityProviderStrategy"));
        dynamic task = Assert.Single(result.Output).BaseObject;
        Assert.Contains((string)task.CapacityProviderName, new[] { "FARGATE", "FARGATE_SPOT" });
    }

    [Theory]
    [InlineData("Start-EcsTask fargate-web -Cluster demo -LaunchType FARGATE", "add -Subnet and -SecurityGroup")]
    [InlineData("Start-EcsTask web -Cluster demo -LaunchType EC2 -Subnet subnet-1", "leave out -Subnet")]
    public async Task ECS_refusing_the_network_says_which_parameters_to_add_or_leave_out(string script, string action)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var error = host.Run(script).FirstError;
        Assert.NotNull(error);
        Assert.Equal("InvalidParameter" + Id, error.FullyQualifiedErrorId);
        Assert.Contains(action, error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_25_makes_RunTask_calls_of_10_10_and_5_with_distinct_tokens()
    {
        await using var host = await LocalEcsHost.StartAsync(WideCluster(8));
        var result = host.Run("Start-EcsTask small -Cluster wide -LaunchType EC2 -Count 25").EnsureSuccess();
        Assert.Equal(25, result.Output.Count);
        var calls = host.Server.RequestsFor("RunTask").Select(r => r.Json!.AsObject()).ToArray();
        Assert.Equal(new[] { 10, 10, 5 }, calls.Select(c => (int)c["count"]!));
        Assert.Equal(3, calls.Select(c => (string)c["clientToken"]!).Distinct().Count());
    }

    [Fact]
    public async Task A_given_client_token_is_derived_per_call_and_makes_a_rerun_idempotent()
    {
        await using var host = await LocalEcsHost.StartAsync(WideCluster(8));
        var first = host.Run("Start-EcsTask small -Cluster wide -LaunchType EC2 -Count 12 -ClientToken nightly-2026-11-24").EnsureSuccess();
        Assert.Equal(new[] { "nightly-2026-11-24-1", "nightly-2026-11-24-2" },
            host.Server.RequestsFor("RunTask").Select(r => (string)r.Json!["clientToken"]!));
        var again = host.Run("Start-EcsTask small -Cluster wide -LaunchType EC2 -Count 12 -ClientToken nightly-2026-11-24").EnsureSuccess();
        Assert.Equal(
            first.Output.Select(o => o.BaseObject.ToString()).Order(),
            again.Output.Select(o => o.BaseObject.ToString()).Order());
    }

    [Fact]
    public async Task Twenty_three_container_instances_make_StartTask_calls_of_10_10_and_3_in_order()
    {
        await using var host = await LocalEcsHost.StartAsync(WideCluster(23));
        var arns = host.Server.Invoke("ListContainerInstances", """{"cluster":"wide"}""")["containerInstanceArns"]!.AsArray()
            .Select(a => (string)a!).ToArray();
        Assert.Equal(23, arns.Length);
        var result = host.Run("Start-EcsTask small -Cluster wide -ContainerInstance $args[0]", (object)arns).EnsureSuccess();
        var calls = host.Server.RequestsFor("StartTask").Select(r => r.Json!["containerInstances"]!.AsArray().Select(a => (string)a!).ToArray()).ToArray();
        Assert.Equal(new[] { 10, 10, 3 }, calls.Select(c => c.Length));
        Assert.Equal(arns, calls.SelectMany(c => c));
        Assert.Equal(arns, result.Output.Select(o => (string)((dynamic)o.BaseObject).ContainerInstanceArn));
        Assert.False(host.Server.RequestsFor("StartTask")[0].Json!.AsObject().ContainsKey("count"));
    }

    // One instance with room for 2 tasks. ECS reports RESOURCE:MEMORY once for each container instance without room, not
    // once for each task: 3 or 5 asked come back as 2 tasks and 1 failure, which is the whole explanation (no
    // TasksNotAccountedFor for the rest).
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Failures_become_errors_while_the_tasks_that_started_are_output(int count)
    {
        await using var host = await LocalEcsHost.StartAsync(scene =>
        {
            scene.CreateCluster("tight");
            scene.RegisterContainerInstance("tight", cpu: 4096, memory: 1024);
            scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
            {
                Family = "half",
                Containers = [new LocalEcsContainer { Name = "app", Memory = 512, Cpu = 128 }],
            });
        });
        var result = host.Run($"Start-EcsTask half -Cluster tight -LaunchType EC2 -Count {count}");
        Assert.Equal(2, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("InsufficientResources" + Id, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal("EcsTools.EcsFailure", error.TargetObject.GetType().FullName);
        Assert.Equal("RESOURCE:MEMORY", ((dynamic)error.TargetObject).Reason);
        Assert.Contains("RESOURCE:MEMORY", error.Exception.Message);
        Assert.NotNull(error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task Server_errors_and_throttling_are_retried_with_the_same_client_token()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Server.Faults.Add(LocalEcsFault.ServerError("RunTask")).Add(LocalEcsFault.Throttling("RunTask"));
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2").EnsureSuccess();
        Assert.Single(result.Output);
        var attempts = host.Server.RequestsFor("RunTask");
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => (string)a.Json!["clientToken"]!).Distinct());
        Assert.Equal(new[] { 500, 400, 200 }, attempts.Select(a => a.StatusCode));
    }

    [Fact]
    public async Task A_retried_call_whose_first_attempt_was_processed_starts_no_second_task()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Server.Faults.Add(LocalEcsFault.ServerError("RunTask").AfterProcessing());
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2").EnsureSuccess();
        var started = Assert.Single(result.Output).BaseObject.ToString();
        Assert.Equal(2, host.Server.RequestsFor("RunTask").Count);
        var listed = host.Server.Invoke("ListTasks", """{"cluster":"demo"}""")["taskArns"]!.AsArray().Select(a => (string)a!).ToArray();
        Assert.Equal(new[] { started }, listed);
    }

    [Fact]
    public async Task A_non_JSON_5xx_body_is_a_clear_error()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Server.Faults.Add(LocalEcsFault.HtmlError("RunTask").Times(5));
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2");
        var error = Assert.Single(result.Errors);

        // A 5xx leaves open whether RunTask started the tasks: OutcomeUnknown (issue 11), with the clear cause inside.
        Assert.Equal("OutcomeUnknown" + Id, error.FullyQualifiedErrorId);
        Assert.Contains("not an ECS error", error.Exception.InnerException!.Message);
        Assert.Contains("text/html", error.Exception.InnerException.Message);
    }

    [Theory]
    [InlineData("ClientException", "EcsClientError", ErrorCategory.InvalidOperation)]
    [InlineData("ClusterNotFoundException", "ClusterNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("InvalidParameterException", "InvalidParameter", ErrorCategory.InvalidArgument)]
    [InlineData("UnsupportedFeatureException", "UnsupportedFeature", ErrorCategory.NotImplemented)]
    [InlineData("AccessDeniedException", "AccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData("PlatformUnknownException", "PlatformUnknown", ErrorCategory.InvalidArgument)]
    [InlineData("PlatformTaskDefinitionIncompatibilityException", "PlatformTaskDefinitionIncompatibility", ErrorCategory.InvalidArgument)]
    [InlineData("BlockedException", "AccountBlocked", ErrorCategory.SecurityError)]
    [InlineData("ConflictException", "ClientTokenConflict", ErrorCategory.ResourceExists)]
    [InlineData("NamespaceNotFoundException", "NamespaceNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("SomethingNewException", "EcsServiceError", ErrorCategory.NotSpecified)]
    public async Task Every_declared_error_code_has_a_stable_id_and_category(string code, string errorId, ErrorCategory category)
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Server.Faults.Add(LocalEcsFault.Error("RunTask", code, $"The {code} message."));
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2");
        var error = Assert.Single(result.Errors);
        Assert.Equal(errorId + Id, error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal($"The {code} message.", error.Exception.Message);
        Assert.Contains($"request id {host.Server.Requests.Single().RequestId}", error.ErrorDetails.Message);
        Assert.DoesNotContain("test-secret-key", error.ErrorDetails.Message + error.Exception);
    }

    [Fact]
    public async Task Server_and_throttling_errors_surface_after_the_retries_run_out()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Server.Faults.Add(LocalEcsFault.Throttling("RunTask").Times(10));
        var throttled = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2");
        Assert.Equal("RequestThrottled" + Id, Assert.Single(throttled.Errors).FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, throttled.Errors[0].CategoryInfo.Category);

        host.Server.Faults.Clear();
        host.Server.Faults.Add(LocalEcsFault.ServerError("RunTask").Times(10));
        var failed = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2");

        // Every attempt a 5xx: RunTask may have started the tasks, so the outcome is unknown (issue 11), not "try again later".
        Assert.Equal("OutcomeUnknown" + Id, Assert.Single(failed.Errors).FullyQualifiedErrorId);
        Assert.Equal(3, host.Server.RequestsFor("RunTask").Count(r => r.Fault == LocalEcsFaultKind.ServerError));
    }

    [Fact]
    public async Task Ten_inputs_with_one_bad_cluster_start_nine_and_report_one()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("1..10 | ForEach-Object { [pscustomobject]@{ ClusterArn = $(if ($_ -eq 4) { 'nope' } else { 'demo' }); TaskDefinitionArn = 'web' } } | Start-EcsTask -LaunchType EC2");
        Assert.Null(result.Terminating);
        Assert.Equal(9, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ClusterNotFound" + Id, error.FullyQualifiedErrorId);
    }

    [Fact]
    public async Task WhatIf_sends_nothing()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask web -Cluster demo -Count 3 -CapacityProviderStrategy @{CapacityProvider='FARGATE_SPOT'; Weight=2} -WhatIf");
        Assert.Empty(result.Output);
        Assert.Empty(result.Errors);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task WhatIf_says_what_would_be_started()
    {
        // What-if messages go to the host's UI: the tour host prints them.
        var (exit, output) = await ChildHost.RunAsync(
            """
            Start-EcsTask web -Cluster demo -Count 3 -CapacityProviderStrategy @{CapacityProvider='FARGATE_SPOT'; Weight=2} -WhatIf
            Start-EcsTask web -Cluster demo -ContainerInstance a1, b2 -WhatIf
            """);
        Assert.True(exit == 0, output);
        Assert.Contains("What if: Performing the operation \"Start 3 task(s) with capacity provider strategy FARGATE_SPOT (weight 2, base 0)\" "
            + "on target \"task definition 'web' on cluster 'demo'\".", output);
        Assert.Contains("Start 2 task(s) on container instance(s) a1, b2", output);
    }

    [Fact]
    public async Task Command_and_Environment_with_Container_build_the_container_override()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Container web -Command sh,-c,'echo hi' -Environment @{ A = 1; B = 'two' } "
            + "-Cpu 512 -Memory 1024 -TaskRoleArn arn:aws:iam::123456789012:role/app -Override @{ ContainerOverrides = @(@{ Name = 'log-router'; Memory = 128 }) }")
            .EnsureSuccess();
        var overrides = host.Server.RequestsFor("RunTask").Single().Json!["overrides"]!.AsObject();
        Assert.Equal("512", (string?)overrides["cpu"]);
        Assert.Equal("1024", (string?)overrides["memory"]);
        Assert.Equal("arn:aws:iam::123456789012:role/app", (string?)overrides["taskRoleArn"]);
        var containers = overrides["containerOverrides"]!.AsArray();
        Assert.Equal(new[] { "log-router", "web" }, containers.Select(c => (string)c!["name"]!));
        var web = containers[1]!.AsObject();
        Assert.Equal("""["sh","-c","echo hi"]""", web["command"]!.ToJsonString());
        Assert.Equal(new[] { "A=1", "B=two" }, web["environment"]!.AsArray().Select(e => $"{e!["name"]}={e["value"]}").Order());
        Assert.Empty(host.Server.RequestsFor("DescribeTaskDefinition"));
    }

    [Fact]
    public async Task Ctrl_C_stops_a_call_in_flight_promptly()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Server.Faults.Add(LocalEcsFaultSpec.Parse("RunTask:slow=forever"));
        var (shell, completion) = host.Session.Start("Start-EcsTask web -Cluster demo -LaunchType EC2");
        using (shell)
        {
            await WaitClocks.Until(() => host.Server.RequestsFor("RunTask").Count > 0);
            // RunTask never answers: only a cancelled request lets Stop return.
            await Task.Run(shell.Stop).WaitAsync(WaitClocks.Bound);
            var result = await completion.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Empty(result.Output);
            Assert.Single(host.Server.RequestsFor("RunTask"));
        }
    }

    [Fact]
    public async Task One_client_is_reused_across_inputs_and_invocations()
    {
        // -Verbose names the client; the global count would race with other test classes that open clients.
        await using var host = await LocalEcsHost.StartAsync();
        var first = ClientLine(host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Verbose"));
        Assert.EndsWith("(new).", first, StringComparison.Ordinal);
        var reused = first.Replace("(new).", "(reused).", StringComparison.Ordinal);
        Assert.Equal(reused, ClientLine(host.Run("'web','web','web' | Start-EcsTask -Cluster demo -LaunchType EC2 -Verbose")));
        Assert.Equal(reused, ClientLine(host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Verbose")));
        var withRegion = ClientLine(host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Region us-west-2 -Verbose"));
        Assert.EndsWith("(new).", withRegion, StringComparison.Ordinal);
        Assert.NotEqual(first, withRegion);
        Assert.Equal("us-west-2", host.Server.Requests[^1].Region);
    }

    [Fact]
    public async Task Output_objects_carry_the_task()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{team='web'}").EnsureSuccess();
        dynamic task = result.Output[0].BaseObject;
        Assert.Equal("demo", task.ClusterName);
        Assert.Equal("web", task.Family);
        Assert.Equal(1, task.Revision);
        Assert.Equal("RUNNING", task.DesiredStatus);
        Assert.Equal("team=web", Assert.Single(((System.Collections.IEnumerable)task.Tags).Cast<object>()).ToString());
        Assert.Equal(2, ((System.Collections.ICollection)task.Containers).Count);
        Assert.NotNull(task.CreatedAt);
    }

    private static string ClientLine(PsResult result) =>
        Assert.Single(result.EnsureSuccess().Verbose, v => v.StartsWith("ECS client #", StringComparison.Ordinal));

    private static Action<LocalEcsScene> WideCluster(int instances) => scene =>
    {
        scene.CreateCluster("wide");
        for (var i = 0; i < instances; i++)
        {
            scene.RegisterContainerInstance("wide");
        }

        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "small",
            Containers = [new LocalEcsContainer { Name = "app", Memory = 64, Cpu = 32 }],
        });
    };
}

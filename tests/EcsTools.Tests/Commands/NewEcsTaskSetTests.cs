using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;
using Xunit;
using static EcsTools.Tests.Commands.TaskSetTestKit;

namespace EcsTools.Tests.Commands;

/// <summary>New-EcsTaskSet against LocalEcs: binding, what CreateTaskSet sends, client tokens, -Wait, checks and errors.</summary>
public sealed class NewEcsTaskSetTests
{
    private const string Suffix = ",EcsTools.Commands.NewEcsTaskSetCommand";
    private const string New = "New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web";

    [Fact]
    public async Task Parameter_sets_are_LaunchType_CapacityProvider_and_the_cluster_default()
    {
        await using var host = await StartAsync();
        var sets = host.Run("(Get-Command New-EcsTaskSet).ParameterSets | ForEach-Object { '{0}:{1}' -f $_.Name, $_.IsDefault }")
            .EnsureSuccess().Output.Select(o => o.BaseObject.ToString()).Order().ToArray();
        Assert.Equal(new[] { "CapacityProvider:False", "ClusterDefault:True", "LaunchType:False" }, sets);
        var mandatory = host.Run("(Get-Command New-EcsTaskSet).Parameters.Values | Where-Object { $_.Attributes.Where({ $_ -is [Parameter] -and $_.Mandatory }) } | ForEach-Object Name")
            .EnsureSuccess().Output.Select(o => o.BaseObject.ToString()).Order().ToArray();
        Assert.Equal(new[] { "CapacityProviderStrategy", "Cluster", "LaunchType", "Service", "TaskDefinition" }, mandatory);
    }

    [Fact]
    public async Task LaunchType_with_CapacityProviderStrategy_fails_in_binding_and_sends_nothing()
    {
        await using var host = await StartAsync();
        var result = host.Run(New + " -LaunchType FARGATE -CapacityProviderStrategy @{CapacityProvider='FARGATE'}");
        Assert.StartsWith("AmbiguousParameterSet,", Assert.Single(result.ErrorIds));
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
    }

    [Theory]
    [InlineData("New-EcsTaskSet -Cluster demo -Service checkout")]
    [InlineData("New-EcsTaskSet -Cluster demo -TaskDefinition web")]
    [InlineData("New-EcsTaskSet -Service checkout -TaskDefinition web")]
    public async Task A_missing_mandatory_parameter_fails_in_binding_and_sends_nothing(string script)
    {
        await using var host = await StartAsync();
        var result = host.Run(script);
        Assert.StartsWith("MissingMandatoryParameter,", Assert.Single(result.ErrorIds));
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task LaunchType_set_sends_what_the_ECS_model_expects()
    {
        await using var host = await StartAsync();
        var result = host.Run(New + " -LaunchType fargate -Scale 25.5 -ExternalId deploy-42 -PlatformVersion 1.4.0 -Subnet $args[0] -SecurityGroup $args[1] "
            + "-AssignPublicIp -Tag @{color='green'} -LoadBalancer @{TargetGroupArn='arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/1'; "
            + "ContainerName='web'; ContainerPort=80} -ServiceRegistry ([pscustomobject]@{RegistryArn='arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1'; Port=80})",
            LocalEcsScenes.DemoSubnet, LocalEcsScenes.DemoSecurityGroup).EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("CreateTaskSet")).Json!.AsObject();
        Assert.Equal("demo", (string?)body["cluster"]);
        Assert.Equal("checkout", (string?)body["service"]);
        Assert.Equal("fargate-web", (string?)body["taskDefinition"]);
        Assert.Equal("FARGATE", (string?)body["launchType"]);
        Assert.False(body.ContainsKey("capacityProviderStrategy"));
        Assert.Equal("""{"value":25.5,"unit":"PERCENT"}""", body["scale"]!.ToJsonString());
        Assert.Equal("deploy-42", (string?)body["externalId"]);
        Assert.Equal("1.4.0", (string?)body["platformVersion"]);
        Assert.Equal("""[{"key":"color","value":"green"}]""", body["tags"]!.ToJsonString());
        Assert.Equal("""[{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/1","containerName":"web","containerPort":80}]""",
            body["loadBalancers"]!.ToJsonString());
        Assert.Equal("""[{"registryArn":"arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1","port":80}]""", body["serviceRegistries"]!.ToJsonString());
        Assert.Equal(
            $$$"""{"awsvpcConfiguration":{"subnets":["{{{LocalEcsScenes.DemoSubnet}}}"],"securityGroups":["{{{LocalEcsScenes.DemoSecurityGroup}}}"],"assignPublicIp":"ENABLED"}}""",
            body["networkConfiguration"]!.ToJsonString());
        Assert.True(Guid.TryParse((string?)body["clientToken"], out _));

        dynamic set = Assert.Single(result.Output).BaseObject;
        Assert.Equal("EcsTools.EcsTaskSet", ((object)set).GetType().FullName);
        Assert.Equal((string)set.TaskSetArn, set.ToString());
        Assert.Equal(Id((string)set.TaskSetArn), set.Id);
        Assert.Equal("checkout", set.ServiceName);
        Assert.Equal("demo", set.ClusterName);
        Assert.Equal("PRIMARY", set.Status);
        Assert.Equal(25.5, (double)set.Scale);
        Assert.Equal(2, (int)set.ComputedDesiredCount);
        Assert.Equal("deploy-42", set.ExternalId);
        Assert.Equal("color=green", string.Join(",", ((System.Collections.IEnumerable)set.Tags).Cast<object>()));
        Assert.Equal(80, (int)set.LoadBalancers[0].ContainerPort);
        Assert.Equal("ENABLED", set.NetworkConfiguration.AssignPublicIp);
        Assert.NotNull(set.CreatedAt);
    }

    [Fact]
    public async Task CapacityProvider_set_sends_the_strategy_and_no_launch_type()
    {
        await using var host = await StartAsync();
        var result = host.Run(New + " -CapacityProviderStrategy @{CapacityProvider='FARGATE_SPOT'; Weight=3}, ([pscustomobject]@{CapacityProvider='FARGATE'; Weight=1; Base=1})")
            .EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("CreateTaskSet")).Json!.AsObject();
        Assert.Equal("""[{"capacityProvider":"FARGATE_SPOT","weight":3},{"capacityProvider":"FARGATE","weight":1,"base":1}]""",
            body["capacityProviderStrategy"]!.ToJsonString());
        Assert.False(body.ContainsKey("launchType"));
        Assert.False(body.ContainsKey("scale"));
        dynamic set = Assert.Single(result.Output).BaseObject;
        Assert.Equal("FARGATE_SPOT (weight 3, base 0)", set.CapacityProviderStrategy[0].ToString());
    }

    [Fact]
    public async Task ClusterDefault_set_sends_neither_launch_type_nor_strategy()
    {
        await using var host = await StartAsync();
        host.Run(New + " -Scale 0").EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("CreateTaskSet")).Json!.AsObject();
        Assert.False(body.ContainsKey("launchType"));
        Assert.False(body.ContainsKey("capacityProviderStrategy"));
        Assert.False(body.ContainsKey("loadBalancers"));
        Assert.False(body.ContainsKey("networkConfiguration"));
        Assert.False(body.ContainsKey("tags"));
    }

    [Fact]
    public async Task A_retried_create_resends_the_same_client_token_and_leaves_one_task_set()
    {
        await using var host = await StartAsync();
        host.Server.Faults.Add(LocalEcsFault.ServerError("CreateTaskSet").AfterProcessing());
        var result = host.Run(New + " -LaunchType FARGATE -Scale 0").EnsureSuccess();
        var attempts = host.Server.RequestsFor("CreateTaskSet");
        Assert.Equal(new[] { 500, 200 }, attempts.Select(a => a.StatusCode));
        Assert.Single(attempts.Select(a => (string)a.Json!["clientToken"]!).Distinct());
        var created = (string)((dynamic)Assert.Single(result.Output).BaseObject).TaskSetArn;
        Assert.Equal(new[] { created }, Sets(host.Server).Select(s => (string)s["taskSetArn"]!));
    }

    [Fact]
    public async Task A_given_client_token_is_sent_as_is_and_derived_for_later_inputs()
    {
        await using var host = await StartAsync();
        host.Run("'demo','demo' | ForEach-Object { [pscustomobject]@{ ClusterName = $_; ServiceName = 'checkout' } } | "
            + "New-EcsTaskSet -TaskDefinition fargate-web -Scale 0 -ClientToken release-7").EnsureSuccess();
        Assert.Equal(new[] { "release-7", "release-7-p2" }, host.Server.RequestsFor("CreateTaskSet").Select(r => (string)r.Json!["clientToken"]!));
        host.Run(New + " -Scale 0 -ClientToken release-7").EnsureSuccess();
        Assert.Equal(2, Sets(host.Server).Length);
    }

    [Fact]
    public async Task A_client_token_used_again_with_other_parameters_is_a_ClientTokenConflict()
    {
        // ECS answers CreateTaskSet (which has no ConflictException) with InvalidParameterException "... was not idempotent".
        await using var host = await StartAsync();
        host.Run(New + " -Scale 0 -ClientToken release-8").EnsureSuccess();
        var result = host.Run(New + " -Scale 10 -ClientToken release-8");
        var error = Assert.Single(result.Errors);
        Assert.Equal("ClientTokenConflict" + Suffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("Get-EcsTaskSet lists the task set it made", error.ErrorDetails.RecommendedAction);
        Assert.Single(Sets(host.Server));
    }

    [Theory]
    [InlineData("[pscustomobject]@{ ClusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo'; ServiceName = 'checkout' }", "arn:aws:ecs:us-east-1:123456789012:cluster/demo", "checkout")]
    [InlineData("[pscustomobject]@{ ClusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo'; ServiceName = 'checkout'; ServiceArn = 'arn:aws:ecs:us-east-1:123456789012:service/demo/checkout' }",
        "arn:aws:ecs:us-east-1:123456789012:cluster/demo", "arn:aws:ecs:us-east-1:123456789012:service/demo/checkout")]
    [InlineData("[pscustomobject]@{ Cluster = 'demo'; Service = 'checkout' }", "demo", "checkout")]
    public async Task A_service_object_from_the_pipeline_supplies_cluster_and_service(string service, string cluster, string sent)
    {
        await using var host = await StartAsync();
        host.Run(service + " | New-EcsTaskSet -TaskDefinition fargate-web -Scale 0").EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("CreateTaskSet")).Json!;
        Assert.Equal(cluster, (string?)body["cluster"]);
        Assert.Equal(sent, (string?)body["service"]);
    }

    [Fact]
    public async Task A_task_set_object_from_the_pipeline_creates_a_sibling_in_its_service()
    {
        await using var host = await StartAsync();
        var result = host.Run(New + " -Scale 0 | New-EcsTaskSet -TaskDefinition fargate-web -Scale 0").EnsureSuccess();
        var second = host.Server.RequestsFor("CreateTaskSet")[1].Json!;
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:cluster/demo", (string?)second["cluster"]);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/demo/checkout", (string?)second["service"]);
        Assert.Equal("ACTIVE", ((dynamic)Assert.Single(result.Output).BaseObject).Status);
    }

    [Theory]
    [InlineData("-ClientToken ('x' * 37)", "InvalidClientToken")]
    [InlineData("-ClientToken 'has space'", "InvalidClientToken")]
    [InlineData("-Scale 100.5", "InvalidScale")]
    [InlineData("-Scale -1", "InvalidScale")]
    [InlineData("-Scale ([double]::NaN)", "InvalidScale")]
    [InlineData("-Tag @{'aws:owner'='me'}", "ReservedTagKey")]
    [InlineData("-Tag @{team='a'}, @{Key='team'; Value='b'}", "DuplicateTagKey")]
    [InlineData("-LoadBalancer @{ContainerName='web'; ContainerPort=80}", "InvalidLoadBalancer")]
    [InlineData("-LoadBalancer @{TargetGroupArn='arn:tg'; ContainerName='web'}", "InvalidLoadBalancer")]
    [InlineData("-LoadBalancer @{TargetGroupArn='arn:tg'; ContainerName='web'; ContainerPort=80; Port=1}", "InvalidLoadBalancer")]
    [InlineData("-ServiceRegistry @{Port=80}", "InvalidServiceRegistry")]
    [InlineData("-SecurityGroup sg-1", "SubnetRequired")]
    [InlineData("-CapacityProviderStrategy @{CapacityProvider='FARGATE'; Weight=1001}", "InvalidCapacityProviderWeight")]
    [InlineData("-Wait -PollInterval 0.001", "InvalidPollInterval")]
    [InlineData("-Wait -Timeout 0", "InvalidTimeout")]
    public async Task Client_side_checks_fail_before_any_request(string parameters, string errorId)
    {
        await using var host = await StartAsync();
        var result = host.Run(New + " " + parameters);
        var error = SingleError(result, errorId + Suffix, ErrorCategory.InvalidArgument);
        Assert.NotNull(error.ErrorDetails?.RecommendedAction);
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task Wait_polls_with_progress_until_STEADY_STATE_and_outputs_the_settled_task_set()
    {
        await using var host = await StartAsync();
        var result = host.Run(New + " -LaunchType FARGATE -Scale 100 -Wait -PollInterval 0.05 -Timeout 30 -Verbose").EnsureSuccess();
        dynamic set = Assert.Single(result.Output).BaseObject;
        Assert.Equal("STEADY_STATE", set.StabilityStatus);
        Assert.Equal(4, (int)set.RunningCount);
        Assert.Equal(4, (int)set.ComputedDesiredCount);
        Assert.Equal(0, (int)set.PendingCount);

        var polls = host.Server.RequestsFor("DescribeTaskSets");
        Assert.True(polls.Count >= 3, $"{polls.Count} polls");
        Assert.All(polls, p => Assert.Equal((string)set.TaskSetArn, (string?)p.Json!["taskSets"]![0]));
        Assert.All(polls, p => Assert.Equal("""["TAGS"]""", p.Json!["include"]!.ToJsonString()));
        // The schedule itself (every -PollInterval for 30 s, then growing) is the engine's, tested on a fake clock
        // (EcsTools.Engine.Tests PollScheduleTests); here the cmdlet says which one it uses.

        var progress = result.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToArray();
        Assert.Contains(progress, p => p.StatusDescription.StartsWith("STABILIZING with", StringComparison.Ordinal) && p.StatusDescription.Contains(" 4 desired"));
        Assert.Contains(progress, p => p.PercentComplete is > 0 and < 100);
        Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Completed);
        Assert.Contains(result.Verbose, v => v.Contains("then every 0.05 s for the first 30 s", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, v => v.Contains("at most every 0.75 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wait_goes_on_through_throttled_polls_and_five_in_a_row_end_it_as_for_tasks()
    {
        // The one transient-error budget of every wait (it used to retry forever for task sets, with verbose lines only).
        await using var host = await StartAsync();
        host.Server.Faults.Add(LocalEcsFault.Throttling("DescribeTaskSets").Times(4));
        var recovered = host.Run(New + " -LaunchType FARGATE -Scale 100 -Wait -PollInterval 0.05 -Timeout 30").EnsureSuccess();
        Assert.Equal("STEADY_STATE", (string)((dynamic)Assert.Single(recovered.Output).BaseObject).StabilityStatus);
        Assert.Contains(recovered.Warnings, w => w.Contains("ThrottlingException", StringComparison.Ordinal) && w.Contains("the wait goes on", StringComparison.Ordinal));

        host.Server.Faults.Add(LocalEcsFault.Throttling("DescribeTaskSets").Times(100_000));
        var result = host.Run(New + " -LaunchType FARGATE -Scale 100 -Wait -PollInterval 0.05 -Timeout 60");
        Assert.Empty(result.Output);
        var error = SingleError(result, "RequestThrottled" + Suffix, ErrorCategory.LimitsExceeded);
        Assert.StartsWith("The wait stopped: DescribeTaskSets failed 5 polls in a row.", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Equal("STABILIZING", (string)((dynamic)error.TargetObject).StabilityStatus);
        Assert.Equal(5, result.Warnings.Count(w => w.Contains("ThrottlingException", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Wait_times_out_with_an_error_that_names_the_task_set_and_its_counts()
    {
        await using var host = await StartAsync();
        var result = host.Run("New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition stuck -LaunchType FARGATE -Scale 50 -Wait -PollInterval 0.05 -Timeout 0.6");
        var error = SingleError(result, "WaitTimeout" + Suffix, ErrorCategory.OperationTimeout);
        Assert.Empty(result.Output);
        var id = Id((string)((dynamic)error.TargetObject).TaskSetArn);
        Assert.Contains($"Task set {id} of service 'checkout' (cluster 'demo') did not reach STEADY_STATE within 0.6 s", error.Exception.Message);
        Assert.Matches(@"STABILIZING with \d running, \d pending, 2 desired", error.Exception.Message);
        Assert.Contains("-Timeout", error.ErrorDetails.RecommendedAction);
        var polls = host.Server.RequestsFor("DescribeTaskSets");
        // A poll every 0.05 s (start to start, no jitter in the first 30 s) for all of the 0.6 s: 12 sleeps and the poll on the deadline
        // (the schedule before issue 13 grew from 0.05 s and made at most 12).
        Assert.InRange(polls.Count, 3, 16);
        Assert.True(polls[^1].ReceivedAt - host.Server.RequestsFor("CreateTaskSet")[0].ReceivedAt < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Stopping_the_pipeline_ends_a_wait_without_waiting_for_the_next_poll()
    {
        await using var host = await StartAsync();
        var time = host.UseWaitClock();
        var (shell, completion) = host.Session.Start(
            "New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition stuck -LaunchType FARGATE -Scale 50 -Wait -PollInterval 0.3");
        using (shell)
        {
            // Stop once the wait is polling; the wait's clock stands still from then on, so the next poll never comes due
            // and only Stop can end the wait.
            await WaitClocks.AdvanceUntil(time, TimeSpan.FromSeconds(0.3), () => host.Server.RequestsFor("DescribeTaskSets").Count > 0);
            await Task.Run(shell.Stop).WaitAsync(WaitClocks.Bound);
            var result = await completion.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Empty(result.Output);
            var polls = host.Server.RequestsFor("DescribeTaskSets").Count;
            time.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(polls, host.Server.RequestsFor("DescribeTaskSets").Count);
        }
    }

    [Theory]
    [InlineData("ServiceNotFoundException", "ServiceNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("ServiceNotActiveException", "ServiceNotActive", ErrorCategory.InvalidOperation)]
    [InlineData("ClusterNotFoundException", "ClusterNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("PlatformUnknownException", "PlatformUnknown", ErrorCategory.InvalidArgument)]
    [InlineData("PlatformTaskDefinitionIncompatibilityException", "PlatformTaskDefinitionIncompatibility", ErrorCategory.InvalidArgument)]
    [InlineData("UnsupportedFeatureException", "UnsupportedFeature", ErrorCategory.NotImplemented)]
    [InlineData("AccessDeniedException", "AccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData("LimitExceededException", "LimitExceeded", ErrorCategory.LimitsExceeded)]
    [InlineData("InvalidParameterException", "InvalidParameter", ErrorCategory.InvalidArgument)]
    public async Task ECS_errors_get_stable_ids_and_categories(string code, string errorId, ErrorCategory category)
    {
        await using var host = await StartAsync();
        // Times(3): the SDK retries LimitExceededException as throttling (3 attempts in its standard mode).
        host.Server.Faults.Add(LocalEcsFault.Error("CreateTaskSet", code, "Injected " + code).Times(3));
        var result = host.Run(New + " -Scale 0");
        var error = SingleError(result, errorId + Suffix, category);
        Assert.Equal("checkout", error.TargetObject);
        Assert.Contains("Injected " + code, error.ErrorDetails.Message);
        Assert.Contains("request id", error.ErrorDetails.Message);
        Assert.False(string.IsNullOrEmpty(error.ErrorDetails.RecommendedAction));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_service_with_the_ECS_controller_is_refused_with_advice_about_EXTERNAL()
    {
        await using var host = await StartAsync();
        var result = host.Run("New-EcsTaskSet -Cluster demo -Service classic -TaskDefinition web -LaunchType EC2");
        var error = SingleError(result, "InvalidParameter" + Suffix, ErrorCategory.InvalidArgument);
        Assert.Contains("EXTERNAL", error.ErrorDetails.RecommendedAction);
        Assert.Contains("deploymentController", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task A_bad_input_fails_that_input_only()
    {
        await using var host = await StartAsync();
        var result = host.Run("'checkout','nope','checkout' | ForEach-Object { [pscustomobject]@{ Cluster = 'demo'; Service = $_ } } | "
            + "New-EcsTaskSet -TaskDefinition fargate-web -Scale 0");
        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Output.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ServiceNotFound" + Suffix, error.FullyQualifiedErrorId);
        Assert.Equal("nope", error.TargetObject);
        Assert.Equal(3, host.Server.RequestsFor("CreateTaskSet").Count);
    }

    [Fact]
    public async Task WhatIf_sends_nothing()
    {
        await using var host = await StartAsync();
        host.Run(New + " -Scale 0 -WhatIf").EnsureSuccess();
        Assert.Empty(host.Server.Requests);
    }
}

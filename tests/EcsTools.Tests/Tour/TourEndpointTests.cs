using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using EcsTools.Tests.Infrastructure;
using Xunit;

namespace EcsTools.Tests.Tour;

/// <summary>The tour host pointed at another endpoint (--endpoint): moto, with test credentials and us-east-1.</summary>
[Collection(MotoCollection.Name)]
public sealed class TourEndpointTests(MotoFixture moto)
{
    [Fact]
    public async Task A_script_runs_against_moto_with_endpoint()
    {
        await moto.ResetSceneAsync();
        var endpoint = moto.Endpoint.ToString().TrimEnd('/');
        var (exitCode, output) = await ChildHost.RunAsync("""
            Start-EcsTask web:1 -Cluster ec2 -LaunchType EC2 -OutVariable task | Out-Host
            $task | Stop-EcsTask -Reason 'tour host test' | Out-Host
            "region=$env:AWS_REGION endpoint=$env:AWS_ENDPOINT_URL_ECS"
            """, "--endpoint", endpoint);
        var run = new TourRun(exitCode, output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Using the ECS endpoint {endpoint} (us-east-1, test credentials).", run.Lines);
        Assert.True(run.Lines.Count(l => Regex.IsMatch(l, @"^\S+ +web:1 +RUNNING +(\S+ +)?RUNNING +EC2 +ec2$")) == 1, run.ToString());
        Assert.Single(run.Lines, l => Regex.IsMatch(l, @"^\S+ +web:1 +STOPPED +(\S+ +)?STOPPED +EC2 +ec2$"));
        Assert.Equal([$"us-east-1 endpoint={endpoint}"], run.Values("region="));
        Assert.DoesNotContain("LocalEcs", run.Output);
    }
}

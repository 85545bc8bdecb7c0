using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

/// <summary>Faults written as text (<c>--fault</c> of the standalone server), and the server started with them.</summary>
public sealed class FaultSpecTests
{
    [Theory]
    [InlineData("StartTask:server:after", "StartTask", LocalEcsFaultKind.ServerError, true, 1, 500)]
    [InlineData("RunTask:throttle:x3", "RunTask", LocalEcsFaultKind.Throttling, false, 3, 400)]
    [InlineData("*:drop", null, LocalEcsFaultKind.DropConnection, false, 1, 0)]
    [InlineData("DeleteTaskSet:html=502:after:x2", "DeleteTaskSet", LocalEcsFaultKind.HtmlError, true, 2, 502)]
    [InlineData("DescribeTasks:html", "DescribeTasks", LocalEcsFaultKind.HtmlError, false, 1, 503)]
    [InlineData("StopTask:error=AccessDeniedException", "StopTask", LocalEcsFaultKind.Error, false, 1, 400)]
    [InlineData("StopTask:error=ServiceUnavailableException=503:x2:after", "StopTask", LocalEcsFaultKind.Error, true, 2, 503)]
    public void Parses_operation_kind_after_and_count(string text, string? operation, LocalEcsFaultKind kind, bool after, int count, int status)
    {
        var fault = LocalEcsFaultSpec.Parse(text);
        Assert.Equal(operation, fault.Operation);
        Assert.Equal(kind, fault.Kind);
        Assert.Equal(after, fault.AppliesAfterProcessing);
        Assert.Equal(count, fault.Count);
        Assert.Equal(status, fault.StatusCode);
    }

    [Fact]
    public void Slow_takes_a_duration_or_forever()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), LocalEcsFaultSpec.Parse("ListTasks:slow=250ms").Delay);
        Assert.Equal(TimeSpan.FromMinutes(2), LocalEcsFaultSpec.Parse("ListTasks:slow=2m:after").Delay);
        Assert.True(LocalEcsFaultSpec.Parse("*:slow=forever:x1000").Delay > TimeSpan.FromDays(20));
    }

    [Theory]
    [InlineData("StartTask")]
    [InlineData("StartTask:explode")]
    [InlineData("startTask:server")]
    [InlineData("StartTask:server:x0")]
    [InlineData("StartTask:server:after:after")]
    [InlineData("StartTask:slow")]
    [InlineData("StartTask:slow=soon")]
    [InlineData("StartTask:html=404")]
    [InlineData("StartTask:error")]
    [InlineData("StartTask:error=X=200")]
    [InlineData("StartTask:server:after:x2:x3")]
    public void Refuses_what_it_cannot_read_saying_why(string text)
    {
        var e = Assert.Throws<FormatException>(() => LocalEcsFaultSpec.Parse(text));
        Assert.StartsWith($"--fault '{text}': ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standalone_server_applies_faults_given_on_its_command_line()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "EcsTools.LocalEcs.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", dll, "--port", "0", "--scene", "demo", "--fault", "ListClusters:server:x2", "--fault", "ListClusters:throttle" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            string? endpoint = null;
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("AWS_ENDPOINT_URL_ECS=", StringComparison.Ordinal))
                {
                    endpoint = line["AWS_ENDPOINT_URL_ECS=".Length..];
                    break;
                }
            }

            Assert.NotNull(endpoint);
            using var http = new HttpClient { BaseAddress = new Uri(endpoint), Timeout = TimeSpan.FromSeconds(20) };
            async Task<HttpStatusCode> ListClusters()
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1") };
                request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters");
                using var response = await http.SendAsync(request);
                return response.StatusCode;
            }

            Assert.Equal(HttpStatusCode.InternalServerError, await ListClusters());
            Assert.Equal(HttpStatusCode.InternalServerError, await ListClusters());
            Assert.Equal(HttpStatusCode.BadRequest, await ListClusters());
            Assert.Equal(HttpStatusCode.OK, await ListClusters());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_standalone_server_refuses_a_bad_fault_with_usage_and_exit_code_2()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "EcsTools.LocalEcs.dll"), "--port", "0", "--fault", "StartTask:boom" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--fault 'StartTask:boom'", error, StringComparison.Ordinal);
        Assert.Contains("--fault    inject a fault", error, StringComparison.Ordinal);
    }
}

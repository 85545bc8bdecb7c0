using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// -LaunchType with -CapacityProviderStrategy is refused by PowerShell's binder with its generic AmbiguousParameterSet
/// message, which names neither parameter (nothing at binding time can say more: the binder fails before dynamic
/// parameters or validation run). The help's first lines say it instead, and the refusal sends nothing.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class DocsParameterSetConflictTests
{
    private readonly DocsModule _module;

    public DocsParameterSetConflictTests(DocsModule module) => _module = module;

    [Theory]
    [InlineData("Start-EcsTask", "Start-EcsTask web -Cluster demo -LaunchType EC2 -CapacityProviderStrategy @{ CapacityProvider = 'FARGATE' }")]
    [InlineData("New-EcsTaskSet", "New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition web -LaunchType EC2 -CapacityProviderStrategy @{ CapacityProvider = 'FARGATE' }")]
    public async Task The_synopsis_and_first_paragraphs_say_what_the_binder_does_not(string command, string both)
    {
        var help = _module.Session.Run("Get-Help $args[0]", command).EnsureSuccess().Output.Single();
        var synopsis = help.Properties["Synopsis"].Value.ToString()!;
        var description = string.Join("\n", ((System.Collections.IEnumerable)help.Properties["description"].Value).Cast<object>()
            .Select(p => PSObject.AsPSObject(p).Properties["Text"].Value.ToString()).Take(3));

        Assert.Contains("-LaunchType or -CapacityProviderStrategy (not both)", synopsis, StringComparison.Ordinal);
        Assert.Contains("Parameter set cannot be resolved using the specified named parameters", description, StringComparison.Ordinal);
        Assert.Contains("AmbiguousParameterSet", description, StringComparison.Ordinal);

        // Against an endpoint that logs what reaches it, so that "sends nothing" is checked, not assumed.
        await using var server = await LocalEcsServer.StartAsync();
        var refused = _module.Session.Run(both + " -EndpointUrl $args[0] -Region us-east-1 -AccessKey a -SecretKey b", server.Endpoint.ToString().TrimEnd('/'));
        var error = refused.FirstError;
        Assert.NotNull(error);
        Assert.StartsWith("AmbiguousParameterSet,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.StartsWith("Parameter set cannot be resolved using the specified named parameters", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}

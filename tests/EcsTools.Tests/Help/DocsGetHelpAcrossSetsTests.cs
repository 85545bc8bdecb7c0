using System.Linq;
using System.Management.Automation;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// Get-Help -Parameter shows one entry per parameter, while a parameter may differ from set to set: the entry says what
/// is true across the sets (pipeline input if any set takes it, required only if every set requires it).
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class DocsGetHelpAcrossSetsTests
{
    private readonly DocsModule _module;

    public DocsGetHelpAcrossSetsTests(DocsModule module) => _module = module;

    [Theory]
    // Bound from the pipeline in the Task set only.
    [InlineData("Get-EcsTask", "Cluster", "false", "True (ByPropertyName)")]
    // Mandatory in the Primary set, optional in the Scale set.
    [InlineData("Set-EcsTaskSet", "Primary", "false", "False")]
    // Mandatory in the Task set, its only one.
    [InlineData("Get-EcsTask", "Task", "true", "True (ByPropertyName, ByValue)")]
    // Mandatory in the one set it is in.
    [InlineData("Start-EcsTask", "LaunchType", "true", "False")]
    public void Get_Help_Parameter_says_what_is_true_across_sets(string command, string parameter, string required, string pipelineInput)
    {
        var help = _module.Session.Run("Get-Help $args[0] -Parameter $args[1]", command, parameter).EnsureSuccess().Output.Single();

        Assert.Equal(required, Text(help, "required"));
        Assert.Equal(pipelineInput, Text(help, "pipelineInput"));
    }

    private static string Text(PSObject value, string name) => value.Properties[name]?.Value?.ToString()?.Trim() ?? string.Empty;
}

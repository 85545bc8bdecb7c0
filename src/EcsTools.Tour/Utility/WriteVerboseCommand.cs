using System.Management.Automation;

namespace EcsTools.Tour.Utility;

/// <summary>Write-Verbose for the tour host (see <see cref="WriteHostCommand"/> for why the host brings it).</summary>
[Cmdlet(VerbsCommunications.Write, "Verbose")]
public sealed class WriteVerboseCommand : PSCmdlet
{
    /// <summary>The message, shown with -Verbose or $VerbosePreference = 'Continue'.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyString]
    [Alias("Msg")]
    public string Message { get; set; } = "";

    protected override void ProcessRecord() => WriteVerbose(Message);
}

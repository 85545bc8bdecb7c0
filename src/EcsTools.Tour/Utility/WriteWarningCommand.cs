using System.Management.Automation;

namespace EcsTools.Tour.Utility;

/// <summary>Write-Warning for the tour host (see <see cref="WriteHostCommand"/> for why the host brings it).</summary>
[Cmdlet(VerbsCommunications.Write, "Warning")]
public sealed class WriteWarningCommand : PSCmdlet
{
    /// <summary>The warning.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyString]
    [Alias("Msg")]
    public string Message { get; set; } = "";

    protected override void ProcessRecord() => WriteWarning(Message);
}

using System.Management.Automation;

namespace EcsTools.Tour.Utility;

/// <summary>Write-Information for the tour host (see <see cref="WriteHostCommand"/> for why the host brings it).</summary>
[Cmdlet(VerbsCommunications.Write, "Information")]
public sealed class WriteInformationCommand : PSCmdlet
{
    /// <summary>The message, shown with -InformationAction Continue or $InformationPreference = 'Continue'.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("Msg", "Message")]
    [AllowNull]
    public object? MessageData { get; set; }

    /// <summary>Tags to filter the information stream by.</summary>
    [Parameter(Position = 1)]
    public string[]? Tags { get; set; }

    protected override void ProcessRecord() => WriteInformation(MessageData, Tags);
}

using System.Management.Automation;

namespace EcsTools.Tour.Utility;

/// <summary>Write-Output for the tour host (see <see cref="WriteHostCommand"/> for why the host brings it).</summary>
[Cmdlet(VerbsCommunications.Write, "Output")]
public sealed class WriteOutputCommand : PSCmdlet
{
    /// <summary>The objects to send down the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject?[]? InputObject { get; set; }

    /// <summary>Send a collection as one object.</summary>
    [Parameter]
    public SwitchParameter NoEnumerate { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            WriteObject(null);
        }
        else if (NoEnumerate && InputObject.Length == 1)
        {
            WriteObject(InputObject[0]);
        }
        else
        {
            WriteObject(InputObject, !NoEnumerate);
        }
    }
}

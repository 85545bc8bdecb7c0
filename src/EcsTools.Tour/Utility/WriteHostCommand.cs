using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace EcsTools.Tour.Utility;

/// <summary>
/// Write-Host for the tour host. The PowerShell SDK package ships only the engine's core cmdlets
/// (Microsoft.PowerShell.Core); the Write-* cmdlets of Microsoft.PowerShell.Utility come with pwsh. As pwsh's does, it
/// writes an information record tagged PSHOST, which the engine shows on the host.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "Host")]
public sealed class WriteHostCommand : PSCmdlet
{
    /// <summary>What to write; collections are written item by item, with -Separator between them.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
    [Alias("Msg", "Message")]
    public object? Object { get; set; }

    /// <summary>Do not end the line.</summary>
    [Parameter]
    public SwitchParameter NoNewline { get; set; }

    /// <summary>What goes between the items of a collection (a space by default).</summary>
    [Parameter]
    public object Separator { get; set; } = " ";

    /// <summary>The text color (on a terminal).</summary>
    [Parameter]
    public System.ConsoleColor ForegroundColor { get; set; }

    /// <summary>The background color (on a terminal).</summary>
    [Parameter]
    public System.ConsoleColor BackgroundColor { get; set; }

    protected override void ProcessRecord()
    {
        var message = new HostInformationMessage { Message = Text(Object), NoNewLine = NoNewline.IsPresent };
        if (MyInvocation.BoundParameters.ContainsKey(nameof(ForegroundColor)))
        {
            message.ForegroundColor = ForegroundColor;
        }

        if (MyInvocation.BoundParameters.ContainsKey(nameof(BackgroundColor)))
        {
            message.BackgroundColor = BackgroundColor;
        }

        WriteInformation(message, ["PSHOST"]);
    }

    private string Text(object? value) => PSObject.AsPSObject(value ?? "").BaseObject switch
    {
        string text => text,
        IEnumerable items => string.Join(Separator?.ToString() ?? "", items.Cast<object?>().Select(Text)),
        var other => PSObject.AsPSObject(other).ToString(),
    };
}

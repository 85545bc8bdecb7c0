using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace EcsTools.Errors;

/// <summary>
/// What Ctrl+C must not lose: the tasks or task sets a command created (or was waiting for) and had not written yet.
/// Once a pipeline is stopping, PowerShell refuses every Write* call, so the list goes to the host as warning lines,
/// from StopProcessing itself (the console shows them; a hosted runspace gets them in its warning stream). Transcripts
/// record only pipeline streams, so they do not show these lines.
/// </summary>
internal static class StopNotice
{
    /// <summary>Writes a header, one line per item (its ARN, then its last known state), and a hint; nothing when the list is empty.</summary>
    public static void Warn(PSCmdlet cmdlet, string header, IReadOnlyList<string> items, string hint)
    {
        if (items.Count == 0)
        {
            return;
        }

        PSHostUserInterface? ui;
        try
        {
            ui = cmdlet.Host?.UI;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (ui is null)
        {
            return;
        }

        try
        {
            ui.WriteWarningLine(header);
            foreach (var item in items)
            {
                ui.WriteWarningLine("  " + item);
            }

            ui.WriteWarningLine(hint);
        }
        catch (Exception e) when (e is HostException or NotImplementedException or InvalidOperationException or PipelineStoppedException or ObjectDisposedException)
        {
            // A host without a usable UI: there is nowhere left to say it.
        }
    }
}

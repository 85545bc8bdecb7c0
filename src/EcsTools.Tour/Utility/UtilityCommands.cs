using System.Management.Automation.Runspaces;

namespace EcsTools.Tour.Utility;

/// <summary>The Write-* cmdlets the tour host adds to the engine's core cmdlets.</summary>
internal static class UtilityCommands
{
    public static void AddTo(InitialSessionState state)
    {
        state.Commands.Add(new SessionStateCmdletEntry("Write-Host", typeof(WriteHostCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Write-Output", typeof(WriteOutputCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Write-Verbose", typeof(WriteVerboseCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Write-Warning", typeof(WriteWarningCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Write-Information", typeof(WriteInformationCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Write-Error", typeof(WriteErrorCommand), null));
    }
}

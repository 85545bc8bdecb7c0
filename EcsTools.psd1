@{
    RootModule           = 'EcsTools.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5d0f3c5e-8f51-4a0c-9a51-1c3e2f7b9e41'
    Author               = 'EcsTools contributors'
    CompanyName          = 'EcsTools'
    Copyright            = '(c) EcsTools contributors. All rights reserved.'
    Description          = 'Start Amazon ECS tasks and run ECS external deployments (task sets) from PowerShell.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('EcsTools.Format.ps1xml')
    CmdletsToExport      = @(
        'Start-EcsTask'
        'Get-EcsTask'
        'Wait-EcsTask'
        'Stop-EcsTask'
        'Get-EcsTaskLog'
        'New-EcsTaskSet'
        'Get-EcsTaskSet'
        'Set-EcsTaskSet'
        'Remove-EcsTaskSet'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'ECS', 'Containers', 'Fargate', 'Deployment', 'TaskSet', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            ProjectUri   = 'https://github.com/ecstools/EcsTools'
            LicenseUri   = 'https://github.com/ecstools/EcsTools/blob/main/LICENSE'
            ReleaseNotes = 'First release: Start-EcsTask, Get-EcsTask, Wait-EcsTask, Stop-EcsTask, New-EcsTaskSet, Get-EcsTaskSet, Set-EcsTaskSet and Remove-EcsTaskSet, with offline help, tab completion and an AWSSDK.Core of their own, precompiled (ReadyToRun) for linux-x64, win-x64 and osx-arm64 on PowerShell 7.4 and 7.6. Retries decided by what is safe to repeat (OutcomeUnknown where a change cannot be confirmed), -RequestTimeout on every cmdlet, secrets masked in every message, hashtables sent sorted by key, -Count at most 1000, TaskId/TaskSetId/ContainerInstanceId aliases. Get-EcsTaskLog reads the awslogs lines of tasks (-Follow until they stop), and -FollowLog on Start-EcsTask -Wait and Wait-EcsTask writes them to the Information stream while waiting. Waits poll every -PollInterval (now 1 s by default, was 2 s, from the start of one poll to the start of the next, without jitter) for their first 30 s, then back off with jitter; task-set waits warn on a failed poll and end after 5 in a row, as task waits do. One name per idea, old names kept as aliases: Wait-EcsTask -WaitUntil (was -Until), Get-EcsTask -Service (was -ServiceName). A resolved connection is reused while its parameters, AWS_* variables and profile files are unchanged; the credentials file is the one AWS_SHARED_CREDENTIALS_FILE names at each command. Get-EcsTask -Family refuses a name:revision (InvalidFamily). A RunTask short of capacity reports the failures ECS gives without a spurious TasksNotAccountedFor. Get-EcsTaskLog -Follow reads on a task that stopped less than 30 s before. Start-EcsTask refuses before sending a -Cpu or -Memory that is not an amount (InvalidCpu, InvalidMemory) and placement types ECS does not know; placement types are matched in any case. A read that timed out is no longer resent once more as a stale connection. Get-EcsTaskLog -Tail reads each stream from its end, in one or two requests a container however long its log, and its -PollInterval has the range of the waits (0.01 s to 5 min). -FollowLog reads a stopped task on for its late lines (3 s, at most 30) before writing it, as Get-EcsTaskLog -Follow does. ECS refusing a network (an awsvpc task definition without -Subnet, or a network for one that takes none) recommends what to add or leave out. New- and Set-EcsTaskSet -Scale take 50% as text as well as the number 50. A task definition revision is described once per session, for the launch, the wait and -FollowLog alike.'
        }
    }
}

# Output through the real formatting system: every view of EcsTools.Format.ps1xml rendered by Format-Table and
# Format-List at 120 columns, the default view, and 80 columns. The views are read from the file, so a view added or
# changed there is covered here without editing this test.
BeforeDiscovery {
    # The views, for -ForEach: read at discovery from the module under test.
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $module = Import-EcsToolsModule
    [xml] $formats = Get-Content -Raw -LiteralPath (Join-Path $module.ModuleBase 'EcsTools.Format.ps1xml')
    $views = foreach ($view in $formats.Configuration.ViewDefinitions.View) {
        $kind = if ($view['TableControl']) { 'Table' } elseif ($view['ListControl']) { 'List' } else { 'Other' }
        $labels = if ($kind -eq 'Table') {
            # A header's label, or the property of the column when the header has none.
            $headers = @($view.TableControl.TableHeaders.TableColumnHeader)
            $items = @($view.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)
            for ($i = 0; $i -lt $items.Count; $i++) {
                if ($i -lt $headers.Count -and $headers[$i]['Label']) { $headers[$i].Label } else { $items[$i].PropertyName }
            }
        }
        elseif ($kind -eq 'List') {
            foreach ($item in $view.ListControl.ListEntries.ListEntry.ListItems.ListItem) { if ($item['Label']) { $item.Label } else { $item.PropertyName } }
        }
        @{ Name = $view.Name; TypeName = $view.ViewSelectedBy.TypeName; Kind = $kind; Labels = @($labels) }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $module = Import-EcsToolsModule
    $ecs = Start-LocalEcs
    $network = @{ Subnet = 'subnet-0a1b2c3d4e5f60718'; SecurityGroup = 'sg-0123456789abcdef0' }

    # One task of each kind the views must show: EC2, a capacity provider strategy (no launch type), one that exited.
    $ec2 = Start-EcsTask web -Cluster demo -LaunchType EC2
    $spot = Start-EcsTask fargate-web -Cluster demo -CapacityProviderStrategy @{ CapacityProvider = 'FARGATE_SPOT'; Weight = 1 } @network
    $exited = Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Wait -IgnoreTaskFailure
    $tasks = @($ec2, $spot, $exited)
    $logEvents = @($exited | Get-EcsTaskLog)
    $taskSet = New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE @network -Scale 50 -ExternalId fmt-1

    function Get-Sample([string] $TypeName) {
        switch ($TypeName) {
            'EcsTools.EcsTask' { $tasks }
            'EcsTools.EcsTaskSet' { @($taskSet) }
            'EcsTools.EcsLogEvent' { $logEvents }
            default { throw "No sample objects for ${TypeName}: add some to Formatting.Tests.ps1." }
        }
    }

    function Get-Rendered([object[]] $InputObject, [string] $Kind, [string] $View, [int] $Width) {
        $text = if ($Kind -eq 'Table') { $InputObject | Format-Table -View $View | Out-String -Width $Width }
        else { $InputObject | Format-List -View $View | Out-String -Width $Width }
        $text -replace "`r", ''
    }
}
AfterAll { Stop-TestServer $ecs }

Describe 'EcsTools.Format.ps1xml' {
    It 'has a table and a list view for each output type, and the module loads them' -ForEach @{ Views = $views } {
        $views.Count | Should -BeGreaterOrEqual 4
        foreach ($type in 'EcsTools.EcsTask', 'EcsTools.EcsTaskSet', 'EcsTools.EcsLogEvent') {
            ($views | Where-Object { $_.TypeName -eq $type }).Kind | Sort-Object | Should -Be @('List', 'Table')
        }
        $views.Kind | Should -Not -Contain 'Other'
        (Get-FormatData -TypeName EcsTools.EcsTask).FormatViewDefinition.Name | Should -Contain 'EcsTools.EcsTask'
    }
}

Describe 'View <Name> at 120 columns' -ForEach $views {
    BeforeAll {
        $objects = Get-Sample $TypeName
        $text = Get-Rendered $objects $Kind $Name 120
        $lines = @($text -split "`n")
    }

    It 'shows every column or item of the view' {
        $header = $lines | Where-Object { $_.Trim() } | Select-Object -First 1
        foreach ($label in $Labels) {
            if ($Kind -eq 'Table') { $header | Should -Match "(^|\s)$([regex]::Escape($label))(\s|$)" -Because "column '$label' of $Name" }
            else { $text | Should -Match "(?m)^$([regex]::Escape($label))\s*:" -Because "item '$label' of $Name" }
        }
    }

    It 'fits in 120 columns' {
        $lines | Where-Object { $_.TrimEnd().Length -gt 120 } | Should -BeNullOrEmpty
    }

    It 'shows each object' {
        foreach ($object in $objects) {
            $id = if ($TypeName -eq 'EcsTools.EcsTask') { $object.TaskId } else { $object.Id }
            $text | Should -Match ([regex]::Escape($id))
        }
    }
}

Describe 'Tasks in a console' {
    It 'default to the table view, one row a task with its status and definition' {
        $rows = @(ConvertFrom-FormattedTable ($tasks | Out-String -Width 120))
        $rows.Count | Should -Be 3
        $row = $rows | Where-Object TaskId -eq $exited.TaskId
        $row.TaskDefinition | Should -Be 'batch-fail:1'
        $row.LastStatus | Should -Be 'STOPPED'
        $row.ExitCodes | Should -Be 'job=2'
    }

    It 'show how each task was placed: EC2, or the capacity provider' {
        $rows = ConvertFrom-FormattedTable ($tasks | Out-String -Width 120)
        ($rows | Where-Object TaskId -eq $ec2.TaskId).PSObject.Properties.Value | Should -Contain 'EC2'
        ($rows | Where-Object TaskId -eq $spot.TaskId).PSObject.Properties.Value | Should -Contain 'FARGATE_SPOT' -Because 'a Spot task shows its capacity provider'
    }

    It 'list every property of the list view with its value' {
        $text = $exited | Format-List | Out-String -Width 120
        $text | Should -Match "(?m)^TaskArn\s+: $([regex]::Escape($exited.TaskArn))\s*$"
        $text | Should -Match '(?m)^StopCode\s+: EssentialContainerExited\s*$'
        $text | Should -Match '(?m)^Containers\s+: job \(STOPPED, exit 2\)\s*$'
    }

    It 'keep the task id readable at 80 columns' {
        $lines = ($tasks | Out-String -Width 80) -split "`n"
        $lines | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
        foreach ($task in $tasks) { ($lines -match [regex]::Escape($task.TaskId)).Count | Should -Be 1 }
    }

    It 'render Format-Table with chosen properties, and Format-Wide, from the objects' {
        ($tasks | Format-Table TaskId, LastStatus -HideTableHeaders | Out-String -Width 120) | Should -Match "(?m)^$($exited.TaskId)\s+STOPPED\s*$"
        ($tasks | Format-Wide TaskId -Column 1 | Out-String -Width 120) | Should -Match ([regex]::Escape($spot.TaskId))
    }
}

Describe 'Task sets in a console' {
    It 'default to the table view with scale and counts' {
        $row = ConvertFrom-FormattedTable ($taskSet | Out-String -Width 120) | Where-Object Id -eq $taskSet.Id
        $row.TaskDefinition | Should -Be 'fargate-web:1'
        $row.Scale | Should -Be '50'
        $row.Desired | Should -Be '2'
        $row.PSObject.Properties.Value | Should -Contain 'checkout'
    }

    It 'list the network configuration and the external id' {
        $text = $taskSet | Format-List | Out-String -Width 120
        $text | Should -Match '(?m)^ExternalId\s+: fmt-1\s*$'
        $text | Should -Match '(?m)^NetworkConfiguration\s+: .*subnet-0a1b2c3d4e5f60718'
        $text | Should -Match '(?m)^Scale\s+: 50 %\s*$'
    }
}

# No secret in any stream, $Error or transcript, in a fresh pwsh as a CI job runs it: a malformed credentials or
# config file is CredentialsFileInvalid / ConfigFileInvalid naming the file and the line number only; secrets given as
# parameters, in the environment, in profiles and in the error output of a credential_process never reach a message.
# (tests/EcsTools.Tests/Session/SecretScrubbingTests.cs goes through 12 sources x 8 failure modes, with injected faults.)
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule | Out-Null
    $ecs = Start-LocalEcs

    # Runs the script in a fresh pwsh under Start-Transcript with these environment variables, and returns what it
    # printed (every stream, then each $Error record through Get-Error and each exception's ToString()) and the transcript.
    function Invoke-SecretProbe([string] $Script, [hashtable] $Environment = @{}) {
        $transcript = Join-Path $TestDrive "transcript-$([guid]::NewGuid().ToString('N')).txt"
        $manifest = Get-RepoPath 'out/EcsTools/EcsTools.psd1'
        $full = @"
Import-Module '$manifest'
Start-Transcript -Path '$transcript' | Out-Null
`$ProgressPreference = 'SilentlyContinue'
& { $Script } *>&1 | ForEach-Object {
    if (`$_ -is [System.Management.Automation.ErrorRecord]) { "id=`$(`$_.FullyQualifiedErrorId)"; "category=`$(`$_.CategoryInfo.Category)"; `$_ | Out-String }
    elseif (`$_ -is [System.Management.Automation.InformationalRecord]) { "`$(`$_.GetType().Name): `$(`$_.Message)" }
    else { `$_ | Format-List * | Out-String }
}
foreach (`$e in @(`$Error)) {
    `$e | Get-Error | Out-String -Width 4096
    "details: `$(`$e.ErrorDetails.Message) | `$(`$e.ErrorDetails.RecommendedAction) | target: `$(`$e.TargetObject)"
    for (`$x = `$e.Exception; `$x; `$x = `$x.InnerException) { 'exception: ' + `$x.ToString(); foreach (`$k in `$x.Data.Keys) { "data: `$k=`$(`$x.Data[`$k])" } }
}
Stop-Transcript | Out-Null
"@
        $saved = @{}
        foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        try {
            foreach ($name in $Environment.Keys) { [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
            $run = Invoke-ChildPwsh $full
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
        [pscustomobject]@{
            ExitCode   = $run.ExitCode
            Text       = $run.Text + $run.Error
            Transcript = if (Test-Path $transcript) { Get-Content -Raw $transcript } else { '' }
        }
    }

    $run = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $secret = @{
        BadLine      = "SECRETzqxBadLine$run/abcdEFGH+1234"
        BadConfig    = "SECRETzqxBadConfig$run/abcdEFGH+1234"
        Environment  = "SECRETzqxEnvironment$run/abcdEFGH+1234"
        Parameter    = "SECRETzqxParameter$run/abcdEFGH+1234"
        Token        = "SECRETzqxSessionToken$run/abcdEFGH+1234"
        Profile      = "SECRETzqxProfile$run/abcdEFGH+1234"
        ProcessError = "SECRETzqxProcessError$run/abcdEFGH+1234"
    }
}
AfterAll { Stop-TestServer $ecs }

Describe 'Secrets never reach a message' {
    It 'reports a malformed line of an unused profile in ~/.aws/credentials as CredentialsFileInvalid, with file and line only' {
        $file = Join-Path $TestDrive 'credentials'
        Set-Content $file "[default]`naws_access_key_id = AKIDDEFAULT00001`naws_secret_access_key = default-secret-value`n[unused]`naws_secret_access_key $($secret.BadLine)"
        $probe = Invoke-SecretProbe "Start-EcsTask web -Cluster demo -LaunchType EC2 -Verbose" @{
            AWS_SHARED_CREDENTIALS_FILE = $file; AWS_SECRET_ACCESS_KEY = $secret.Environment; AWS_ACCESS_KEY_ID = 'AKIDENVIRONMENT1' }

        $probe.ExitCode | Should -Be 0
        $probe.Text | Should -Match 'id=CredentialsFileInvalid,EcsTools\.Commands\.StartEcsTaskCommand'
        $probe.Text | Should -Match 'category=InvalidData'
        $probe.Text | Should -BeLike "*Line 5 of the AWS credentials file '$file'*"
        $probe.Transcript | Should -BeLike '*CredentialsFileInvalid*'
        foreach ($text in $probe.Text, $probe.Transcript) {
            $text | Should -Not -BeLike '*SECRETzqx*'
            $text | Should -Not -BeLike '*default-secret-value*'
        }
    }

    It 'reports a malformed line in ~/.aws/config as ConfigFileInvalid' {
        $file = Join-Path $TestDrive 'config'
        Set-Content $file "[default]`nregion = us-east-1`n[profile other]`naws_session_token $($secret.BadConfig)"
        $probe = Invoke-SecretProbe "Get-EcsTask -Cluster demo" @{ AWS_CONFIG_FILE = $file }

        $probe.Text | Should -Match 'id=ConfigFileInvalid,EcsTools\.Commands\.GetEcsTaskCommand'
        $probe.Text | Should -BeLike "*Line 4 of the AWS config file '$file'*"
        foreach ($text in $probe.Text, $probe.Transcript) { $text | Should -Not -BeLike '*SECRETzqx*' }
    }

    It 'keeps parameter, profile and credential_process secrets out of output, errors, verbose and the transcript' {
        $failing = Join-Path $TestDrive 'process-fail.sh'
        Set-Content $failing "#!/bin/sh`necho 'refresh failed: key $($secret.ProcessError) was revoked' >&2`nexit 3"
        chmod +x $failing
        $profiles = Join-Path $TestDrive 'profiles'
        Set-Content $profiles "[keys]`naws_access_key_id = AKIDPROFILEKEYS1`naws_secret_access_key = $($secret.Profile)`n[process]`ncredential_process = $failing"
        $probe = Invoke-SecretProbe @"
Start-EcsTask web -Cluster demo -LaunchType EC2 -AccessKey AKIDPARAMETERS01 -SecretKey `$env:PROBE_SECRET -SessionToken `$env:PROBE_TOKEN -Verbose
Start-EcsTask web -Cluster nope -LaunchType EC2 -AccessKey AKIDPARAMETERS01 -SecretKey `$env:PROBE_SECRET -SessionToken `$env:PROBE_TOKEN -Verbose
Get-EcsTask -Cluster nope -ProfileName keys -ProfileLocation '$profiles' -Verbose
Get-EcsTask -Cluster demo -ProfileName process -ProfileLocation '$profiles' -Verbose
"@ @{ PROBE_SECRET = $secret.Parameter; PROBE_TOKEN = $secret.Token }

        $probe.Text | Should -Match 'id=ClusterNotFound,EcsTools\.Commands\.StartEcsTaskCommand'
        $probe.Text | Should -Match 'id=ClusterNotFound,EcsTools\.Commands\.GetEcsTaskCommand'
        $probe.Text | Should -Match 'id=CredentialsFailed,EcsTools\.Commands\.GetEcsTaskCommand'
        $probe.Text | Should -BeLike '*non-zero exit value 3 (its error output is not shown*'
        $probe.Transcript | Should -BeLike '*CredentialsFailed*'
        foreach ($text in $probe.Text, $probe.Transcript) { $text | Should -Not -BeLike '*SECRETzqx*' }
    }
}

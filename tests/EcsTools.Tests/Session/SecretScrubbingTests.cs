using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;
using Xunit;
using Xunit.Abstractions;

namespace EcsTools.Tests.Session;

/// <summary>
/// No secret in any stream, error record or transcript: a distinctive secret is planted in every credential source
/// (parameters, -Credential, environment, credentials and config file profiles, an unused profile, credential_process
/// output and a failing credential_process that prints its secret, $StoredAWSCredentials, the SSO token cache, SSO and
/// STS answers) and each source goes through every failure mode (success with -Verbose -Debug, endpoint errors that
/// repeat the request's headers, 4xx, 5xx, dropped connections, a wait whose polls fail, malformed credentials and
/// config files). A fresh pwsh 7.6.10 (`dotnet pwsh`, from the repository's tool manifest) runs it all under Start-Transcript and prints every output object, error record
/// (Get-Error, Format-List *, each inner exception's ToString() and Data, TargetObject, bound parameters), warning,
/// verbose, debug and information record; the test then looks for the secrets in all of it and in the transcript.
/// </summary>
public sealed class SecretScrubbingTests : IDisposable
{
    private const string Marker = "SECRETzqx";

    /// <summary>What EcsSecrets masks a secret with.</summary>
    private const string Mask = "****";

    private readonly ITestOutputHelper _log;
    private readonly string _home = SessionKit.TempDirectory();
    private readonly Dictionary<string, string> _secrets;

    public SecretScrubbingTests(ITestOutputHelper log)
    {
        _log = log;
        var run = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        _secrets = new[]
        {
            "params", "paramsToken", "credential", "env", "envToken", "file", "fileToken", "unused", "config", "base",
            "procOut", "procOutToken", "procErr", "stored", "storedToken", "ssoCache", "ssoRole", "ssoRoleToken", "sts", "stsToken",
            "badCred", "badConfig",
        }.ToDictionary(n => n, n => $"{Marker}{n}{run}abcdefABCDEF0123456789/+");
    }

    public void Dispose() => Directory.Delete(_home, true);

    [Fact]
    public async Task No_planted_secret_reaches_any_stream_error_record_or_transcript()
    {
        await using var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo, StepInterval = TimeSpan.FromMinutes(10) });
        server.Faults
            .Add(LocalEcsFault.EchoRequest("DescribeTasks", 503, json: false).Times(100_000))
            .Add(LocalEcsFault.EchoRequest("StopTask", 400, json: true).Times(100_000))
            .Add(LocalEcsFault.ServerError("DescribeTaskSets").Times(100_000))
            .Add(LocalEcsFault.DropConnection("DeleteTaskSet").Times(100_000))
            .Add(LocalEcsFault.EchoRequest("UpdateTaskSet", 400, json: true, "InvalidParameterException", headerNames: false).Times(100_000));
        using var identity = new FakeIdentityEndpoint(_secrets["sts"], _secrets["stsToken"], _secrets["ssoRole"], _secrets["ssoRoleToken"]);
        var transcript = Path.Combine(_home, "transcript.txt");
        WriteAwsFiles();

        var (exit, output) = await RunPwshAsync(
            WriteScript(transcript),
            ChildHost.ScrubbedEnvironment(_home,
                ("AWS_REGION", "us-east-1"), ("AWS_MAX_ATTEMPTS", "1"), ("AWS_ENDPOINT_URL_ECS", server.Endpoint.ToString().TrimEnd('/')),
                ("AWS_ENDPOINT_URL_STS", identity.Url), ("AWS_ENDPOINT_URL_SSO", identity.Url)),
            TimeSpan.FromMinutes(5));
        var transcriptText = File.Exists(transcript) ? await File.ReadAllTextAsync(transcript) : "";
        var probes = output.Split('\n').Count(l => l.StartsWith("=== ", StringComparison.Ordinal));
        var records = output.Split('\n').Count(l => l.StartsWith("error id=", StringComparison.Ordinal));
        _log.WriteLine($"exit {exit}; {probes} probes (sources x failure modes); {records} error records; {output.Length} characters of output; "
            + $"{transcriptText.Length} characters of transcript; {server.Requests.Count} requests reached LocalEcs, {identity.Requests.Count} STS/SSO.");

        Assert.True(exit == 0, output);
        Assert.Equal(Sources.Length * Modes.Length, probes);
        Assert.True(transcriptText.Length > 1000, "The transcript is missing or empty:" + Environment.NewLine + output);
        foreach (var (name, secret) in _secrets)
        {
            Assert.False(output.Contains(secret, StringComparison.Ordinal), $"The secret '{name}' is in the output:{Environment.NewLine}{Around(output, secret)}");
            Assert.False(transcriptText.Contains(secret, StringComparison.Ordinal), $"The secret '{name}' is in the transcript:{Environment.NewLine}{Around(transcriptText, secret)}");
        }

        Assert.DoesNotContain(Marker, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, transcriptText, StringComparison.Ordinal);

        // The failure modes happened, and the echoes reached the messages masked (so the checks above could have failed).
        Assert.Contains("error id=CredentialsFileInvalid,EcsTools.Commands.StartEcsTaskCommand", output);
        Assert.Contains("error id=ConfigFileInvalid,EcsTools.Commands.StartEcsTaskCommand", output);
        Assert.Contains("error id=AccessDenied,EcsTools.Commands.StopEcsTaskCommand", output);
        Assert.Contains("error id=CredentialsFailed,EcsTools.Commands.StartEcsTaskCommand", output);
        Assert.Contains("error id=InvalidParameter,EcsTools.Commands.SetEcsTaskSetCommand", output);
        Assert.Contains("Authorization: " + Mask, output);
        Assert.Contains("X-Amz-Security-Token: " + Mask, output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("its error output is not shown", output);
        Assert.Contains("WarningRecord: DescribeTasks failed", output);
        Assert.Contains(identity.Requests, r => r.PathAndQuery.Contains("role_name=Failing", StringComparison.Ordinal));
        Assert.Contains(identity.Requests, r => r.Body.Contains("%2Ffailing", StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.Operation == "RunTask" && r.StatusCode == 200);
    }

    private static readonly (string Name, string Setup, string With, string Teardown)[] Sources =
    [
        ("parameters -AccessKey/-SecretKey/-SessionToken", "", "@{ AccessKey = 'AKIDPARAMETERS01'; SecretKey = $S.params; SessionToken = $S.paramsToken }", ""),
        ("-Credential", "", "@{ Credential = [pscredential]::new('AKIDCREDENTIAL01', (ConvertTo-SecureString $S.credential -AsPlainText -Force)) }", ""),
        ("environment variables",
            "$env:AWS_ACCESS_KEY_ID = 'AKIDENVIRONMENT1'; $env:AWS_SECRET_ACCESS_KEY = $S.env; $env:AWS_SESSION_TOKEN = $S.envToken", "@{}",
            "Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY, env:AWS_SESSION_TOKEN"),
        ("credentials file profile", "", "@{ ProfileName = 'filekeys' }", ""),
        ("config file profile", "", "@{ ProfileName = 'cfgkeys' }", ""),
        ("credential_process", "", "@{ ProfileName = 'proc' }", ""),
        ("failing credential_process that prints its secret", "", "@{ ProfileName = 'procfail' }", ""),
        ("$StoredAWSCredentials",
            "$global:StoredAWSCredentials = [pscustomobject]@{ Name = 'stand-in' }; $global:StoredAWSCredentials.PSObject.Methods.Add("
            + "[System.Management.Automation.PSScriptMethod]::new('GetCredentials', { [pscustomobject]@{ AccessKey = 'AKIDSTOREDCREDS1'; SecretKey = $S.stored; Token = $S.storedToken } }))",
            "@{}", "Remove-Variable StoredAWSCredentials -Scope Global"),
        ("SSO (token cache, portal credentials)", "", "@{ ProfileName = 'sso' }", ""),
        ("SSO portal error repeating the bearer token", "", "@{ ProfileName = 'ssofail' }", ""),
        ("assume-role (source profile, STS credentials)", "", "@{ ProfileName = 'role' }", ""),
        ("STS error repeating the signed request", "", "@{ ProfileName = 'rolefail' }", ""),
    ];

    private static readonly (string Name, string Run)[] Modes =
    [
        ("success, -Verbose -Debug", "Start-EcsTask web -Cluster demo -LaunchType EC2 @w -Verbose -Debug"),
        ("5xx text body repeating the request headers", "Get-EcsTask -Cluster demo -Task 0123456789abcdef0123456789abcdef @w -Verbose -Debug"),
        ("4xx JSON error repeating the request headers", "Stop-EcsTask -Cluster demo -Task 0123456789abcdef0123456789abcdef -Confirm:$false @w -Verbose -Debug"),
        ("500 ServerException", "Get-EcsTaskSet -Cluster demo -Service checkout @w -Verbose -Debug"),
        ("dropped connection", "Remove-EcsTaskSet -Cluster demo -Service checkout -TaskSet ecs-svc/1234567890123456789 -Force -Confirm:$false @w -Verbose -Debug"),
        ("4xx JSON error repeating header values without their names",
            "Set-EcsTaskSet -Cluster demo -Service checkout -TaskSet ecs-svc/1234567890123456789 -Scale 50 -Confirm:$false @w -Verbose -Debug"),
        ("wait whose polls fail (warnings; no -Debug, which makes warnings prompt)", "Start-EcsTask web -Cluster demo -LaunchType EC2 -WaitUntil Running -PollInterval 0.05 @w -Verbose"),
        // The SDK reads AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE once a process: the files in use get a bad line
        // (in a profile nobody uses) and are put back afterwards.
        ("malformed credentials file (a line without '=' in an unused profile)",
            "Break-File $CredentialsFile $S.badCred; try { Start-EcsTask web -Cluster demo -LaunchType EC2 @w -Verbose -Debug } finally { Repair-File $CredentialsFile }"),
        ("malformed config file (a line without '=' in an unused profile)",
            "Break-File $ConfigFile $S.badConfig; try { Start-EcsTask web -Cluster demo -LaunchType EC2 @w -Verbose -Debug } finally { Repair-File $ConfigFile }"),
    ];

    private void WriteAwsFiles()
    {
        var aws = Directory.CreateDirectory(Path.Combine(_home, ".aws")).FullName;
        var ok = Script("proc-ok.sh",
            $$"""echo '{"Version": 1, "AccessKeyId": "AKIDPROCESS00001", "SecretAccessKey": "{{_secrets["procOut"]}}", "SessionToken": "{{_secrets["procOutToken"]}}"}'""");
        var fail = Script("proc-fail.sh", $"echo 'could not refresh: the old key {_secrets["procErr"]} was revoked' >&2; exit 3");
        File.WriteAllText(Path.Combine(aws, "credentials"),
            $"[filekeys]\naws_access_key_id = AKIDFILEKEYS0001\naws_secret_access_key = {_secrets["file"]}\naws_session_token = {_secrets["fileToken"]}\n"
            + $"[unused]\naws_access_key_id = AKIDUNUSED000001\naws_secret_access_key = {_secrets["unused"]}\n"
            + $"[base]\naws_access_key_id = AKIDSOURCEBASE01\naws_secret_access_key = {_secrets["base"]}\n");
        const string StartUrl = "https://example.awsapps.com/start";
        File.WriteAllText(Path.Combine(aws, "config"),
            $"[profile cfgkeys]\naws_access_key_id = AKIDCONFIGKEYS01\naws_secret_access_key = {_secrets["config"]}\n"
            + $"[profile proc]\ncredential_process = {ok}\n[profile procfail]\ncredential_process = {fail}\n"
            + "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n"
            + "[profile rolefail]\nrole_arn = arn:aws:iam::123456789012:role/failing\nsource_profile = base\n"
            + $"[profile sso]\nsso_start_url = {StartUrl}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Deployer\n"
            + $"[profile ssofail]\nsso_start_url = {StartUrl}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Failing\n");
        var cache = Directory.CreateDirectory(Path.Combine(aws, "sso", "cache")).FullName;
        File.WriteAllText(Path.Combine(cache, Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(StartUrl))).ToLowerInvariant() + ".json"),
            $$"""{"startUrl":"{{StartUrl}}","region":"us-east-1","accessToken":"{{_secrets["ssoCache"]}}","expiresAt":"2099-01-01T00:00:00Z"}""");
    }

    private string Script(string name, string body)
    {
        var path = Path.Combine(_home, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    private string WriteScript(string transcript)
    {
        var script = new StringBuilder();
        script.AppendLine("$global:S = @{");
        foreach (var (name, secret) in _secrets)
        {
            script.AppendLine($"    {name} = '{secret}'");
        }

        script.AppendLine("}");
        script.AppendLine($"$CredentialsFile = '{Path.Combine(_home, ".aws", "credentials")}'; $ConfigFile = '{Path.Combine(_home, ".aws", "config")}'");
        script.AppendLine($"Import-Module '{TestPaths.ModuleManifest}' -ErrorAction Stop");
        script.AppendLine($"Start-Transcript -Path '{transcript}' | Out-Null");
        script.AppendLine("""
            $ProgressPreference = 'SilentlyContinue'
            function Break-File([string] $Path, [string] $Secret) {
                Copy-Item $Path "$Path.good"
                Add-Content $Path "[profile broken]`naws_secret_access_key $Secret"
            }
            function Repair-File([string] $Path) { Move-Item "$Path.good" $Path -Force }
            function Show-Record($r) {
                if ($r -is [System.Management.Automation.ErrorRecord]) {
                    "error id=$($r.FullyQualifiedErrorId)"
                    $r | Out-String -Width 4096
                    $r | Format-List * -Force | Out-String -Width 4096
                } elseif ($r -is [System.Management.Automation.InformationRecord]) { "InformationRecord: $($r.MessageData)" }
                elseif ($r -is [System.Management.Automation.InformationalRecord]) { "$($r.GetType().Name): $($r.Message)" }
                else { 'output: ' + ($r | Format-List * | Out-String -Width 4096) }
            }
            function Invoke-Probe([string] $Source, [string] $Mode, [hashtable] $w, [scriptblock] $Run) {
                "=== $Source | $Mode"
                $Error.Clear()
                $records = try { & $Run $w *>&1 } catch { $_ }
                foreach ($r in @($records)) { Show-Record $r }
                "errors=$($Error.Count)"
                foreach ($err in @($Error)) {
                    if ($err -is [System.Management.Automation.ErrorRecord]) {
                        $err | Get-Error | Out-String -Width 4096
                        'bound: ' + (($err.InvocationInfo.BoundParameters.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join '; ')
                        "target: $($err.TargetObject)"
                        "details: $($err.ErrorDetails.Message) | $($err.ErrorDetails.RecommendedAction)"
                        $e = $err.Exception
                    } else { $e = $err }
                    while ($e) {
                        'exception: ' + $e.ToString()
                        $e | Format-List * -Force | Out-String -Width 4096
                        foreach ($k in $e.Data.Keys) { "data: $k=$($e.Data[$k])" }
                        $e = $e.InnerException
                    }
                }
            }
            """);
        foreach (var source in Sources)
        {
            script.AppendLine(source.Setup);
            foreach (var mode in Modes)
            {
                script.AppendLine($"Invoke-Probe '{source.Name.Replace("'", "''", StringComparison.Ordinal)}' '{mode.Name.Replace("'", "''", StringComparison.Ordinal)}' {source.With} {{ param($w) {mode.Run} }}");
            }

            script.AppendLine(source.Teardown);
        }

        script.AppendLine("Stop-Transcript | Out-Null");
        var path = Path.Combine(_home, "probe.ps1");
        File.WriteAllText(path, script.ToString());
        return path;
    }

    /// <summary>Runs the script in `dotnet pwsh` (the tool manifest at the repository root) with these environment changes.</summary>
    private static async Task<(int ExitCode, string Output)> RunPwshAsync(string script, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        // The tool manifest's pwsh 7.6.10: restored here too, so the test needs no manual step (quick when it is there).
        var restore = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", "tool restore")
        {
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("dotnet did not start.");
        await restore.StandardOutput.ReadToEndAsync();
        await restore.WaitForExitAsync();
        restore.Dispose();

        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["pwsh", "-NoProfile", "-NonInteractive", "-NoLogo", "-File", script])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        // HOME is the test's: the tool manifest and the NuGet cache still have to be found.
        start.Environment["DOTNET_CLI_HOME"] = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        start.Environment["NUGET_PACKAGES"] = TestPaths.NuGetPackageRoot;
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new System.Threading.CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pwsh did not finish within {timeout.TotalSeconds} s:{Environment.NewLine}{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Around(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        return text[Math.Max(0, at - 1500)..Math.Min(text.Length, at + secret.Length + 300)];
    }
}

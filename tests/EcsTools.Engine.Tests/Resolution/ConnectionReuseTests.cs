using System;
using System.IO;
using System.Linq;
using System.Reflection;
using EcsTools.Engine.Resolution;
using EcsTools.Engine.Tests.Client;
using Xunit;

namespace EcsTools.Engine.Tests.Resolution;

/// <summary>
/// <see cref="EcsConnectionCache"/> skips resolving (reading and parsing the profile files) when the settings, the AWS_*
/// environment variables and the files' stamps are what they were, and resolves again when any of them changes.
/// Synchronous tests: <see cref="ConnectionResolver.Resolutions"/> counts the resolutions of the test's own thread.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ConnectionReuseTests : IDisposable
{
    private static readonly DateTime s_longAgo = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private int _writes;

    // One folder for the class: the SDK reads AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE once per process.
    private static readonly string s_directory = Path.Combine(Path.GetTempPath(), "ecstools-reuse-" + Environment.ProcessId);
    private readonly string _directory = s_directory;
    private readonly string _credentials;
    private readonly string _sharedCredentials;
    private readonly string _config;
    private readonly EnvironmentScope _environment;

    public ConnectionReuseTests()
    {
        Directory.CreateDirectory(_directory);
        // The profile comes from -ProfileLocation (read on every resolution). AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE
        // are what the SDK read first in this process, so here they are only files whose stamps count.
        _credentials = Path.Combine(_directory, "credentials");
        _sharedCredentials = Path.Combine(_directory, "shared-credentials");
        _config = Path.Combine(_directory, "config");
        Write(_credentials, "[reuse]\naws_access_key_id = AKIDREUSEBEFORE1\naws_secret_access_key = before-secret\nregion = eu-west-1\n", settled: true);
        Write(_sharedCredentials, "", settled: true);
        Write(_config, "", settled: true);
        _environment = new EnvironmentScope(
            ("AWS_SHARED_CREDENTIALS_FILE", _sharedCredentials), ("AWS_CONFIG_FILE", _config), ("AWS_PROFILE", null),
            ("AWS_REGION", null), ("AWS_DEFAULT_REGION", null), ("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null),
            ("AWS_SESSION_TOKEN", null), ("AWS_ENDPOINT_URL", null), ("AWS_ENDPOINT_URL_ECS", null), ("AWS_MAX_ATTEMPTS", null),
            ("AWS_EC2_METADATA_DISABLED", "true"));
        EcsConnectionCache.Clear();
    }

    private EcsConnectionSettings Settings => new() { EndpointUrl = "http://127.0.0.1:9", ProfileLocation = _credentials, ProfileName = "reuse" };

    [Fact]
    public void Unchanged_inputs_reuse_the_connection_without_resolving_again()
    {
        var first = Get(Settings, expectResolution: true);
        Assert.Equal("eu-west-1", first.Region);

        var second = Get(Settings, expectResolution: false);
        var third = Get(Settings with { }, expectResolution: false);

        Assert.Same(first, second);
        Assert.Same(first, third);
    }

    [Fact]
    public void A_changed_parameter_is_resolved_again()
    {
        var first = Get(Settings, expectResolution: true);

        var otherRegion = Get(Settings with { Region = "us-west-2", RegionOrigin = "-Region" }, expectResolution: true);
        var otherTimeout = Get(Settings with { RequestTimeout = TimeSpan.FromSeconds(5) }, expectResolution: true);
        var keys = Get(Settings with { AccessKey = "AKIDEXPLICITKEY1", SecretKey = "explicit-secret" }, expectResolution: true);

        Assert.Equal("us-west-2", otherRegion.Region);
        Assert.Equal(TimeSpan.FromSeconds(5), otherTimeout.RequestTimeout);
        Assert.Contains("-AccessKey/-SecretKey", keys.CredentialSource, StringComparison.Ordinal);
        Assert.Equal(4, new[] { first.Id, otherRegion.Id, otherTimeout.Id, keys.Id }.Distinct().Count());
        Assert.Same(first, Get(Settings, expectResolution: false));
    }

    [Fact]
    public void A_changed_environment_variable_is_resolved_again()
    {
        var keys = new EcsConnectionSettings { EndpointUrl = "http://127.0.0.1:9", AccessKey = "AKIDENVIRONMENT1", SecretKey = "environment-secret" };
        var first = Get(keys, expectResolution: true);
        Assert.Equal("us-east-1", first.Region);

        Environment.SetEnvironmentVariable("AWS_REGION", "ap-southeast-2");
        var region = Get(keys, expectResolution: true);
        Assert.Equal("ap-southeast-2", region.Region);
        Assert.Same(region, Get(keys, expectResolution: false));

        // Any AWS_* variable counts: this one changes nothing the connection shows, and the resolution finds the same one.
        Environment.SetEnvironmentVariable("AWS_MAX_ATTEMPTS", "3");
        Assert.Same(region, Get(keys, expectResolution: true));

        Environment.SetEnvironmentVariable("AWS_REGION", null);
        Assert.Same(first, Get(keys, expectResolution: true));
    }

    [Fact]
    public void An_edited_credentials_or_config_file_is_resolved_again()
    {
        var first = Get(Settings, expectResolution: true);
        Assert.Contains("ORE1", first.CredentialSource, StringComparison.Ordinal);

        // Settled stamps are trusted: the same size with another time of last write is an edit.
        Write(_credentials, "[reuse]\naws_access_key_id = AKIDREUSEAFTER01\naws_secret_access_key = after-secret1\nregion = eu-west-1\n", settled: true);
        var rekeyed = Get(Settings, expectResolution: true);
        Assert.NotSame(first, rekeyed);
        Assert.Contains("ER01", rekeyed.CredentialSource, StringComparison.Ordinal);

        Write(_credentials, "[reuse]\naws_access_key_id = AKIDREUSEAFTER01\naws_secret_access_key = after-secret1\nregion = ca-central-1\n", settled: true);
        var moved = Get(Settings, expectResolution: true);
        Assert.Equal("ca-central-1", moved.Region);
        Assert.Same(moved, Get(Settings, expectResolution: false));

        // The shared files count too, even when -ProfileLocation names another: the config file applies to every profile.
        Write(_config, "[default]\n", settled: true);
        Assert.Same(moved, Get(Settings, expectResolution: true));
        Write(_sharedCredentials, "[default]\n", settled: true);
        Assert.Same(moved, Get(Settings, expectResolution: true));
        Assert.Same(moved, Get(Settings, expectResolution: false));
    }

    [Fact]
    public void The_file_AWS_SHARED_CREDENTIALS_FILE_names_now_is_read_whatever_the_SDK_read_first()
    {
        // AWSSDK.Core fixes its default credentials file the first time it looks (the default file when the variable
        // named no file then); a variable set or changed later does not move it. Here the SDK's file is sdk-credentials,
        // which has the profile, while AWS_SHARED_CREDENTIALS_FILE names shared-credentials, as in a session that set the
        // variable after its first command: the profile comes from the file the variable names now, as with botocore,
        // never silently from another account's file.
        var sdkCredentials = Path.Combine(_directory, "sdk-credentials");
        Write(sdkCredentials, "[sdk]\naws_access_key_id = AKIDSDKFILEBEFOR\naws_secret_access_key = sdk-before-secret\nregion = eu-west-1\n", settled: true);
        var path = typeof(Amazon.Runtime.CredentialManagement.SharedCredentialsFile).GetProperty(
            nameof(Amazon.Runtime.CredentialManagement.SharedCredentialsFile.DefaultFilePath), BindingFlags.Public | BindingFlags.Static)!;
        var sdkPath = path.GetValue(null);
        path.SetValue(null, sdkCredentials);
        try
        {
            var settings = new EcsConnectionSettings { EndpointUrl = "http://127.0.0.1:9", ProfileName = "sdk" };
            var missing = Assert.Throws<EcsConfigurationException>(() => Get(settings, expectResolution: true));
            Assert.Contains(_sharedCredentials, missing.Message, StringComparison.Ordinal);

            // The file the variable names gets the profile: read at once.
            Write(_sharedCredentials, "[sdk]\naws_access_key_id = AKIDVARIABLEAAA1\naws_secret_access_key = variable-secret\nregion = eu-west-1\n", settled: true);
            var fromVariable = Get(settings, expectResolution: true);
            Assert.Contains("AAA1", fromVariable.CredentialSource, StringComparison.Ordinal);
            Assert.Same(fromVariable, Get(settings, expectResolution: false));

            // The variable pointed at another file in the session: that file's keys.
            var other = Path.Combine(_directory, "other-shared-credentials");
            Write(other, "[sdk]\naws_access_key_id = AKIDOTHERFILEBB2\naws_secret_access_key = other-secret\nregion = eu-west-1\n", settled: true);
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", other);
            var moved = Get(settings, expectResolution: true);
            Assert.Contains("EBB2", moved.CredentialSource, StringComparison.Ordinal);
            Assert.Equal(["sdk"], EcsProfiles.ListNames());

            // ... and at a file that does not exist: no profile, not the SDK's file.
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_directory, "no-such-credentials"));
            Assert.Throws<EcsConfigurationException>(() => Get(settings, expectResolution: true));
        }
        finally
        {
            path.SetValue(null, sdkPath);
        }
    }

    [Fact]
    public void An_edit_behind_a_symbolic_link_is_resolved_again()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Symbolic links need a privilege there.
        }

        // A profile file that is a link (a dotfile manager's, or a mounted secret that rotates behind ..data links): the
        // SDK reads the file it points to, so that file's stamp counts, not the link's.
        var target = Path.Combine(_directory, "linked-credentials");
        var link = Path.Combine(_directory, "link-to-credentials");
        Write(target, "[linked]\naws_access_key_id = AKIDLINKEDBEFORE\naws_secret_access_key = linked-secret-1\nregion = eu-west-1\n", settled: true);
        File.CreateSymbolicLink(link, target);
        SetLinkTime(link, s_longAgo); // the link's own stamp, settled (the link itself never changes below)
        var settings = Settings with { ProfileLocation = link, ProfileName = "linked" };
        var first = Get(settings, expectResolution: true);
        Assert.Contains("FORE", first.CredentialSource, StringComparison.Ordinal);
        Assert.Same(first, Get(settings, expectResolution: false));

        Write(target, "[linked]\naws_access_key_id = AKIDLINKEDAFTER1\naws_secret_access_key = linked-secret-2\nregion = eu-west-1\n", settled: true);
        var rekeyed = Get(settings, expectResolution: true);
        Assert.NotSame(first, rekeyed);
        Assert.Contains("TER1", rekeyed.CredentialSource, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_written_just_now_is_resolved_on_every_call_until_it_settles()
    {
        Write(_credentials, "[reuse]\naws_access_key_id = AKIDREUSEJUSTNOW\naws_secret_access_key = just-now-secret\nregion = eu-west-1\n", settled: false);

        var first = Get(Settings, expectResolution: true);
        var second = Get(Settings, expectResolution: true);
        Assert.Same(first, second);

        File.SetLastWriteTimeUtc(_credentials, s_longAgo.AddHours(1));
        Get(Settings, expectResolution: true);
        Get(Settings, expectResolution: false);
    }

    [Fact]
    public void A_new_ProfileLocation_file_is_noticed()
    {
        var location = Path.Combine(_directory, "other-credentials");
        var settings = Settings with { ProfileLocation = location, ProfileName = "other", Region = "us-east-1" };
        Assert.Throws<EcsConfigurationException>(() => EcsConnectionCache.Get(settings));

        Write(location, "[other]\naws_access_key_id = AKIDOTHERFILE001\naws_secret_access_key = other-secret\n", settled: true);
        var created = Get(settings, expectResolution: true);
        Assert.Contains("E001", created.CredentialSource, StringComparison.Ordinal);
        Assert.Same(created, Get(settings, expectResolution: false));
    }

    [Fact]
    public void Every_environment_variable_the_SDK_reads_takes_part()
    {
        // The SDK's names are UTF-16 literals in AWSSDK.Core; AWS_ENDPOINT_URL_ and AWS_BEARER_TOKEN_ are prefixes of
        // per-service names, whose ECS forms are in the list.
        var bytes = File.ReadAllBytes(typeof(Amazon.Runtime.AWSCredentials).Assembly.Location);
        var text = System.Text.Encoding.Unicode.GetString(bytes, 0, bytes.Length & ~1)
            + System.Text.Encoding.Unicode.GetString(bytes, 1, (bytes.Length - 1) & ~1);
        var names = System.Text.RegularExpressions.Regex.Matches(text, "AWS_[A-Z0-9_]{2,60}").Select(m => m.Value)
            .Where(n => n is not "AWS_ENDPOINT_URL_" and not "AWS_BEARER_TOKEN_").Distinct().ToList();

        Assert.Contains("AWS_SHARED_CREDENTIALS_FILE", names);
        Assert.Empty(names.Except(ResolutionInputs.Variables));
        Assert.Contains("AWS_ENDPOINT_URL_ECS", ResolutionInputs.Variables);
        Assert.Contains("AWS_BEARER_TOKEN_ECS", ResolutionInputs.Variables);
    }

    public void Dispose()
    {
        EcsConnectionCache.Clear();
        _environment.Dispose();
        foreach (var file in Directory.GetFiles(_directory))
        {
            File.Delete(file);
        }
    }

    private static EcsConnection Get(EcsConnectionSettings settings, bool expectResolution)
    {
        var before = ConnectionResolver.Resolutions;
        var connection = EcsConnectionCache.Get(settings);
        Assert.Equal(expectResolution ? before + 1 : before, ConnectionResolver.Resolutions);
        return connection;
    }

    // lutimes: the times of the link itself (File.SetLastWriteTimeUtc sets those of its target).
    private static void SetLinkTime(string link, DateTime utc)
    {
        var seconds = new DateTimeOffset(utc).ToUnixTimeSeconds();
        Assert.Equal(0, LinkTimes(link, [seconds, 0, seconds, 0]));
        Assert.Equal(utc, new FileInfo(link).LastWriteTimeUtc);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "lutimes", SetLastError = true)]
    private static extern int LinkTimes([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, long[] times);

    private void Write(string path, string text, bool settled)
    {
        File.WriteAllText(path, text);
        if (settled)
        {
            // A distinct time far enough in the past for the stamp to be trusted.
            File.SetLastWriteTimeUtc(path, s_longAgo.AddMinutes(++_writes));
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Session;

/// <summary>
/// One client per region, endpoint and credential source, reused across inputs and commands; a new one when the
/// region, the keys or the profile's contents change. -Verbose names the client ("ECS client #7 (reused)").
/// </summary>
public sealed class ConnectionCacheTests
{
    private const string Run = "Start-EcsTask web -Cluster demo -LaunchType EC2 -Verbose";

    [Fact]
    public async Task The_same_settings_reuse_the_client_and_a_changed_region_or_secret_gets_a_new_one()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var first = Client(host.Run(Run));
        Assert.Equal((first.Id, false), Client(host.Run("'web', 'web' | Start-EcsTask -Cluster demo -LaunchType EC2 -Verbose")));

        var otherRegion = Client(host.Run(Run + " -Region eu-west-1"));
        Assert.True(otherRegion.New);
        Assert.Equal((first.Id, false), Client(host.Run(Run)));

        var rotated = Client(host.Run(Run + " -SecretKey rotated-secret"));
        Assert.True(rotated.New);
        Assert.Equal((rotated.Id, false), Client(host.Run(Run + " -SecretKey rotated-secret")));

        // The rotated secret replaced the old one under the same access key: going back opens a new client.
        var back = Client(host.Run(Run));
        Assert.True(back.New);
        Assert.NotEqual(first.Id, back.Id);
    }

    [Fact]
    public async Task An_edited_profile_gets_a_new_client_and_an_unchanged_one_keeps_its_client()
    {
        var directory = SessionKit.TempDirectory();
        var file = Path.Combine(directory, "credentials");
        await File.WriteAllTextAsync(file, "[edited]\naws_access_key_id = AKIDBEFOREEDIT01\naws_secret_access_key = before\n");
        await using var host = await LocalEcsHost.StartAsync();
        var withProfile = Run + " -ProfileName edited -ProfileLocation $args[0]";

        var before = Client(host.Run(withProfile, file));
        Assert.Equal((before.Id, false), Client(host.Run(withProfile, file)));

        await File.WriteAllTextAsync(file, "[edited]\naws_access_key_id = AKIDAFTEREDIT001\naws_secret_access_key = after\n");
        var after = Client(host.Run(withProfile, file));
        Assert.True(after.New);
        Assert.Equal(
            ["AKIDBEFOREEDIT01", "AKIDBEFOREEDIT01", "AKIDAFTEREDIT001"],
            host.Server.RequestsFor("RunTask").Select(r => SessionKit.Scope(r).AccessKey));
        Directory.Delete(directory, true);
    }

    [Fact]
    public async Task The_connection_lines_follow_the_verbose_preference_and_Debug_as_well_as_Verbose()
    {
        await using var host = await LocalEcsHost.StartAsync();
        const string start = "Start-EcsTask web -Cluster demo -LaunchType EC2";

        var quiet = host.Run(start);
        quiet.EnsureSuccess();
        Assert.Empty(quiet.Verbose);

        var preference = host.Run("$VerbosePreference = 'Continue'; " + start);
        preference.EnsureSuccess();
        Assert.Contains(preference.Verbose, v => v.StartsWith("ECS region: ", StringComparison.Ordinal));
        Assert.Contains(preference.Verbose, v => v.StartsWith("ECS client #", StringComparison.Ordinal));

        var off = host.Run("$VerbosePreference = 'Continue'; " + start + " -Verbose:$false");
        off.EnsureSuccess();
        Assert.DoesNotContain(off.Verbose, v => v.StartsWith("ECS ", StringComparison.Ordinal));

        var debug = host.Run(start + " -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message");
        debug.EnsureSuccess();
        Assert.Contains(debug.Output, o => o.BaseObject is string line && line.StartsWith("ECS client #", StringComparison.Ordinal));
    }

    private static (int Id, bool New) Client(PsResult result)
    {
        result.EnsureSuccess();
        var line = Assert.Single(result.Verbose, v => v.StartsWith("ECS client #", StringComparison.Ordinal));
        var id = int.Parse(line["ECS client #".Length..line.IndexOf(' ', "ECS client #".Length)], System.Globalization.CultureInfo.InvariantCulture);
        return (id, line.EndsWith("(new).", StringComparison.Ordinal));
    }
}

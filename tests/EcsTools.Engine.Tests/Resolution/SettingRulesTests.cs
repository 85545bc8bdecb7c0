using System;
using System.IO;
using EcsTools.Engine;
using EcsTools.Engine.Resolution;
using Xunit;

namespace EcsTools.Engine.Tests.Resolution;

public sealed class SettingRulesTests
{
    [Theory]
    [InlineData("us-east-1")]
    [InlineData("us-gov-west-1")]
    [InlineData("cn-north-1")]
    [InlineData("ap-southeast-7")]
    [InlineData("eusc-de-east-1")]
    [InlineData("us-isob-east-1")]
    public void Region_names_of_every_partition_pass(string region) => Assert.Equal(region, SettingRules.Region(region, "-Region"));

    [Theory]
    [InlineData("aws:x")]
    [InlineData("Grüße")]
    [InlineData("US-EAST-1")]
    [InlineData("us-east-1\n")]
    [InlineData(" us-east-1")]
    [InlineData("-us-east-1")]
    [InlineData("us-east-1-")]
    [InlineData("us_east_1")]
    [InlineData("")]
    public void Anything_else_is_an_invalid_region(string region)
    {
        var e = Assert.Throws<EcsConfigurationException>(() => SettingRules.Region(region, "-Region"));
        Assert.Equal(SettingRules.InvalidRegion, e.Setting);
    }

    [Fact]
    public void A_long_region_is_shown_cut_with_its_length()
    {
        var e = Assert.Throws<EcsConfigurationException>(() => SettingRules.Region(new string('a', 1 << 20), "-Region"));
        Assert.True(e.Message.Length < 400, e.Message);
        Assert.Contains("1048576 characters", e.Message);
    }

    [Theory]
    [InlineData("prod\n")]
    [InlineData("a]b")]
    [InlineData("[x")]
    [InlineData(" prod")]
    [InlineData("prod ")]
    [InlineData("")]
    public void Impossible_profile_names_are_refused(string name)
    {
        var e = Assert.Throws<EcsConfigurationException>(() => SettingRules.ProfileName(name, "-ProfileName"));
        Assert.Equal(SettingRules.InvalidProfileName, e.Setting);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("prod-admin")]
    [InlineData("sso:team.dev")]
    [InlineData("profile with spaces")]
    public void Ordinary_profile_names_pass(string name) => SettingRules.ProfileName(name, "-ProfileName");

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    [InlineData("/proc/self/status")]
    [InlineData("/tmp")]
    public void Devices_system_files_and_directories_are_not_profile_files(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var e = Assert.Throws<EcsConfigurationException>(() => SettingRules.ProfileFile(path, "-ProfileLocation"));
        Assert.Equal(SettingRules.InvalidProfileFile, e.Setting);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_and_one_at_the_limit_is_not()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[SettingRules.MaxProfileFileBytes]);
            SettingRules.ProfileFile(path, "-ProfileLocation");
            File.WriteAllBytes(path, new byte[SettingRules.MaxProfileFileBytes + 1]);
            var e = Assert.Throws<EcsConfigurationException>(() => SettingRules.ProfileFile(path, "-ProfileLocation"));
            Assert.Equal(SettingRules.ProfileFileTooLarge, e.Setting);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_left_to_the_profile_lookup() => SettingRules.ProfileFile("/nonexistent/credentials", "-ProfileLocation");
}

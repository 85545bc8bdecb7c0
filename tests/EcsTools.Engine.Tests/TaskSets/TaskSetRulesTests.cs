using System;
using EcsTools.Engine.TaskSets;
using Xunit;

namespace EcsTools.Engine.Tests.TaskSets;

/// <summary>CreateTaskSet's client tokens and the scale limit.</summary>
public sealed class TaskSetRulesTests
{
    [Fact]
    public void Without_a_token_each_call_gets_a_new_one()
    {
        var first = TaskSetRules.ClientTokenFor(null, 0);
        var second = TaskSetRules.ClientTokenFor(null, 0);
        Assert.True(Guid.TryParse(first, out _), first);
        Assert.NotEqual(first, second);
        Assert.InRange(first.Length, 1, TaskSetRules.MaxClientTokenLength);
    }

    [Fact]
    public void The_first_input_sends_the_users_token_as_it_is()
    {
        Assert.Equal("deploy-42", TaskSetRules.ClientTokenFor("deploy-42", 0));
        Assert.Equal("0123456789abcdef0123456789abcdef0123", TaskSetRules.ClientTokenFor("0123456789abcdef0123456789abcdef0123", 0));
    }

    // Pinned: the same command run again must send the same tokens, release after release, or it would create new task sets.
    [Theory]
    [InlineData("deploy-42", 1, "deploy-42-p2")]
    [InlineData("deploy-42", 9, "deploy-42-p10")]
    [InlineData("0123456789abcdef0123456789abcdef", 1, "0123456789abcdef0123456789abcdef-p2")]
    [InlineData("release-2026-12-06-checkout-blue-1", 1, "c094ac28932cab59fb049d76332bf6062-p2")]
    [InlineData("0123456789abcdef0123456789abcdef0123", 1, "fa8e5a7249b05e880cb299fd8c0ace1f4-p2")]
    [InlineData("0123456789abcdef0123456789abcdef0123", 11, "fa8e5a7249b05e880cb299fd8c0ace1f-p12")]
    public void Later_inputs_send_tokens_derived_from_the_users_the_same_every_time(string given, int inputIndex, string expected)
    {
        Assert.Equal(expected, TaskSetRules.ClientTokenFor(given, inputIndex));
        Assert.Equal(expected, TaskSetRules.ClientTokenFor(given, inputIndex));
        Assert.InRange(expected.Length, 1, TaskSetRules.MaxClientTokenLength);
    }

    [Fact]
    public void Derived_tokens_of_one_command_are_distinct()
    {
        var tokens = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            Assert.True(tokens.Add(TaskSetRules.ClientTokenFor("0123456789abcdef0123456789abcdef0123", i)), $"input {i} repeats a token");
        }
    }

    [Fact]
    public void A_negative_input_index_is_a_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TaskSetRules.ClientTokenFor("x", -1));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(33.3, true)]
    [InlineData(-0.01, false)]
    [InlineData(100.01, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(double.NegativeInfinity, false)]
    public void A_scale_is_a_percentage_from_0_to_100(double percent, bool valid)
    {
        Assert.Equal(valid, TaskSetRules.IsValidScale(percent));
    }
}

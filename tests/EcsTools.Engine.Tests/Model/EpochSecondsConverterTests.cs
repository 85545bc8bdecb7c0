using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcsTools.Engine.Model;
using Xunit;

namespace EcsTools.Engine.Tests.Model;

public sealed class EpochSecondsConverterTests
{
    private static readonly JsonSerializerOptions s_options = new() { Converters = { new EpochSecondsConverter() } };

    private static readonly JsonSerializerOptions s_reflectionOptions =
        new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [Theory]
    [InlineData("1795499455.102", 1_795_499_455_102L)]
    [InlineData("1795499455", 1_795_499_455_000L)]
    [InlineData("1795499455.1", 1_795_499_455_100L)]
    [InlineData("1795499455.0", 1_795_499_455_000L)]
    [InlineData("1795499455.1029", 1_795_499_455_103L)]
    [InlineData("1.795499455102E9", 1_795_499_455_102L)]
    [InlineData("0", 0L)]
    [InlineData("-1.5", -1_500L)]
    [InlineData("\"2026-11-24T16:30:55.102Z\"", 1_795_537_855_102L)]
    [InlineData("\"2026-11-24T17:30:55.102+01:00\"", 1_795_537_855_102L)]
    [InlineData("\"2026-11-24T16:30:55Z\"", 1_795_537_855_000L)]
    [InlineData("\"1795499455.102\"", 1_795_499_455_102L)]
    public void Reads_EpochSecondsAndIsoStrings(string json, long expectedMilliseconds)
    {
        DateTimeOffset value = JsonSerializer.Deserialize<DateTimeOffset>(json, s_options);

        Assert.Equal(expectedMilliseconds, value.ToUnixTimeMilliseconds());
        Assert.Equal(0, value.Ticks % TimeSpan.TicksPerMillisecond);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\"not a time\"")]
    [InlineData("{}")]
    [InlineData("1e30")]
    public void Rejects_WhatIsNotATimestamp(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, s_options));
    }

    [Theory]
    [InlineData(1_795_499_455_102L, "1795499455.102")]
    [InlineData(1_795_499_455_000L, "1795499455")]
    [InlineData(1_795_499_455_100L, "1795499455.1")]
    [InlineData(1_795_499_455_010L, "1795499455.01")]
    [InlineData(0L, "0")]
    [InlineData(-1_500L, "-1.5")]
    public void Writes_EpochSecondsWithMillisecondFraction(long milliseconds, string expected)
    {
        string json = JsonSerializer.Serialize(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), s_options);

        Assert.Equal(expected, json);
    }

    [Fact]
    public void Writes_UtcInstant_WhateverTheOffset()
    {
        var local = new DateTimeOffset(2026, 11, 24, 17, 30, 55, 102, TimeSpan.FromHours(1));

        Assert.Equal("1795537855.102", JsonSerializer.Serialize(local, s_options));
    }

    [Fact]
    public void NullableProperty_UsesTheConverter_WithSourceGeneration()
    {
        var task = new TaskData { CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_795_499_455_102) };

        string json = JsonSerializer.Serialize(task, EcsJsonContext.Default.TaskData);
        TaskData back = JsonSerializer.Deserialize("""{"createdAt":1795499455.102,"stoppedAt":null}""", EcsJsonContext.Default.TaskData)!;

        Assert.Equal("""{"createdAt":1795499455.102}""", json);
        Assert.Equal(task.CreatedAt, back.CreatedAt);
        Assert.Null(back.StoppedAt);
        Assert.Null(back.StartedAt);
    }

    [Fact]
    public void NullableProperty_UsesTheConverter_WithReflection()
    {
        var task = new TaskData { CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_795_499_455_102) };

        string json = JsonSerializer.Serialize(task, s_reflectionOptions);
        TaskData back = JsonSerializer.Deserialize<TaskData>("""{"createdAt":"2026-11-24T16:30:55.102Z","stoppedAt":null}""", s_reflectionOptions)!;

        Assert.Equal("""{"createdAt":1795499455.102}""", json);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_795_537_855_102), back.CreatedAt);
        Assert.Null(back.StoppedAt);
    }
}

using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EcsTools.LocalEcs.State;

/// <summary>Identifiers in the shapes ECS uses, from one random source (seedable for reproducible runs). Not thread-safe: used under the engine lock.</summary>
internal sealed class IdGenerator
{
    private readonly Random _random;

    public IdGenerator(int? seed) => _random = seed is { } s ? new Random(s) : new Random();

    /// <summary>32 lower-case hex digits (task and container instance ids).</summary>
    public string Hex32() => Hex(32);

    /// <summary>A task set or deployment id: <c>ecs-svc/</c> and 19 digits.</summary>
    public string EcsServiceId()
    {
        var digits = new StringBuilder("ecs-svc/");
        digits.Append((char)('1' + _random.Next(9)));
        for (int i = 1; i < 19; i++)
        {
            digits.Append((char)('0' + _random.Next(10)));
        }

        return digits.ToString();
    }

    public string Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        string hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    public string Ec2InstanceId() => "i-" + Hex(17);

    public string NetworkInterfaceId() => "eni-" + Hex(17);

    public string MacAddress()
    {
        Span<byte> bytes = stackalloc byte[5];
        _random.NextBytes(bytes);
        return "0e:" + string.Join(':', bytes.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    public string PrivateIp() => string.Create(CultureInfo.InvariantCulture, $"10.0.{_random.Next(0, 64)}.{_random.Next(4, 255)}");

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    private string Hex(int length)
    {
        var bytes = new byte[(length + 1) / 2];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes)[..length];
    }
}

namespace EcsTools;

/// <summary>An ECS resource tag. Objects with Key and Value bind to -Tag.</summary>
public sealed class EcsTag
{
    public EcsTag(string key, string value)
    {
        Key = key;
        Value = value;
    }

    public string Key { get; }

    public string Value { get; }

    public override string ToString() => $"{Key}={Value}";
}

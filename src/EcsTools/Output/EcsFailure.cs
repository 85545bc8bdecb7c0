namespace EcsTools;

/// <summary>One entry of an ECS response's failures list: the target object of the error it becomes.</summary>
public sealed class EcsFailure
{
    public EcsFailure(string? arn, string? reason, string? detail)
    {
        Arn = arn;
        Reason = reason;
        Detail = detail;
    }

    public string? Arn { get; }

    public string? Reason { get; }

    public string? Detail { get; }

    public override string ToString() => $"{Arn}: {Reason}" + (string.IsNullOrEmpty(Detail) ? "" : $" ({Detail})");
}

namespace EcsTools.Engine.Model;

internal sealed partial class TaskOverride
{
    /// <summary>A shallow copy: composing overrides changes the copy's members, never the parsed template's.</summary>
    internal TaskOverride Copy() => (TaskOverride)MemberwiseClone();
}

internal sealed partial class ContainerOverride
{
    /// <summary>A shallow copy (see <see cref="TaskOverride.Copy"/>).</summary>
    internal ContainerOverride Copy() => (ContainerOverride)MemberwiseClone();
}

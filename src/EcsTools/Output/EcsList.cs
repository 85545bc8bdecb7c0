using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace EcsTools;

/// <summary>
/// The list properties of the output types (Containers, Tags, LoadBalancers...). ToString() joins the items' own
/// ToString() with "; ", so that Export-Csv and ConvertTo-Csv write "web (RUNNING); log-router (RUNNING)" rather than
/// a type name.
/// </summary>
public sealed class EcsList<T> : ReadOnlyCollection<T>
{
    internal EcsList(IEnumerable<T> items)
        : base(items.ToList())
    {
    }

    public override string ToString() => string.Join("; ", this.Select(i => i?.ToString()));
}

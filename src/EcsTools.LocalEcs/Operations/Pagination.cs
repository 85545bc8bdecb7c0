using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EcsTools.LocalEcs.Protocol;

namespace EcsTools.LocalEcs.Operations;

/// <summary>maxResults/nextToken paging as the List operations document it. The token is opaque to clients and tied to the operation.</summary>
internal static class Pagination
{
    public static (List<T> Page, string? NextToken) Page<T>(OperationContext context, IReadOnlyList<T> items, int defaultMax = 100, int limit = 100)
    {
        int max = context.Int("maxResults") ?? defaultMax;
        if (max < 1 || max > limit)
        {
            throw ServerErrors.InvalidParameter($"maxResults must be between 1 and {limit}.");
        }

        int offset = 0;
        if (context.String("nextToken") is { } token)
        {
            offset = Decode(context.Operation, token);
        }

        List<T> page = items.Skip(offset).Take(max).ToList();
        string? next = offset + page.Count < items.Count ? Encode(context.Operation, offset + page.Count) : null;
        return (page, next);
    }

    private static string Encode(string operation, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"localecs/{operation}/{offset.ToString(CultureInfo.InvariantCulture)}"));

    private static int Decode(string operation, string token)
    {
        try
        {
            string[] parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('/');
            if (parts.Length == 3 && parts[0] == "localecs" && parts[1] == operation
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw ServerErrors.InvalidParameter("Invalid nextToken value.");
    }
}

namespace AmiAutomation.Lambda.Tests.Iam.Policy;

/// <summary>
/// One authorization IAM makes: an action on one resource ARN (<c>*</c> for actions without resource-level
/// permissions) with the request context the template's conditions read. <see cref="Origin"/> says which call (or
/// which implied or companion permission of a call) produced it, for failure messages.
/// </summary>
internal sealed record IamRequest(string Action, string Resource)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Tags of the resource as it is when the call is made (<c>aws:ResourceTag/…</c>, <c>ec2:ResourceTag/…</c>).</summary>
    public IReadOnlyDictionary<string, string> ResourceTags { get; init; } = None;

    /// <summary>Tags the request writes (<c>aws:RequestTag/…</c>, <c>aws:TagKeys</c>).</summary>
    public IReadOnlyDictionary<string, string> RequestTags { get; init; } = None;

    /// <summary>Services that made the call on the caller's behalf, first to last (<c>aws:CalledVia</c>); empty for a direct call.</summary>
    public IReadOnlyList<string> CalledVia { get; init; } = [];

    /// <summary>Any other single-valued key, e.g. <c>kms:ViaService</c>, <c>ec2:CreateAction</c>.</summary>
    public IReadOnlyDictionary<string, string> Context { get; init; } = None;

    public string Origin { get; init; } = string.Empty;

    public string Namespace => Action[..Math.Max(0, Action.IndexOf(':', StringComparison.Ordinal))];

    /// <summary>The values of condition key <paramref name="key"/> (names compare case-insensitively, like IAM's);
    /// null when the request context does not have the key.</summary>
    public IReadOnlyList<string>? ValuesOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var resourceTag = TagKey(key, "aws:ResourceTag/") ?? TagKey(key, "ec2:ResourceTag/");
        if (resourceTag is not null)
        {
            return Single(Tag(ResourceTags, resourceTag));
        }

        if (TagKey(key, "aws:RequestTag/") is { } requestTag)
        {
            return Single(Tag(RequestTags, requestTag));
        }

        if (key.Equals("aws:TagKeys", StringComparison.OrdinalIgnoreCase))
        {
            return RequestTags.Count == 0 ? null : [.. RequestTags.Keys];
        }

        if (key.Equals("aws:CalledVia", StringComparison.OrdinalIgnoreCase))
        {
            return CalledVia.Count == 0 ? null : CalledVia;
        }

        if (key.Equals("aws:CalledViaFirst", StringComparison.OrdinalIgnoreCase))
        {
            return CalledVia.Count == 0 ? null : [CalledVia[0]];
        }

        if (key.Equals("aws:CalledViaLast", StringComparison.OrdinalIgnoreCase))
        {
            return CalledVia.Count == 0 ? null : [CalledVia[^1]];
        }

        var matches = Context.Where(kv => kv.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Select(kv => kv.Value).ToList();
        return matches.Count == 0 ? null : matches;
    }

    public override string ToString()
    {
        var via = CalledVia.Count == 0 ? string.Empty : $" via {string.Join(" > ", CalledVia)}";
        var origin = Origin.Length == 0 ? string.Empty : $" [{Origin}]";
        return $"{Action} on {Resource}{via}{origin}";
    }

    private static string? TagKey(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? key[prefix.Length..] : null;

    /// <summary>Tag keys in condition keys are case-insensitive; two tags that differ only in case are ambiguous.</summary>
    private static string? Tag(IReadOnlyDictionary<string, string> tags, string key)
    {
        var matches = tags.Where(kv => kv.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0].Value,
            _ => throw new InvalidOperationException($"Tags [{string.Join(", ", matches.Select(m => m.Key))}] differ only in case; IAM's reading of them is not modelled."),
        };
    }

    private static IReadOnlyList<string>? Single(string? value) => value is null ? null : [value];
}

namespace AmiAutomation.Core.Replication;

/// <summary>A <c>key=value</c> tag an image must carry to be copied by policy (<c>COPY_TAG_SELECTOR</c>).</summary>
public sealed record CopyTagSelector(string Key, string Value)
{
    /// <summary>Parses <c>key=value</c> (the value may be empty, the key may not); null when malformed.</summary>
    public static CopyTagSelector? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var index = text.IndexOf('=', StringComparison.Ordinal);
        if (index <= 0)
        {
            return null;
        }

        var key = text[..index].Trim();
        return key.Length == 0 ? null : new CopyTagSelector(key, text[(index + 1)..].Trim());
    }

    public bool Matches(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.TryGetValue(Key, out var value) && string.Equals(value, Value, StringComparison.Ordinal);
    }

    public override string ToString() => $"{Key}={Value}";
}

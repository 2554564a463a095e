using System.Globalization;
using System.Text;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// What a copy must carry, recorded on the copy itself when it starts (TagSpecifications of CopyImage, so it exists
/// from the first moment the copy does): the source's launch permissions and deprecation time. The finisher uses it
/// when the source is gone by then (expired, deregistered by hand), so finishing never depends on the source existing.
/// </summary>
/// <remarks>
/// <para>Tags on the copy, not a ledger item: they are written in the same call that creates the copy, cost nothing,
/// survive Lambda restarts, and the finisher in the destination region already reads the copy's tags.</para>
/// <para><c>ami-lifecycle:copy-record</c> = <c>deprecate=&lt;RFC 3339|none&gt; shares=&lt;count|unknown&gt;</c> marks a
/// record; <c>ami-lifecycle:copy-shares:1</c> … <c>:4</c> hold the shares, space separated (<c>all</c>, account ids,
/// organisation and OU ARNs), at most 256 characters each (EC2's limit for a tag value). Shares that do not fit are
/// counted but not listed: the finisher then reports the record as incomplete.</para>
/// </remarks>
public sealed record CopyRecord(DateTimeOffset? DeprecationTime, IReadOnlyList<LaunchPermission>? Shares, int? ShareCount)
{
    public const string Key = TagNames.Prefix + "copy-record";
    public const string SharesKeyPrefix = TagNames.Prefix + "copy-shares:";
    public const int MaxShareTags = 4;
    public const int MaxValueLength = 256;

    /// <summary>True when every share counted at the start is listed (unknown shares are not complete).</summary>
    public bool IsComplete => Shares is not null && ShareCount is { } count && count == Shares.Count;

    public static bool IsRecordKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key == Key || key.StartsWith(SharesKeyPrefix, StringComparison.Ordinal);
    }

    /// <summary>The tags recording <paramref name="source"/>'s state; <paramref name="shares"/> null = could not be read.</summary>
    public static IReadOnlyDictionary<string, string> Tags(AmiImage source, IReadOnlyList<LaunchPermission>? shares)
    {
        ArgumentNullException.ThrowIfNull(source);
        var distinct = shares?.Distinct().ToList();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Key] = string.Create(
                CultureInfo.InvariantCulture,
                $"deprecate={(source.DeprecationTime is { } d ? TagTime.Format(d) : "none")} shares={(distinct is null ? "unknown" : distinct.Count.ToString(CultureInfo.InvariantCulture))}"),
        };
        var index = 1;
        var value = new StringBuilder();
        foreach (var entry in (distinct ?? []).Select(Encode))
        {
            if (value.Length > 0 && value.Length + 1 + entry.Length > MaxValueLength)
            {
                tags[SharesKeyPrefix + index.ToString(CultureInfo.InvariantCulture)] = value.ToString();
                value.Clear();
                index++;
            }

            if (index > MaxShareTags || entry.Length > MaxValueLength)
            {
                break;
            }

            value.Append(value.Length > 0 ? " " : string.Empty).Append(entry);
        }

        if (value.Length > 0 && index <= MaxShareTags)
        {
            tags[SharesKeyPrefix + index.ToString(CultureInfo.InvariantCulture)] = value.ToString();
        }

        return tags;
    }

    /// <summary>The record on <paramref name="copy"/>; null when there is none (a copy started by an older version).</summary>
    public static CopyRecord? Read(AmiImage copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (copy.Tag(Key) is not { } marker)
        {
            return null;
        }

        DateTimeOffset? deprecation = null;
        int? count = null;
        foreach (var part in marker.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("deprecate=", StringComparison.Ordinal) && TagTime.TryParse(part["deprecate=".Length..], out var at))
            {
                deprecation = at;
            }
            else if (part.StartsWith("shares=", StringComparison.Ordinal)
                && int.TryParse(part["shares=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                count = n;
            }
        }

        var shares = new List<LaunchPermission>();
        for (var i = 1; i <= MaxShareTags; i++)
        {
            foreach (var entry in (copy.Tag(SharesKeyPrefix + i.ToString(CultureInfo.InvariantCulture)) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Decode(entry) is { } permission && !shares.Contains(permission))
                {
                    shares.Add(permission);
                }
            }
        }

        return new CopyRecord(deprecation, count is null ? null : shares, count);
    }

    private static string Encode(LaunchPermission permission) => permission.Kind == LaunchPermissionKind.Public ? "all" : permission.Value;

    private static LaunchPermission? Decode(string entry)
    {
        if (entry == "all")
        {
            return LaunchPermission.Public;
        }

        if (entry.Length == 12 && entry.All(char.IsAsciiDigit))
        {
            return new LaunchPermission(LaunchPermissionKind.Account, entry);
        }

        if (entry.StartsWith("arn:", StringComparison.Ordinal) && entry.Contains(":organization/", StringComparison.Ordinal))
        {
            return new LaunchPermission(LaunchPermissionKind.Organization, entry);
        }

        return entry.StartsWith("arn:", StringComparison.Ordinal) && entry.Contains(":ou/", StringComparison.Ordinal)
            ? new LaunchPermission(LaunchPermissionKind.OrganizationalUnit, entry)
            : null;
    }
}

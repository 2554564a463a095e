using AmiAutomation.Core.Restore;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// Finds environment variables that look like ours but are not (<c>EXPIRE_KEEP_NEWST</c>): a misspelt name is
/// otherwise silently ignored and its default applies. A variable looks like ours when it is not AWS's or Lambda's
/// (<see cref="SettingNames.IsForeign"/>) and either its first word (up to the first '_') is the first word of one of
/// our names (<c>EXPIRE_</c>, <c>DEPRECATE_</c>, <c>COPY_</c>, <c>RESTORE_</c>, <c>AMI_</c>, <c>FAMILY_</c>, <c>DRY_</c>, …)
/// or it is at most <see cref="MaxTypoDistance"/> edits from one of our names (<c>DRYRUN</c>).
/// </summary>
public static class UnknownSettings
{
    /// <summary>Edits (insert, delete, replace a character) within which a name with another first word still counts as a typo.</summary>
    public const int MaxTypoDistance = 2;

    private static readonly HashSet<string> FirstWords = SettingNames.All.Select(FirstWord).ToHashSet(StringComparer.Ordinal);

    /// <summary>The names among <paramref name="names"/> that look like ours and are not, each with the closest known name.</summary>
    public static IReadOnlyList<(string Name, string Closest)> Find(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var found = new List<(string, string)>();
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(name) || SettingNames.All.Contains(name) || SettingNames.IsForeign(name))
            {
                continue;
            }

            var (closest, distance) = Closest(name);
            if (FirstWords.Contains(FirstWord(name)) || distance <= MaxTypoDistance)
            {
                found.Add((name, closest));
            }
        }

        return found;
    }

    /// <summary>One start-up warning per unknown variable that looks like ours.</summary>
    public static IReadOnlyList<string> Warnings(IEnumerable<string> names) =>
        [.. Find(names).Select(u => $"environment variable {u.Name} is not a setting of this product and is ignored; did you mean {u.Closest}?")];

    /// <summary>The known name with the fewest edits from <paramref name="name"/> (ties: alphabetical).</summary>
    public static (string Name, int Distance) Closest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var best = (Name: string.Empty, Distance: int.MaxValue);
        foreach (var known in SettingNames.All)
        {
            var distance = NearMatchFinder.Distance(name, known);
            if (distance < best.Distance)
            {
                best = (known, distance);
            }
        }

        return best;
    }

    private static string FirstWord(string name)
    {
        var index = name.IndexOf('_', StringComparison.Ordinal);
        return index <= 0 ? name : name[..index];
    }
}

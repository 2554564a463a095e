using System.Globalization;
using AmiAutomation.Core.Families;

namespace AmiAutomation.Core.Restore;

/// <summary>
/// Resolves a <see cref="RestoreTarget"/> to one image. Pure: the caller gathers the candidates (Recycle Bin
/// entries joined with ledger records, and DescribeImages for those not in the bin).
/// </summary>
/// <remarks>
/// <para>Matching: an id matches exactly; a name matches the bin's or the ledger's name exactly (ordinal); a family
/// matches the ledger's family, or for an image without a ledger record the family derived from its name.</para>
/// <para>Choice: the match deregistered most recently (Recycle Bin enter time, else the ledger's record time, which
/// is written just before deregistration) that is still in the bin or is registered again. A registered choice means
/// an earlier restore got that far: the caller finishes it (or reports it as already restored), so repeating a
/// name or family restore never brings back a second, older image. Matches that are neither in the bin nor
/// registered are gone for good and are passed over with a note.</para>
/// </remarks>
public static class RestoreTargetSelector
{
    public static RestoreSelection Select(RestoreTarget target, IEnumerable<RestoreCandidate> candidates, FamilyResolver families)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(families);

        var matches = candidates.Where(c => Matches(target, c, families)).ToList();
        matches.Sort(RestoreCandidate.CompareNewestFirst);
        var chosen = matches.FirstOrDefault(c => c.IsAvailableToRestore);
        var notes = new List<string>();
        foreach (var gone in matches.TakeWhile(c => !ReferenceEquals(c, chosen)))
        {
            notes.Add($"{gone.ImageId} ({gone.Name}, deregistered {Describe(gone.DeregisteredAt)}) matches {target} "
                + "but is neither in the Recycle Bin nor registered: it is gone for good.");
        }

        var olderInBin = chosen is null
            ? []
            : matches.SkipWhile(c => !ReferenceEquals(c, chosen)).Skip(1).Where(c => c.InRecycleBin).Select(c => c.ImageId).ToList();
        if (olderInBin.Count > 0)
        {
            notes.Add($"{olderInBin.Count} older match(es) of {target} stay in the Recycle Bin ({string.Join(", ", olderInBin.Take(10))}); "
                + "restore one of them by imageId.");
        }

        return new RestoreSelection { Chosen = chosen, Matches = matches, Notes = notes };
    }

    public static bool Matches(RestoreTarget target, RestoreCandidate candidate, FamilyResolver families)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(candidate);
        return target.Kind switch
        {
            RestoreTargetKind.ImageId => string.Equals(candidate.ImageId, target.Value, StringComparison.Ordinal),
            RestoreTargetKind.Name => string.Equals(candidate.Bin?.Name, target.Value, StringComparison.Ordinal)
                || string.Equals(candidate.Ledger?.Name, target.Value, StringComparison.Ordinal),
            _ => string.Equals(candidate.FamilyUsing(families), target.Value, StringComparison.Ordinal),
        };
    }

    /// <summary>The values a target of <paramref name="kind"/> could have named: what near-match suggestions search.</summary>
    public static IEnumerable<string> KnownValues(RestoreTargetKind kind, IEnumerable<RestoreCandidate> candidates, FamilyResolver families)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(families);
        return kind switch
        {
            RestoreTargetKind.ImageId => candidates.Select(c => c.ImageId),
            RestoreTargetKind.Name => candidates.SelectMany(c => new[] { c.Bin?.Name, c.Ledger?.Name }).OfType<string>(),
            _ => candidates.Select(c => c.FamilyUsing(families)),
        };
    }

    private static string Describe(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "at an unknown time";
}

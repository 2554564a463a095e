using AmiAutomation.Core.Deprecation;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// The deprecation a copy should get, kept as what is wanted rather than as a time: EC2 checks the time against its own
/// clock when the call arrives and refuses one in the past, so the time is worked out (<see cref="At"/>) right before
/// EnableImageDeprecation, not when the finish was planned (the shares before it can take minutes).
/// </summary>
/// <param name="Wanted">The source's deprecation time (live or recorded).</param>
/// <param name="PublicLimit">For a copy being made public: its creation + 2 years (EC2's limit for public images).</param>
/// <param name="Existing">The copy's deprecation time now; an earlier or equal one is kept.</param>
public sealed record CopyDeprecation(DateTimeOffset Wanted, DateTimeOffset? PublicLimit, DateTimeOffset? Existing)
{
    /// <summary>The time to send at <paramref name="now"/>: never in the past (now + 1 minute, rounded up to the minute),
    /// within EC2's limits; null when the copy is already deprecated at or before it.</summary>
    public DateTimeOffset? At(DateTimeOffset now)
    {
        var earliest = DeprecationLimits.Earliest(now);
        var latest = now + CopyFinishPlanner.MaxDeprecationAhead;
        if (PublicLimit is { } limit && limit < latest)
        {
            latest = limit;
        }

        var at = Wanted < earliest ? earliest : Wanted > latest ? latest : Wanted;
        return Existing is { } existing && existing <= at ? null : at;
    }
}

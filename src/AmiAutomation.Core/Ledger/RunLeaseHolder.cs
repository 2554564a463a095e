namespace AmiAutomation.Core.Ledger;

/// <summary>Who holds (or wants) the run lease of a scope (the region), since when and until when.</summary>
/// <param name="Scope">What the lease covers: the region (the table belongs to one account).</param>
/// <param name="RunId">The invocation's request id.</param>
/// <param name="Function">expire, deprecate or restore.</param>
/// <param name="Since">When the run took the lease.</param>
/// <param name="ExpiresAt">When the lease lapses by itself: the invocation's deadline plus a margin, so a crashed run
/// never blocks the next one for longer than one Lambda timeout.</param>
public sealed record RunLeaseHolder(string Scope, string RunId, string Function, DateTimeOffset Since, DateTimeOffset ExpiresAt)
{
    /// <summary>For a blocked run's reason: <c>run 1a2b… (expire) since 2026-03-04T10:00:00Z, lapses 10:16:00Z</c>.</summary>
    public string Describe() =>
        $"run {RunId} ({Function}) since {Since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, lapses at {ExpiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
}

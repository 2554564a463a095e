namespace AmiAutomation.Core.Restorability;

/// <summary>
/// What <see cref="RestorabilityCheck"/> found. Restorable when <see cref="Problems"/> is empty; each problem names
/// what is missing (resource type, tag, rule).
/// </summary>
public sealed record RestorabilityVerdict(IReadOnlyList<string> Problems)
{
    /// <summary>The longest retention that may apply to the image (available or pending rules that match or may match).</summary>
    public int? ImageRetentionDays { get; init; }

    /// <summary>The shortest, over the snapshots, of the retention guaranteed to apply (available rules that surely match).</summary>
    public int? SnapshotRetentionDays { get; init; }

    public bool IsRestorable => Problems.Count == 0;

    public string Reason => string.Join("; ", Problems);
}

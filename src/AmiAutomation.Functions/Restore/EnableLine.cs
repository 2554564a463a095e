namespace AmiAutomation.Functions.Restore;

/// <summary>One image of an <c>enable</c> call in the restore function's output.</summary>
public sealed record EnableLine
{
    public required string ImageId { get; init; }

    /// <summary><c>enabled</c>, <c>already-available</c>, <c>dry-run</c>, <c>not-found</c>, <c>not-owned</c>,
    /// <c>wrong-state</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Launch permissions re-applied (would be, in a dry run), as <c>Account 111122223333</c>,
    /// <c>Organization arn:…</c>, <c>OrganizationalUnit arn:…</c>.</summary>
    public IReadOnlyList<string> Reapplied { get; init; } = [];

    /// <summary>Recorded launch permissions not re-applied on purpose (public without RESTORE_ALLOW_PUBLIC).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>The <c>ami-lifecycle:keep-until</c> written; absent when the image was held already.</summary>
    public DateTimeOffset? HeldUntil { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<string> Problems { get; init; } = [];
}

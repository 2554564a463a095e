namespace AmiAutomation.Functions.Restore;

/// <summary>One step of a restore in the output: what, on which resource, with which outcome (see <c>OutcomeNames</c>).</summary>
public sealed record RestoreStepLine
{
    /// <summary><c>RestoreSnapshot</c>, <c>AwaitSnapshots</c>, <c>RestoreImage</c>, <c>ApplyTags</c>, <c>RemoveTags</c>, <c>AddLaunchPermissions</c>,
    /// <c>RemovePublicAccess</c>, <c>SetDeprecation</c>, <c>ClearDeprecation</c> or <c>MarkLedgerRestored</c>.</summary>
    public required string Step { get; init; }

    public required string Target { get; init; }

    /// <summary><c>succeeded</c>, <c>dry-run</c>, <c>failed</c> or <c>not-started</c>.</summary>
    public required string Outcome { get; init; }

    public string? Detail { get; init; }

    public string? ErrorCode { get; init; }
}

using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Disabling;

/// <summary>What enabling one image takes, from what is observed now (so a second call plans only what is left).</summary>
public sealed record EnablePlan
{
    /// <summary>The image is disabled: send EnableImage.</summary>
    public bool Enable { get; init; }

    /// <summary>Recorded launch permissions the image lacks now (never group <c>all</c> unless the policy allows).</summary>
    public IReadOnlyList<LaunchPermission> LaunchPermissionsToAdd { get; init; } = [];

    /// <summary>Recorded launch permissions left off on purpose (group <c>all</c> without RESTORE_ALLOW_PUBLIC).</summary>
    public IReadOnlyList<LaunchPermission> LaunchPermissionsSkipped { get; init; } = [];

    /// <summary>The <c>ami-lifecycle:keep-until</c> to write; null when the image is held at least that long already.</summary>
    public DateTimeOffset? HoldUntil { get; init; }

    /// <summary>The ledger's disable record is to be marked enabled.</summary>
    public bool MarkRecordEnabled { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}

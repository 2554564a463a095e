using AmiAutomation.Core.Restore;

namespace AmiAutomation.Aws.Disabling;

/// <summary>How <see cref="DisabledImageEnabler"/> works in one region.</summary>
public sealed record EnableOptions
{
    public required string Region { get; init; }

    /// <summary>This account; when known, an image owned by another account is refused.</summary>
    public string? AccountId { get; init; }

    /// <summary>The hold (RESTORE_HOLD_DAYS) and public access (RESTORE_ALLOW_PUBLIC) of the restore function.</summary>
    public RestorePolicy Policy { get; init; } = new();
}

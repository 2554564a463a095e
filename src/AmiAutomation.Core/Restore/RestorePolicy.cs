namespace AmiAutomation.Core.Restore;

/// <summary>How a restored image is put back: its hold, public access and deprecation.</summary>
public sealed record RestorePolicy
{
    public static readonly TimeSpan DefaultHold = TimeSpan.FromDays(14);

    /// <summary>Re-apply a recorded public launch permission (group <c>all</c>)? Default false: never public.</summary>
    public bool AllowPublic { get; init; }

    public RestoreDeprecationMode Deprecation { get; init; } = RestoreDeprecationMode.Ledger;

    /// <summary>How long the restored image is held (<c>ami-lifecycle:keep-until</c> = now + this).</summary>
    public TimeSpan Hold { get; init; } = DefaultHold;
}

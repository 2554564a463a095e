using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Ledger;

/// <summary>
/// What an image had before the disable stage disabled it: DisableImage removes every launch permission for good and
/// EnableImage does not bring them back (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/disable-an-ami.html), so
/// they are kept here. Written before each DisableImage (no record, no disable); the enable operation reads it. It also
/// dates the disable: expire with the stage on counts its days from <see cref="DisabledAt"/>.
/// </summary>
public sealed record DisableRecord
{
    public required string ImageId { get; init; }
    public required string Region { get; init; }
    public required string Name { get; init; }
    public required string Family { get; init; }

    /// <summary>The image's state when recorded (<c>available</c> for every disable the stage plans).</summary>
    public required ImageState State { get; init; }

    /// <summary>Every explicit launch permission (accounts, organizations, OUs, and group <c>all</c> when public).</summary>
    public IReadOnlyList<LaunchPermission> LaunchPermissions { get; init; } = [];

    public DateTimeOffset? DeprecationTime { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public required string RunId { get; init; }

    /// <summary>Written (before DisableImage was sent).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public DisableRecordStatus Status { get; init; } = DisableRecordStatus.PendingDisable;

    /// <summary>When the disable was confirmed: after DisableImage returned, or when a later run first saw the image
    /// disabled; never earlier than the disable itself, so "disabled N days" is never over-counted.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    public DateTimeOffset? EnabledAt { get; init; }
}

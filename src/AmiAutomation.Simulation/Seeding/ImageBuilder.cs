using AmiAutomation.Core.Images;

namespace AmiAutomation.Simulation.Seeding;

/// <summary>
/// Describes an image to seed with <see cref="Ec2Simulator.AddImage"/>. Defaults: owned by the simulator's account,
/// <c>available</c>, created one day before the simulator's "now", EBS-backed with one 8 GiB root snapshot,
/// private, untagged, not deprecated, unprotected.
/// </summary>
public sealed class ImageBuilder
{
    internal string? ImageId { get; private set; }
    internal string? Name { get; private set; }
    internal string? Description { get; private set; }
    internal string? OwnerId { get; private set; }
    internal string? OwnerAlias { get; private set; }
    internal DateTimeOffset? CreationDate { get; private set; }
    internal TimeSpan? Age { get; private set; }
    internal string State { get; private set; } = "available";
    internal string? FailureReason { get; private set; }
    internal DateTimeOffset? DeprecationTime { get; private set; }
    internal DateTimeOffset? LastLaunchedTime { get; private set; }
    internal List<LaunchPermission> LaunchPermissions { get; } = [];
    internal List<KeyValuePair<string, string>> Tags { get; } = [];
    internal List<SnapshotSpec> Snapshots { get; } = [];
    internal bool IsInstanceStore { get; private set; }
    internal string? ImageLocation { get; private set; }
    internal bool? ProtectionWithCooldown { get; private set; }
    internal string? SourceImageId { get; private set; }
    internal string? SourceRegion { get; private set; }
    internal string? Platform { get; private set; }
    internal string? CreatedFromInstanceId { get; set; }
    internal TimeSpan? PendingFor { get; private set; }

    public ImageBuilder WithId(string imageId) { ImageId = imageId; return this; }

    public ImageBuilder Named(string name) { Name = name; return this; }

    public ImageBuilder WithDescription(string? description) { Description = description; return this; }

    /// <summary>A foreign owner (another account id); such images are visible only when public or shared with us.</summary>
    public ImageBuilder OwnedBy(string accountId, string? ownerAlias = null) { OwnerId = accountId; OwnerAlias = ownerAlias; return this; }

    public ImageBuilder CreatedAt(DateTimeOffset creationDate) { CreationDate = creationDate; Age = null; return this; }

    /// <summary>Created this long before the simulator's current time.</summary>
    public ImageBuilder CreatedAgo(TimeSpan age) { Age = age; CreationDate = null; return this; }

    public ImageBuilder CreatedDaysAgo(double days) => CreatedAgo(TimeSpan.FromDays(days));

    public ImageBuilder Tagged(string key, string value) { Tags.Add(new(key, value)); return this; }

    public ImageBuilder Tagged(IEnumerable<KeyValuePair<string, string>> tags) { Tags.AddRange(tags); return this; }

    /// <summary>Adds an EBS block device backed by a new snapshot (or by <paramref name="existingSnapshotId"/>, shared with another image).</summary>
    public ImageBuilder WithSnapshot(int sizeGiB = 8, bool encrypted = false, string? kmsKeyId = null, string? existingSnapshotId = null, string? snapshotId = null)
    {
        Snapshots.Add(new SnapshotSpec(sizeGiB, encrypted, kmsKeyId, existingSnapshotId, snapshotId));
        return this;
    }

    /// <summary>Instance store-backed: no snapshots, never binned, <c>ImageLocation</c> an S3 manifest.</summary>
    public ImageBuilder InstanceStore(string? manifestLocation = null) { IsInstanceStore = true; ImageLocation = manifestLocation; return this; }

    /// <summary><c>pending</c> until <paramref name="completesAfter"/> has passed on the simulator's clock (default: the
    /// simulator's CopyDuration for images with <see cref="CopiedFrom"/>, else its CreateImageDuration), then <c>available</c>.</summary>
    public ImageBuilder Pending(TimeSpan? completesAfter = null) { State = "pending"; PendingFor = completesAfter; return this; }

    public ImageBuilder Failed(string reason = "Client.InternalError: image creation failed") { State = "failed"; FailureReason = reason; return this; }

    /// <summary>Disabled: hidden from DescribeImages unless IncludeDisabled; launch permissions are dropped.</summary>
    public ImageBuilder Disabled() { State = "disabled"; return this; }

    /// <summary>Deprecation time (past: deprecated; future: scheduled). Stored as given (seeding skips the API's rounding).</summary>
    public ImageBuilder DeprecatedAt(DateTimeOffset at) { DeprecationTime = at; return this; }

    public ImageBuilder LastLaunchedAt(DateTimeOffset at) { LastLaunchedTime = at; return this; }

    public ImageBuilder Public() { LaunchPermissions.Add(LaunchPermission.Public); return this; }

    public ImageBuilder SharedWithAccount(string accountId) { LaunchPermissions.Add(new(LaunchPermissionKind.Account, accountId)); return this; }

    public ImageBuilder SharedWithOrganization(string organizationArn) { LaunchPermissions.Add(new(LaunchPermissionKind.Organization, organizationArn)); return this; }

    public ImageBuilder SharedWithOrganizationalUnit(string organizationalUnitArn) { LaunchPermissions.Add(new(LaunchPermissionKind.OrganizationalUnit, organizationalUnitArn)); return this; }

    public ImageBuilder DeregistrationProtected(bool withCooldown = false) { ProtectionWithCooldown = withCooldown; return this; }

    /// <summary>EC2's SourceImageId/SourceImageRegion, as on a copy.</summary>
    public ImageBuilder CopiedFrom(string sourceImageId, string sourceRegion) { SourceImageId = sourceImageId; SourceRegion = sourceRegion; return this; }

    public ImageBuilder Windows() { Platform = "windows"; return this; }

    internal sealed record SnapshotSpec(int SizeGiB, bool Encrypted, string? KmsKeyId, string? ExistingSnapshotId, string? SnapshotId);
}

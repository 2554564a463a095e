using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Replication;

/// <summary>A copy still pending longer than <see cref="CopyPolicy.StuckAfter"/>.</summary>
public sealed record StuckCopy(string CopyImageId, string Region, string? SourceImageId, DateTimeOffset PendingSince, TimeSpan PendingFor)
{
    /// <summary>The pending copies older than the policy allows, oldest first.</summary>
    public static IReadOnlyList<StuckCopy> Find(IEnumerable<AmiImage> copies, CopyPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(copies);
        ArgumentNullException.ThrowIfNull(policy);
        return [.. copies
            .Where(c => c.State == ImageState.Pending && now - c.CreationDate >= policy.StuckAfter)
            .OrderBy(c => c.CreationDate)
            .ThenBy(c => c.ImageId, StringComparer.Ordinal)
            .Select(c => new StuckCopy(c.ImageId, c.Region, CopyLineage.SourceImageId(c), c.CreationDate, now - c.CreationDate))];
    }
}

namespace AmiAutomation.Aws.Replication;

/// <summary>How <see cref="Ec2ImageReplicator"/> talks to EC2. Defaults are the production values.</summary>
public sealed record Ec2ReplicatorOptions
{
    public static Ec2ReplicatorOptions Default { get; } = new();

    /// <summary>
    /// Also look for copies by EC2's own <c>source-image-id</c> / <c>source-image-region</c> filters, not only by our
    /// lineage tags (catches a copy whose tags were lost). Default true. moto does not implement these filters
    /// (it answers HTTP 500): tests against moto switch this off.
    /// </summary>
    public bool FindCopiesBySourceImage { get; init; } = true;

    /// <summary>DescribeImages MaxResults for listings. Default 1000.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>Loop guard for paginated listings. Default 1000 pages.</summary>
    public int MaxPagesPerListing { get; init; } = 1000;

    /// <summary>Launch permissions per ModifyImageAttribute call. Default 500 (EC2 allows far more; smaller batches fail smaller).</summary>
    public int LaunchPermissionBatchSize { get; init; } = 500;
}

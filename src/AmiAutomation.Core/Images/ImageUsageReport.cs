namespace AmiAutomation.Core.Images;

/// <summary>
/// What an AMI usage report (CreateImageUsageReport; instances and launch templates, all accounts) says about one
/// image, as read in this run: the report relied on or awaited, and its entries when available.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/your-ec2-ami-usage.html: reports are asynchronous,
/// expire 30 days after creation, and may miss the last 24 h of instance and a few days of launch template activity.</remarks>
public sealed record ImageUsageReport
{
    /// <summary>The report's id (<c>amiur-…</c>); null when there is none.</summary>
    public string? ReportId { get; init; }

    public UsageReportState State { get; init; }

    /// <summary>When EC2 created the report (its age is measured from here: completion is no earlier).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>EC2's reason for an <see cref="UsageReportState.Error"/> report.</summary>
    public string? StateReason { get; init; }

    /// <summary>The report covers instances and launch templates in every account (as ours are created); a report
    /// someone created for fewer accounts or types is never taken as "unused". Default true.</summary>
    public bool CoversAllUse { get; init; } = true;

    /// <summary>Entries of an available report (empty: no use in any account).</summary>
    public IReadOnlyList<ImageUsageEntry> Entries { get; init; } = [];

    /// <summary>What this run did about it, for the reason text ("requested amiur-… in this run", "dry run: would
    /// request a new report"); null when nothing.</summary>
    public string? Action { get; init; }

    /// <summary>Total uses across accounts and resource types.</summary>
    public long TotalUses => Entries.Sum(e => e.Count);
}

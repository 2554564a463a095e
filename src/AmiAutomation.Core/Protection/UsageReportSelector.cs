using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Protection;

/// <summary>
/// Picks, from the usage reports EC2 holds for one image, the one that decides: the newest available report covering
/// every account and both resource types created within the max age (read its entries); otherwise a pending report is
/// awaited (EC2 allows one pending report per AMI); otherwise (none, stale, errored, partial) a new one is requested.
/// Pure: reports are EC2's state, so no state of ours is kept between runs.
/// </summary>
public static class UsageReportSelector
{
    public static UsageReportChoice Choose(IReadOnlyList<ImageUsageReport> reports, TimeSpan maxAge, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var fresh = reports
            .Where(r => r is { State: UsageReportState.Available, CoversAllUse: true, CreatedAt: { } created } && created >= now - maxAge && created <= now)
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefault();
        if (fresh is not null)
        {
            return new UsageReportChoice(fresh, ReadEntries: true, Request: false);
        }

        var pending = reports.Where(r => r.State == UsageReportState.Pending).OrderByDescending(r => r.CreatedAt).FirstOrDefault();
        if (pending is not null)
        {
            return new UsageReportChoice(pending, ReadEntries: false, Request: false);
        }

        var newest = reports.OrderByDescending(r => r.CreatedAt).FirstOrDefault();
        return new UsageReportChoice(newest, ReadEntries: false, Request: true);
    }
}

using AmiAutomation.Simulation.State;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Lazy time for usage reports: a pending report becomes available (its entries frozen from the seeded external
/// usage then) or error at ReadyAt; every report is deleted at ExpirationTime (creation + 30 days), as EC2 does.</summary>
internal static class UsageReportClock
{
    public static void Settle(RegionState region, DateTimeOffset now)
    {
        while (region.UsageReportDue.TryPeek(out var reportId, out var at) && at <= now)
        {
            region.UsageReportDue.Dequeue();
            if (region.UsageReports.Find(reportId) is not { } report)
            {
                continue;
            }

            if (report.State == "pending" && report.ReadyAt <= now)
            {
                Complete(region, report);
                region.UsageReportDue.Enqueue(report.ReportId, report.ExpirationTime);
            }
            else if (report.ExpirationTime <= now)
            {
                region.UsageReports.Remove(report.ReportId);
            }
        }
    }

    private static void Complete(RegionState region, SimUsageReport report)
    {
        if (report.FailureOnCompletion is { } failure)
        {
            report.State = "error";
            report.StateReason = failure;
            return;
        }

        report.State = "available";
        foreach (var ((accountId, resourceType), count) in region.ExternalUsage.GetValueOrDefault(report.ImageId) ?? [])
        {
            if (count > 0 && report.ResourceTypes.Contains(resourceType) && (report.AccountIds.Count == 0 || report.AccountIds.Contains(accountId)))
            {
                report.Entries.Add((accountId, resourceType, count));
            }
        }
    }
}

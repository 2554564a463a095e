using AmiAutomation.Simulation.State;

namespace AmiAutomation.Simulation;

/// <summary>Seeding and inspection of AMI usage in other accounts (what usage reports count).</summary>
public sealed partial class Ec2Simulator
{
    /// <summary>How many resources of <paramref name="resourceType"/> (<c>ec2:Instance</c>, <c>ec2:LaunchTemplate</c>, …)
    /// in <paramref name="accountId"/> use the image; 0 removes the use. Reports completing later count it.</summary>
    public void SetExternalUsage(string region, string imageId, string accountId, string resourceType, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Locked(_ =>
        {
            var state = RegionLocked(CheckRegion(region));
            if (!state.ExternalUsage.TryGetValue(imageId, out var usage))
            {
                usage = [];
                state.ExternalUsage[imageId] = usage;
            }

            usage[(accountId, resourceType)] = count;
            return 0;
        });
    }

    /// <summary>The next usage report created for the image ends in <c>error</c> with <paramref name="reason"/>.</summary>
    public void FailNextUsageReport(string region, string imageId, string reason = "InternalError") =>
        Locked(_ =>
        {
            RegionLocked(CheckRegion(region)).FailingUsageReports[imageId] = reason;
            return 0;
        });

    /// <summary>Usage reports of an image (id, state), oldest first; expired ones are gone.</summary>
    public IReadOnlyList<(string ReportId, string State)> UsageReportsOf(string region, string imageId) =>
        Locked(_ => (IReadOnlyList<(string, string)>)[.. RegionLocked(CheckRegion(region)).UsageReports.All
            .Where(r => r.ImageId == imageId).Select(r => (r.ReportId, r.State))]);
}

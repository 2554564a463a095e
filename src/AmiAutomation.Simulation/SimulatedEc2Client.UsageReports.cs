using AmiAutomation.Simulation.Operations;
using AmiAutomation.Simulation.Throttling;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation;

/// <summary>AMI usage reports (asynchronous, on the simulator's clock).</summary>
public sealed partial class SimulatedEc2Client
{
    public override Task<CreateImageUsageReportResponse> CreateImageUsageReportAsync(CreateImageUsageReportRequest request, CancellationToken cancellationToken = default) =>
        Invoke("CreateImageUsageReport", ThrottleBucket.Mutating, request, request?.DryRun, UsageReportOperations.Create, cancellationToken);

    public override Task<DescribeImageUsageReportsResponse> DescribeImageUsageReportsAsync(DescribeImageUsageReportsRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeImageUsageReports", ThrottleBucket.Describe, request ?? new DescribeImageUsageReportsRequest(), request?.DryRun, UsageReportOperations.Describe, cancellationToken);

    public override Task<DescribeImageUsageReportEntriesResponse> DescribeImageUsageReportEntriesAsync(DescribeImageUsageReportEntriesRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeImageUsageReportEntries", ThrottleBucket.Describe, request ?? new DescribeImageUsageReportEntriesRequest(), request?.DryRun, UsageReportOperations.DescribeEntries, cancellationToken);
}

using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Protection;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using CoreUsageReport = AmiAutomation.Core.Images.ImageUsageReport;
using SdkUsageReport = Amazon.EC2.Model.ImageUsageReport;

namespace AmiAutomation.Aws.Sharing;

/// <summary>
/// AMI usage reports of shared deregistration candidates: DescribeImageUsageReports (≤ 200 image ids a call, every
/// page) → <see cref="UsageReportSelector"/> per image → DescribeImageUsageReportEntries for the fresh reports relied on,
/// CreateImageUsageReport (ec2:Instance and ec2:LaunchTemplate, every account) for images with none usable and none
/// pending. A dry run sends CreateImageUsageReport with DryRun (permission check only) and says it would request.
/// Reports live in EC2 (30 days), so no state of ours. Any error fails the source (fail closed: images kept).
/// </summary>
/// <remarks>https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/your-ec2-ami-usage.html (one pending report per AMI,
/// 2,000 per account; entries only once available). IAM: ec2:DescribeImageUsageReports,
/// ec2:DescribeImageUsageReportEntries, ec2:CreateImageUsageReport.</remarks>
public sealed class UsageReportReader
{
    /// <summary>ImageId.N / ReportId.N limit of the describe calls.</summary>
    public const int MaxIdsPerCall = 200;
    public const string InstanceType = "ec2:Instance";
    public const string LaunchTemplateType = "ec2:LaunchTemplate";
    private const int MaxPages = 10_000;

    private readonly IEc2ClientFactory _clients;
    private readonly Ec2RateLimiterRegistry _rateLimiters;

    public UsageReportReader(IEc2ClientFactory clients, Ec2RateLimiterRegistry rateLimiters)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(rateLimiters);
        _clients = clients;
        _rateLimiters = rateLimiters;
    }

    /// <summary>Never throws for an EC2 failure: the source is reported Failed and unfinished images get no evidence.</summary>
    public async Task<UsageReportRead> ReadAsync(
        string region, IReadOnlyList<string> imageIds, TimeSpan maxAge, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        var run = new SourceRun(InventorySource.UsageReports);
        var evidence = new Dictionary<string, CoreUsageReport>(StringComparer.Ordinal);
        var calls = new Calls(_clients.ForRegion(region), _rateLimiters.ForRegion(region), run);
        try
        {
            var existing = await calls.ReportsAsync(imageIds, cancellationToken);
            var relied = new List<(string ImageId, CoreUsageReport Report)>();
            foreach (var imageId in imageIds)
            {
                var choice = UsageReportSelector.Choose(existing.GetValueOrDefault(imageId) ?? [], maxAge, now);
                if (choice.ReadEntries)
                {
                    relied.Add((imageId, choice.Report!));
                }
                else if (choice.Request)
                {
                    evidence[imageId] = await RequestAsync(calls, imageId, choice.Report, dryRun, now, cancellationToken);
                }
                else
                {
                    evidence[imageId] = choice.Report!;
                }
            }

            var entries = await calls.EntriesAsync([.. relied.Select(r => r.Report.ReportId!)], cancellationToken);
            foreach (var (imageId, report) in relied)
            {
                evidence[imageId] = report with
                {
                    Entries = [.. entries.GetValueOrDefault(report.ReportId!) ?? [], ],
                };
            }
        }
        catch (PagingTruncatedException ex)
        {
            run.Truncate(ex.Message);
        }
        catch (AmazonServiceException ex)
        {
            run.Fail($"{run.Operation} failed: {Ec2ErrorCodes.Describe(ex)}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Fail($"Cancelled during {run.Operation}.");
        }
#pragma warning disable CA1031 // Fail closed: any other error makes the source Failed (images without evidence are kept), never the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            run.Fail($"{run.Operation} failed: {ex.GetType().Name}: {ex.Message}");
        }

        run.Items = evidence.Count;
        return new UsageReportRead(evidence, run.ToReport());
    }

    private static async Task<CoreUsageReport> RequestAsync(
        Calls calls, string imageId, CoreUsageReport? previous, bool dryRun, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var why = previous is null ? "none existed" : $"the last one, {previous.ReportId}, is {(previous.State == UsageReportState.Available ? "too old or partial" : previous.State.ToString().ToLowerInvariant())}";
        var reportId = await calls.CreateAsync(imageId, dryRun, cancellationToken);
        return reportId is null
            ? (previous ?? new CoreUsageReport { State = UsageReportState.None }) with { Action = $"dry run: would request a new usage report ({why})" }
            : new CoreUsageReport { ReportId = reportId, State = UsageReportState.Pending, CreatedAt = now, Action = $"requested in this run ({why}); a later run reads it" };
    }

    /// <summary>Maps one SDK report; a report for fewer accounts or resource types is never relied on.</summary>
    internal static CoreUsageReport ToCore(SdkUsageReport report)
    {
        var types = (report.ResourceTypes ?? []).Select(t => t.ResourceType).ToHashSet(StringComparer.Ordinal);
        return new CoreUsageReport
        {
            ReportId = report.ReportId,
            State = report.State switch
            {
                "available" => UsageReportState.Available,
                "pending" => UsageReportState.Pending,
                "error" => UsageReportState.Error,
                _ => UsageReportState.Error,
            },
            CreatedAt = report.CreationTime is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
            StateReason = report.StateReason ?? (report.State is "available" or "pending" or "error" ? null : $"unknown state '{report.State}'"),
            CoversAllUse = (report.AccountIds is null || report.AccountIds.Count == 0) && types.Contains(InstanceType) && types.Contains(LaunchTemplateType),
        };
    }

    /// <summary>The EC2 calls, each through the rate limiter and counted on the source.</summary>
    private sealed class Calls(IAmazonEC2 client, Ec2RateLimiter limiter, SourceRun run)
    {
        public async Task<Dictionary<string, List<CoreUsageReport>>> ReportsAsync(IReadOnlyList<string> imageIds, CancellationToken cancellationToken)
        {
            var reports = new Dictionary<string, List<CoreUsageReport>>(StringComparer.Ordinal);
            foreach (var batch in imageIds.Chunk(MaxIdsPerCall))
            {
                await Pager.ReadAllAsync(
                    "DescribeImageUsageReports",
                    (token, ct) => SendAsync("DescribeImageUsageReports", Ec2ActionClass.Describe, c => client.DescribeImageUsageReportsAsync(
                        new DescribeImageUsageReportsRequest { ImageIds = [.. batch], NextToken = token }, c), ct),
                    response => response.NextToken,
                    response =>
                    {
                        foreach (var report in response.ImageUsageReports ?? [])
                        {
                            if (report.ImageId is { } id && batch.Contains(id, StringComparer.Ordinal))
                            {
                                (reports.TryGetValue(id, out var list) ? list : reports[id] = []).Add(ToCore(report));
                            }
                        }
                    },
                    MaxPages,
                    cancellationToken);
            }

            return reports;
        }

        public async Task<Dictionary<string, List<ImageUsageEntry>>> EntriesAsync(IReadOnlyList<string> reportIds, CancellationToken cancellationToken)
        {
            var entries = new Dictionary<string, List<ImageUsageEntry>>(StringComparer.Ordinal);
            foreach (var batch in reportIds.Chunk(MaxIdsPerCall))
            {
                await Pager.ReadAllAsync(
                    "DescribeImageUsageReportEntries",
                    (token, ct) => SendAsync("DescribeImageUsageReportEntries", Ec2ActionClass.Describe, c => client.DescribeImageUsageReportEntriesAsync(
                        new DescribeImageUsageReportEntriesRequest { ReportIds = [.. batch], NextToken = token }, c), ct),
                    response => response.NextToken,
                    response =>
                    {
                        foreach (var entry in response.ImageUsageReportEntries ?? [])
                        {
                            if (entry.ReportId is { } id && batch.Contains(id, StringComparer.Ordinal))
                            {
                                (entries.TryGetValue(id, out var list) ? list : entries[id] = [])
                                    .Add(new ImageUsageEntry(entry.AccountId ?? "(unknown account)", entry.ResourceType ?? "(unknown type)", entry.UsageCount ?? 0));
                            }
                        }
                    },
                    MaxPages,
                    cancellationToken);
            }

            return entries;
        }

        /// <summary>The new report's id; null for a dry run (DryRunOperation: permitted, nothing created).</summary>
        public async Task<string?> CreateAsync(string imageId, bool dryRun, CancellationToken cancellationToken)
        {
            try
            {
                var response = await SendAsync("CreateImageUsageReport", Ec2ActionClass.Mutate, c => client.CreateImageUsageReportAsync(
                    new CreateImageUsageReportRequest
                    {
                        ImageId = imageId,
                        ResourceTypes = [new ImageUsageResourceTypeRequest { ResourceType = InstanceType }, new ImageUsageResourceTypeRequest { ResourceType = LaunchTemplateType }],
                        DryRun = dryRun ? true : null,
                    },
                    c), cancellationToken);
                return dryRun ? null : response?.ReportId ?? throw new InvalidOperationException("CreateImageUsageReport returned no ReportId");
            }
            catch (AmazonServiceException ex) when (dryRun && Ec2ErrorCodes.Is(ex, Ec2ErrorCodes.DryRunOperation))
            {
                return null;
            }
        }

        private async Task<T> SendAsync<T>(string action, Ec2ActionClass actionClass, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
        {
            run.Operation = action;
            await limiter.AcquireAsync(action, actionClass, cancellationToken);
            run.Calls++;
            return await send(cancellationToken);
        }
    }
}

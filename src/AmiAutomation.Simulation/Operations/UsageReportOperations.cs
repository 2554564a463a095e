using System.Globalization;
using AmiAutomation.Simulation.State;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// AMI usage reports (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/your-ec2-ami-usage.html): CreateImageUsageReport
/// (owner only; ResourceTypes required; AccountIds ≤ 200, none = every account; one pending report per image),
/// DescribeImageUsageReports (ImageIds/ReportIds ≤ 200; filters creation-time, state, tag:), and
/// DescribeImageUsageReportEntries (available reports only; filters account-id, creation-time, resource-type).
/// </summary>
/// <remarks>The error code for a second pending report is not documented; <c>ResourceLimitExceeded</c> is assumed.</remarks>
internal static class UsageReportOperations
{
    public const string PendingLimitCode = "ResourceLimitExceeded";
    private const string ReportsScope = "DescribeImageUsageReports";
    private const string EntriesScope = "DescribeImageUsageReportEntries";
    private static readonly string[] ResourceTypes = ["ec2:Instance", "ec2:LaunchTemplate", "imagebuilder:ImageRecipe", "imagebuilder:ContainerRecipe"];
    private static readonly HashSet<string> ReportFilters = new(StringComparer.Ordinal) { "creation-time", "state" };
    private static readonly HashSet<string> EntryFilters = new(StringComparer.Ordinal) { "account-id", "creation-time", "resource-type" };

    public static CreateImageUsageReportResponse Create(OperationContext context, CreateImageUsageReportRequest request)
    {
        var image = ImageAccess.Owned(context, request.ImageId, allowPending: false);
        var types = ValidateTypes(request.ResourceTypes);
        var accounts = request.AccountIds ?? [];
        if (accounts.Count > 200 || accounts.Exists(a => !ResourceIds.IsAccountId(a)))
        {
            throw Ec2Errors.InvalidParameterValue("AccountIds must hold at most 200 12-digit account ids.");
        }

        var tags = TagSpecifications.Validate(request.TagSpecifications, "image-usage-report");
        var region = context.Region;
        if (request.ClientToken is { } token && region.UsageReportTokens.TryGetValue(token, out var known))
        {
            context.Commit();
            return new CreateImageUsageReportResponse { ReportId = known, HttpStatusCode = System.Net.HttpStatusCode.OK };
        }

        if (region.UsageReports.All.Any(r => r.ImageId == image.ImageId && r.State == "pending"))
        {
            throw Ec2Errors.Create(PendingLimitCode, $"Image {image.ImageId} already has a pending usage report; only one pending report per image is allowed.");
        }

        context.Commit();
        var report = new SimUsageReport
        {
            ReportId = context.World.Ids.Next("amiur"),
            ImageId = image.ImageId,
            AccountIds = [.. accounts.Distinct(StringComparer.Ordinal)],
            ResourceTypes = types,
            CreationTime = context.Now,
            ReadyAt = context.Now + context.World.Options.UsageReportDelay,
            FailureOnCompletion = region.FailingUsageReports.Remove(image.ImageId, out var failure) ? failure : null,
        };
        foreach (var tag in tags.Values.SelectMany(t => t))
        {
            report.Tags[tag.Key] = tag.Value ?? string.Empty;
        }

        region.UsageReports.Add(report.ReportId, report);
        region.UsageReportDue.Enqueue(report.ReportId, report.ReadyAt);
        if (request.ClientToken is { } newToken)
        {
            region.UsageReportTokens[newToken] = report.ReportId;
        }

        return new CreateImageUsageReportResponse { ReportId = report.ReportId, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    public static DescribeImageUsageReportsResponse Describe(OperationContext context, DescribeImageUsageReportsRequest request)
    {
        var (imageIds, reportIds) = ValidateIds(request.ImageIds, request.ReportIds);
        PageToken.CheckRange(request.MaxResults, 1, 1000);
        var filters = FilterSet.Compile(request.Filters, ReportFilters);
        var start = PageToken.Decode(ReportsScope, request.NextToken);
        context.Commit();
        var matches = context.Region.UsageReports.From(start).Where(e =>
            (imageIds is null || imageIds.Contains(e.Item.ImageId))
            && (reportIds is null || reportIds.Contains(e.Item.ReportId))
            && filters.Matches(e.Item, ReportValues));
        var (page, next) = PageToken.Page(matches, request.MaxResults, ReportsScope);
        return new DescribeImageUsageReportsResponse
        {
            ImageUsageReports = SdkLists.OrNull(page.Select(ToSdk).ToList()),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    public static DescribeImageUsageReportEntriesResponse DescribeEntries(OperationContext context, DescribeImageUsageReportEntriesRequest request)
    {
        var (imageIds, reportIds) = ValidateIds(request.ImageIds, request.ReportIds);
        PageToken.CheckRange(request.MaxResults, 1, 1000);
        var filters = FilterSet.Compile(request.Filters, EntryFilters, allowTagFilters: false);
        var start = PageToken.Decode(EntriesScope, request.NextToken);
        context.Commit();
        var rows = new List<(int Position, ImageUsageReportEntry Entry)>();
        var position = 0;
        foreach (var report in context.Region.UsageReports.All.Where(r => r.State == "available"
            && (imageIds is null || imageIds.Contains(r.ImageId)) && (reportIds is null || reportIds.Contains(r.ReportId))))
        {
            foreach (var (accountId, resourceType, count) in report.Entries)
            {
                var entry = new ImageUsageReportEntry
                {
                    AccountId = accountId,
                    ImageId = report.ImageId,
                    ReportId = report.ReportId,
                    ReportCreationTime = report.CreationTime.UtcDateTime,
                    ResourceType = resourceType,
                    UsageCount = count,
                };
                if (position >= start && filters.Matches(entry, EntryValues))
                {
                    rows.Add((position, entry));
                }

                position++;
            }
        }

        var (page, next) = PageToken.Page(rows, request.MaxResults, EntriesScope);
        return new DescribeImageUsageReportEntriesResponse
        {
            ImageUsageReportEntries = SdkLists.OrNull(page),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    private static List<string> ValidateTypes(List<ImageUsageResourceTypeRequest>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            throw Ec2Errors.MissingParameter("ResourceTypes");
        }

        var types = new List<string>();
        foreach (var type in requested)
        {
            if (type.ResourceType is not { } name || !ResourceTypes.Contains(name))
            {
                throw Ec2Errors.InvalidParameterValue($"Unsupported resource type '{type.ResourceType}' (expected one of {string.Join(", ", ResourceTypes)}).");
            }

            foreach (var option in type.ResourceTypeOptions ?? [])
            {
                var values = option.OptionValues ?? [];
                if (name != "ec2:LaunchTemplate" || option.OptionName != "version-depth" || values.Count != 1
                    || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var depth) || depth is < 1 or > 10000)
                {
                    throw Ec2Errors.InvalidParameterValue($"Option '{option.OptionName}' is valid only as version-depth 1–10000 for ec2:LaunchTemplate.");
                }
            }

            types.Add(name);
        }

        return [.. types.Distinct(StringComparer.Ordinal)];
    }

    private static (HashSet<string>? ImageIds, HashSet<string>? ReportIds) ValidateIds(List<string>? imageIds, List<string>? reportIds)
    {
        if (imageIds?.Count > 200 || reportIds?.Count > 200)
        {
            throw Ec2Errors.InvalidParameterValue("ImageIds and ReportIds hold at most 200 ids each.");
        }

        var malformed = imageIds?.Find(id => !ResourceIds.IsImageId(id));
        if (malformed is not null)
        {
            throw Ec2Errors.ImageMalformed(malformed);
        }

        return (imageIds is { Count: > 0 } ? imageIds.ToHashSet(StringComparer.Ordinal) : null,
            reportIds is { Count: > 0 } ? reportIds.ToHashSet(StringComparer.Ordinal) : null);
    }

    private static IEnumerable<string?> ReportValues(SimUsageReport report, string filter) => filter switch
    {
        "state" => [report.State],
        "creation-time" => [Time(report.CreationTime)],
        _ => FilterSet.TagValues(report.Tags, filter),
    };

    private static IEnumerable<string?> EntryValues(ImageUsageReportEntry entry, string filter) => filter switch
    {
        "account-id" => [entry.AccountId],
        "resource-type" => [entry.ResourceType],
        "creation-time" => [entry.ReportCreationTime is { } t ? Time(new DateTimeOffset(t, TimeSpan.Zero)) : null],
        _ => [],
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static ImageUsageReport ToSdk(SimUsageReport report) => new()
    {
        ReportId = report.ReportId,
        ImageId = report.ImageId,
        State = report.State,
        StateReason = report.StateReason,
        CreationTime = report.CreationTime.UtcDateTime,
        ExpirationTime = report.ExpirationTime.UtcDateTime,
        AccountIds = SdkLists.OrNull(report.AccountIds.ToList()),
        ResourceTypes = SdkLists.OrNull(report.ResourceTypes.Select(t => new ImageUsageResourceType { ResourceType = t }).ToList()),
        Tags = SdkLists.OrNull(report.Tags.Select(t => new Tag(t.Key, t.Value)).ToList()),
    };
}

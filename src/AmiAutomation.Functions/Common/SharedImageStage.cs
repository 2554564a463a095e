using AmiAutomation.Aws.Sharing;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Protection;
using AmiAutomation.Functions.Composition;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// Plans a destructive sweep knowing who its candidates are shared with, without a per-image call for the rest of the
/// fleet: plan (pure; unread permissions are "unknown") → read the launch permissions of the planned deregistrations
/// (<see cref="InventorySource.LaunchPermissions"/>) → under <see cref="SharedImageRule.KeepUnlessUnused"/> read or
/// request the usage reports of the shared ones (<see cref="InventorySource.UsageReports"/>) → plan again. A kept
/// candidate can free the cap for another, so this repeats (at most <see cref="MaxRounds"/> reads); finally every
/// planned deregistration still unread is kept (<see cref="SharedImageCheck.KeepUnread"/>).
/// </summary>
public sealed class SharedImageStage
{
    /// <summary>Rounds of reads; candidates first planned after the last round are kept (unread).</summary>
    public const int MaxRounds = 3;

    private readonly FunctionServices _services;
    private readonly Ec2RateLimiterRegistry _rateLimiters;
    private readonly IReadOnlySet<InventorySource> _disabled;
    private readonly SharingOptions _options;

    public SharedImageStage(FunctionServices services, Ec2RateLimiterRegistry rateLimiters, IReadOnlySet<InventorySource> disabled, SharingOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(rateLimiters);
        ArgumentNullException.ThrowIfNull(disabled);
        ArgumentNullException.ThrowIfNull(options);
        _services = services;
        _rateLimiters = rateLimiters;
        _disabled = disabled;
        _options = options;
    }

    /// <summary>The final plan; its <see cref="Plan.Sources"/> include the two sources of this stage.</summary>
    public async Task<Plan> PlanAsync(
        InventorySnapshot inventory,
        PlanSelection selection,
        DateTimeOffset now,
        Func<InventorySnapshot, PlanSelection, DateTimeOffset, Plan> planner,
        bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(planner);
        var readPermissions = !_disabled.Contains(InventorySource.LaunchPermissions);
        var readReports = _options.Rule == SharedImageRule.KeepUnlessUnused && !_disabled.Contains(InventorySource.UsageReports);
        var permissionReport = Disabled(InventorySource.LaunchPermissions, readPermissions);
        var usageReport = Disabled(InventorySource.UsageReports, readReports);
        var images = inventory.Images.ToList();
        var index = images.Select((image, i) => (image.ImageId, i)).ToDictionary(e => e.ImageId, e => e.i, StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var attempted = new HashSet<string>(StringComparer.Ordinal);
        var current = inventory;
        var plan = planner(current, selection, now);
        for (var round = 0; readPermissions && round < MaxRounds; round++)
        {
            List<string> unread = [.. plan.Decisions
                .Where(d => d.IsDestructive && d.Image.LaunchPermissions is null && attempted.Add(d.Image.ImageId))
                .Select(d => d.Image.ImageId)];
            if (unread.Count == 0)
            {
                break;
            }

            var read = await new LaunchPermissionReader(_services.Ec2, _rateLimiters)
                .ReadAsync(inventory.Region, unread, cancellationToken);
            permissionReport = Merge(permissionReport, read.Report);
            foreach (var (imageId, problem) in read.Problems)
            {
                problems[imageId] = problem;
            }

            List<string> shared = [];
            foreach (var (imageId, permissions) in read.Permissions)
            {
                var image = images[index[imageId]] with { LaunchPermissions = permissions };
                images[index[imageId]] = image;
                if (SharedImageCheck.SharesOf(image, inventory.AccountId).Count > 0)
                {
                    shared.Add(imageId);
                }
            }

            if (readReports && shared.Count > 0)
            {
                var reports = await new UsageReportReader(_services.Ec2, _rateLimiters)
                    .ReadAsync(inventory.Region, shared, _options.UsageReportMaxAge, now, dryRun, cancellationToken);
                usageReport = Merge(usageReport, reports.Report);
                foreach (var (imageId, report) in reports.Reports)
                {
                    images[index[imageId]] = images[index[imageId]] with { UsageReport = report };
                }
            }

            current = inventory with { Images = [.. images], Sources = [.. inventory.Sources, permissionReport, usageReport] };
            plan = planner(current, selection, now);
        }

        // Switched off by the operator: the plan may name unread images; the executor's re-check reads and judges them.
        var final = readPermissions ? SharedImageCheck.KeepUnread(plan, problems) : plan;
        return final with { Sources = [.. inventory.Sources, permissionReport, usageReport] };
    }

    private static SourceReport Disabled(InventorySource source, bool enabled) =>
        new(source, enabled ? SourceStatus.Complete : SourceStatus.Disabled, 0, 0);

    private static SourceReport Merge(SourceReport total, SourceReport round) => new(
        total.Source,
        Worse(total.Status, round.Status),
        total.Items + round.Items,
        total.Calls + round.Calls,
        total.Error is null ? round.Error : round.Error is null ? total.Error : total.Error + " | " + round.Error);

    private static SourceStatus Worse(SourceStatus a, SourceStatus b) =>
        a == SourceStatus.Failed || b == SourceStatus.Failed ? SourceStatus.Failed
        : a == SourceStatus.Truncated || b == SourceStatus.Truncated ? SourceStatus.Truncated
        : a;
}

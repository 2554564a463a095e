using System.Globalization;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Core.Protection;

/// <summary>
/// The <see cref="ReasonCode.SharedImage"/> protection. A central "AMI factory" account shares images with workload
/// accounts whose Auto Scaling groups and launch templates no source of ours can see, so a shared image is kept unless
/// (<see cref="SharedImageRule.KeepUnlessUnused"/>) a usage report created within the max age shows no use in any account.
/// Unread permissions (null) count as shared unless the options say the inventory has not read them yet.
/// </summary>
public static class SharedImageCheck
{
    /// <summary>How many share entries a detail names before "and N more".</summary>
    public const int SharesNamedInDetail = 3;

    /// <summary>Launch permissions for another account, an organization or an OU (not "all", not the owner itself).</summary>
    public static IReadOnlyList<LaunchPermission> SharesOf(AmiImage image, string accountId)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.LaunchPermissions is not { Count: > 0 } permissions)
        {
            return [];
        }

        return [.. permissions.Where(p => p.Kind switch
        {
            LaunchPermissionKind.Account => !string.Equals(p.Value, accountId, StringComparison.Ordinal),
            LaunchPermissionKind.Organization or LaunchPermissionKind.OrganizationalUnit => true,
            _ => false,
        })];
    }

    /// <summary>True when a fresh, available report shows no use (the only way a shared image may go under KeepUnlessUnused).</summary>
    public static bool IsFreshAndUnused(ImageUsageReport? report, TimeSpan maxAge, DateTimeOffset now) =>
        report is { State: UsageReportState.Available, CoversAllUse: true, CreatedAt: { } created, TotalUses: 0 } && created >= now - maxAge && created <= now;

    /// <summary>"shared with account 111122223333, organization arn:…; usage report amiur-1 (2026-03-01T10:00Z) shows no use in any account".</summary>
    public static string DescribeUnused(AmiImage image, string accountId)
    {
        ArgumentNullException.ThrowIfNull(image);
        var report = image.UsageReport;
        return $"{DescribeShares(SharesOf(image, accountId))}; usage report {report?.ReportId} ({PlanText.Time(report?.CreatedAt)}) shows no use in any account";
    }

    /// <summary>
    /// The plan with every planned deregistration of an image whose launch permissions are still unread (null) turned
    /// into a <see cref="ReasonCode.SharedImage"/> skip: the sweep read them for the candidates, and one it could not
    /// read may be shared. Only removes actions, so family and cap rules stay satisfied. Pure.
    /// </summary>
    /// <param name="problems">Why an image's permissions could not be read, by image id (others: "not read").</param>
    public static Plan KeepUnread(Plan plan, IReadOnlyDictionary<string, string> problems)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(problems);
        if (!plan.Decisions.Any(d => Unread(d, problems)))
        {
            return plan;
        }

        return plan with { Decisions = [.. plan.Decisions.Select(d => Unread(d, problems) ? KeptUnread(d, problems) : d)] };
    }

    // A planned deregistration still unread, or any decision on an image whose read failed (named even when another
    // blocker, e.g. the failed source itself, already stops it).
    private static bool Unread(Decision decision, IReadOnlyDictionary<string, string> problems) =>
        decision.Image.LaunchPermissions is null
        && (decision.IsDestructive || problems.ContainsKey(decision.Image.ImageId));

    private static Decision KeptUnread(Decision decision, IReadOnlyDictionary<string, string> problems) =>
        Decision.Skip(decision.Image, decision.Family, [
            new(ReasonCode.SharedImage, problems.TryGetValue(decision.Image.ImageId, out var problem)
                ? $"launch permissions could not be read ({problem}); it may be shared with other accounts, so it is kept"
                : "launch permissions were not read in this run; it may be shared with other accounts, so it is kept"),
            .. decision.Reasons]);

    internal static void AddTo(List<DecisionReason> reasons, AmiImage image, string accountId, ProtectionOptions options, DateTimeOffset now)
    {
        if (options.SharedImages == SharedImageRule.Allow)
        {
            return;
        }

        if (image.LaunchPermissions is null)
        {
            if (options.ProtectUnreadLaunchPermissions)
            {
                reasons.Add(new(ReasonCode.SharedImage, "launch permissions were not read in this run, so it may be shared with other accounts; kept"));
            }

            return;
        }

        var shares = SharesOf(image, accountId);
        if (shares.Count == 0)
        {
            return;
        }

        if (options.SharedImages == SharedImageRule.Keep)
        {
            reasons.Add(new(ReasonCode.SharedImage, $"{DescribeShares(shares)}; shared images are never deregistered (their users are in other accounts)"));
            return;
        }

        if (!IsFreshAndUnused(image.UsageReport, options.UsageReportMaxAge, now))
        {
            reasons.Add(new(ReasonCode.SharedImage, $"{DescribeShares(shares)}; {DescribeAwaited(image.UsageReport, options.UsageReportMaxAge, now)}"));
        }
    }

    private static string DescribeAwaited(ImageUsageReport? report, TimeSpan maxAge, DateTimeOffset now)
    {
        var days = maxAge.TotalDays.ToString("0.#", CultureInfo.InvariantCulture);
        var action = report?.Action is { } done ? "; " + done : string.Empty;
        return report switch
        {
            null => "no usage report was read for it in this run; kept until one created within " + days + " days shows no use",
            { State: UsageReportState.None } => "no usage report exists" + action,
            { State: UsageReportState.Pending } => $"awaiting usage report {report.ReportId} (pending, created {PlanText.Time(report.CreatedAt)}){action}",
            { State: UsageReportState.Error } => $"usage report {report.ReportId} (created {PlanText.Time(report.CreatedAt)}) ended in error ({report.StateReason ?? "no reason given"}){action}",
            { CoversAllUse: false } => $"usage report {report.ReportId} does not cover instances and launch templates in every account{action}",
            { TotalUses: > 0 } => $"usage report {report.ReportId} (created {PlanText.Time(report.CreatedAt)}) shows use: {DescribeUse(report.Entries)}",
            _ => $"usage report {report.ReportId} (created {PlanText.Time(report.CreatedAt)}) is older than {days} days{action}",
        };
    }

    private static string DescribeUse(IReadOnlyList<ImageUsageEntry> entries) =>
        string.Join(", ", entries.Where(e => e.Count > 0).Take(SharesNamedInDetail).Select(e => $"account {e.AccountId} {e.Count} {e.ResourceType}"))
        + (entries.Count(e => e.Count > 0) > SharesNamedInDetail ? $" and {entries.Count(e => e.Count > 0) - SharesNamedInDetail} more" : string.Empty);

    private static string DescribeShares(IReadOnlyList<LaunchPermission> shares)
    {
        var named = string.Join(", ", shares.Take(SharesNamedInDetail).Select(s => $"{Label(s.Kind)} {s.Value}"));
        return shares.Count > SharesNamedInDetail ? $"shared with {named} and {shares.Count - SharesNamedInDetail} more" : $"shared with {named}";
    }

    private static string Label(LaunchPermissionKind kind) => kind switch
    {
        LaunchPermissionKind.Account => "account",
        LaunchPermissionKind.Organization => "organization",
        LaunchPermissionKind.OrganizationalUnit => "OU",
        _ => kind.ToString(),
    };
}

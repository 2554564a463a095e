using System.Globalization;
using System.Runtime.CompilerServices;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Protection;

/// <summary>
/// The one place that says which images are never acted on, whatever the policy. Returns EVERY protection that
/// applies (not only the first), in a fixed order, so reports explain a skip completely.
/// </summary>
/// <remarks>
/// Always: <see cref="ReasonCode.NotOwned"/>; <see cref="ReasonCode.NotAvailable"/> (only available and disabled
/// images are retired, never pending/failed/other); <see cref="ReasonCode.UnreadableTime"/> (an EC2 time that could not
/// be read: age unknown); <see cref="ReasonCode.InUse"/> (any reference in the
/// <see cref="ReferenceIndex"/>); <see cref="ReasonCode.KeepTag"/> (any value but "false" in any ASCII case, blank
/// and padded values included: exactly what template.yaml's IAM Deny reads, which cannot trim); <see cref="ReasonCode.HeldUntil"/> (keep-until in the future, or unreadable: a hold nobody can read stays
/// in force); <see cref="ReasonCode.DeregistrationProtected"/>; <see cref="ReasonCode.ManagedByAwsBackup"/> (only AWS
/// Backup may remove its images). Optional (<see cref="ProtectionOptions"/>): DLM, Image Builder, public, shared with
/// other accounts/organizations/OUs (<see cref="SharedImageCheck"/>), instance store-backed, recently launched. Family rules (newest K, last of family) need the whole family and live in the
/// planners. Planners call this; executors call it again right before acting.
/// </remarks>
public static class ImageProtections
{
    /// <summary>How many references an in-use detail names before "and N more".</summary>
    public const int ReferencesNamedInDetail = 5;

    /// <summary>Every protection that blocks <paramref name="image"/>; empty when none does.</summary>
    public static IReadOnlyList<DecisionReason> Evaluate(
        AmiImage image, string accountId, ReferenceIndex references, ProtectionOptions options, DateTimeOffset now)
    {
        var reasons = new List<DecisionReason>();
        AddTo(reasons, image, accountId, references, options, now);
        return reasons;
    }

    internal static void AddTo(
        List<DecisionReason> reasons,
        AmiImage image,
        string accountId,
        ReferenceIndex references,
        ProtectionOptions options,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(options);

        if (!string.Equals(image.OwnerId, accountId, StringComparison.Ordinal))
        {
            reasons.Add(new(ReasonCode.NotOwned, $"owned by account {image.OwnerId}, not by {accountId}"));
        }

        if (image.State is not (ImageState.Available or ImageState.Disabled))
        {
            reasons.Add(new(ReasonCode.NotAvailable, $"state is {image.State}; only available or disabled images are retired"));
        }

        if (image.UnreadableTimes.Count > 0)
        {
            reasons.Add(new(ReasonCode.UnreadableTime, $"unreadable time from EC2 ({string.Join(", ", image.UnreadableTimes)}): age unknown, never acted on"));
        }

        var used = references.For(image.ImageId);
        if (used.Count > 0)
        {
            reasons.Add(new(ReasonCode.InUse, DescribeReferences(used)));
        }

        if (image.Tags.TryGetValue(TagNames.Keep, out var keep) && !IsFalse(keep))
        {
            reasons.Add(new(ReasonCode.KeepTag, $"tag {TagNames.Keep} = '{keep}'"));
        }

        if (image.Tags.TryGetValue(TagNames.KeepUntil, out var keepUntil))
        {
            if (!TagTime.TryParse(keepUntil, out var until))
            {
                reasons.Add(new(ReasonCode.HeldUntil, $"tag {TagNames.KeepUntil} = '{keepUntil}' is not an RFC 3339 time; held until it is fixed"));
            }
            else if (until > now)
            {
                reasons.Add(new(ReasonCode.HeldUntil, $"held until {PlanText.Time(until)} (tag {TagNames.KeepUntil})"));
            }
        }

        if (image.DeregistrationProtected)
        {
            reasons.Add(new(ReasonCode.DeregistrationProtected, "deregistration protection is enabled; never disabled by this tool"));
        }

        AddManagedBy(reasons, image, options);

        if (!options.AllowPublic && IsPublic(image))
        {
            reasons.Add(new(ReasonCode.PublicImage, "image is public; the policy does not allow public images"));
        }

        SharedImageCheck.AddTo(reasons, image, accountId, options, now);

        if (!options.AllowInstanceStore && image.RootDevice == RootDeviceKind.InstanceStore)
        {
            reasons.Add(new(ReasonCode.InstanceStoreBacked, DescribeInstanceStore(image, optedIn: false)));
        }

        if (options.RecentLaunchWindow is { } window && image.LastLaunchedTime is { } launched && launched > now - window)
        {
            reasons.Add(new(
                ReasonCode.RecentlyLaunched,
                $"last launched {PlanText.Time(launched)}, within the last {window.TotalDays:0.#} days (EC2 reports launches up to 24 h late)"));
        }
    }

    /// <summary>Public through the flag or a launch permission for group "all".</summary>
    public static bool IsPublic(AmiImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.IsPublic)
        {
            return true;
        }

        if (image.LaunchPermissions is { } permissions)
        {
            foreach (var permission in permissions)
            {
                if (permission.Kind == LaunchPermissionKind.Public)
                {
                    return true;
                }
            }
        }

        return false;
    }

    internal static string DescribeInstanceStore(AmiImage image, bool optedIn)
    {
        var location = string.IsNullOrEmpty(image.ImageLocation) ? "an unknown location" : image.ImageLocation;
        return optedIn
            ? $"instance store-backed: deregistering leaves its S3 bundle at {location}; delete it separately"
            : $"instance store-backed (S3 bundle at {location}); the policy does not allow instance store-backed images";
    }

    private static void AddManagedBy(List<DecisionReason> reasons, AmiImage image, ProtectionOptions options)
    {
        switch (image.ManagedBy)
        {
            case ImageManager.AwsBackup:
                reasons.Add(new(ReasonCode.ManagedByAwsBackup, "managed by AWS Backup; only AWS Backup may retire it"));
                break;
            case ImageManager.DataLifecycleManager when !options.IncludeDataLifecycleManagerImages:
                reasons.Add(new(ReasonCode.ManagedByDataLifecycleManager, "managed by Data Lifecycle Manager; the policy does not opt in"));
                break;
            case ImageManager.ImageBuilder when !options.IncludeImageBuilderImages:
                reasons.Add(new(ReasonCode.ManagedByImageBuilder, "managed by EC2 Image Builder; the policy does not opt in"));
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Never more permissive than the IAM Deny under it (<c>StringNotEqualsIgnoreCase "false"</c>): no trimming (IAM
    /// cannot), ASCII case folding only (IAM's folding of other letters is undocumented).
    /// </summary>
    private static bool IsFalse(string value) => System.Text.Ascii.EqualsIgnoreCase(value, "false");

    private static string DescribeReferences(IReadOnlyList<ImageReference> used)
    {
        // Called for most images of a large fleet: build in a stack buffer, allocate only the result.
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        text.AppendFormatted(used.Count);
        text.AppendLiteral(used.Count == 1 ? " reference: " : " references: ");
        var named = Math.Min(used.Count, ReferencesNamedInDetail);
        for (var i = 0; i < named; i++)
        {
            if (i > 0)
            {
                text.AppendLiteral("; ");
            }

            text.AppendLiteral(KindLabel(used[i].Kind));
            text.AppendLiteral(" ");
            text.AppendFormatted(used[i].ResourceId);
        }

        if (used.Count > named)
        {
            text.AppendLiteral("; and ");
            text.AppendFormatted(used.Count - named);
            text.AppendLiteral(" more");
        }

        return text.ToStringAndClear();
    }

    private static string KindLabel(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Instance => "instance",
        ReferenceKind.LaunchTemplateVersion => "launch template",
        ReferenceKind.ImageReferencesApi => "resource",
        ReferenceKind.External => "pinned by",
        ReferenceKind.LaunchConfiguration => "launch configuration",
        ReferenceKind.SpotRequest => "Spot request",
        ReferenceKind.SpotFleet => "Spot Fleet request",
        _ => kind.ToString(),
    };
}

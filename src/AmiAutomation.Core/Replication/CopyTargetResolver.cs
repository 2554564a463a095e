using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// Decides whether a source image is copied at all and to which regions: pure, no I/O.
/// </summary>
/// <remarks>
/// <para>Source rules, all reported: foreign images (<see cref="CopyPolicy.AccountId"/>) and images that are not
/// <c>available</c> are never copied; copies (our lineage tag or EC2's SourceImageId) only with
/// <see cref="CopyPolicy.AllowCopiesOfCopies"/> — the loop guard; AWS Backup images never (AWS Backup has its own
/// cross-region copy and only it may manage its recovery points); DLM and Image Builder images only when someone
/// asked explicitly (a <c>copy-to</c> tag or a manual request) or the policy includes them (INCLUDE_MANAGED_BY).</para>
/// <para>Destinations: the regions requested by hand, else the <c>copy-to</c> tag (an empty tag switches copying
/// off for the image), else <see cref="CopyPolicy.TargetRegions"/> limited by <see cref="CopyPolicy.Families"/> and
/// <see cref="CopyPolicy.TagSelector"/>. Names that are not region names are reported, the stack's own region is
/// skipped, duplicates are dropped.</para>
/// </remarks>
public static class CopyTargetResolver
{
    private static readonly char[] Separators = [',', ' ', ';', '\t', '\n', '\r'];

    public static CopyTargetSelection Resolve(AmiImage source, string family, CopyPlanContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var tag = source.Tag(TagNames.CopyTo);
        var requested = context.RequestedRegions is { Count: > 0 } ? context.RequestedRegions : null;
        var explicitlyAsked = requested is not null || tag is not null;

        var skips = SourceSkips(source, context, explicitlyAsked);
        if (skips.Count > 0)
        {
            return new CopyTargetSelection { SourceSkip = skips };
        }

        if (requested is not null)
        {
            return Targets(requested, new DecisionReason(ReasonCode.CopyRequested, $"regions requested by hand: {string.Join(", ", requested)}"), context);
        }

        if (tag is not null)
        {
            var named = Split(tag);
            return named.Count == 0
                ? Skip(ReasonCode.NotSelected, $"tag {TagNames.CopyTo} is empty: copying is switched off for this image")
                : Targets(named, new DecisionReason(ReasonCode.CopyToTag, $"tag {TagNames.CopyTo} = '{tag.Trim()}'"), context);
        }

        var policy = context.Policy;
        if (policy.TargetRegions.Count == 0)
        {
            return Skip(ReasonCode.NotSelected, $"no {TagNames.CopyTo} tag and no policy destinations (COPY_TARGET_REGIONS is empty)");
        }

        if (policy.Families.Count > 0 && !policy.Families.Contains(family))
        {
            return Skip(ReasonCode.NotSelected, $"family '{family}' is not in COPY_FAMILIES ({string.Join(", ", policy.Families.Order(StringComparer.Ordinal))})");
        }

        if (policy.TagSelector is { } selector && !selector.Matches(source.Tags))
        {
            return Skip(ReasonCode.NotSelected, $"image lacks the tag {selector} (COPY_TAG_SELECTOR)");
        }

        return Targets(policy.TargetRegions, new DecisionReason(ReasonCode.CopyPolicy, $"COPY_TARGET_REGIONS = {string.Join(", ", policy.TargetRegions)}"), context);
    }

    /// <summary>Splits a <c>copy-to</c> value on commas, semicolons and white space; order kept, duplicates dropped.</summary>
    public static IReadOnlyList<string> Split(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new List<string>();
        foreach (var item in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!result.Contains(item, StringComparer.Ordinal))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static List<DecisionReason> SourceSkips(AmiImage source, CopyPlanContext context, bool explicitlyAsked)
    {
        var policy = context.Policy;
        var skips = new List<DecisionReason>();
        if (policy.AccountId is { } account && !string.Equals(source.OwnerId, account, StringComparison.Ordinal))
        {
            skips.Add(new DecisionReason(ReasonCode.NotOwned, $"owned by {source.OwnerId}, not by {account}"));
        }

        if (source.State != ImageState.Available)
        {
            skips.Add(new DecisionReason(ReasonCode.NotAvailable, $"state is {source.State}; only available images are copied"));
        }

        if (CopyLineage.IsCopy(source) && !policy.AllowCopiesOfCopies)
        {
            skips.Add(new DecisionReason(
                ReasonCode.IsOwnCopy,
                $"a copy of {CopyLineage.SourceImageId(source)} from {CopyLineage.SourceRegion(source) ?? "another region"}; copies are not copied again (COPY_ALLOW_COPIES_OF_COPIES=false)"));
        }

        switch (source.ManagedBy)
        {
            case ImageManager.AwsBackup:
                skips.Add(new DecisionReason(ReasonCode.ManagedByAwsBackup, "an AWS Backup recovery point: use AWS Backup's cross-region copy"));
                break;
            case ImageManager.DataLifecycleManager when !explicitlyAsked && !policy.IncludeDataLifecycleManager:
                skips.Add(new DecisionReason(ReasonCode.ManagedByDataLifecycleManager, $"managed by DLM: copied only with a {TagNames.CopyTo} tag, by hand or with INCLUDE_MANAGED_BY=dlm"));
                break;
            case ImageManager.ImageBuilder when !explicitlyAsked && !policy.IncludeImageBuilder:
                skips.Add(new DecisionReason(ReasonCode.ManagedByImageBuilder, $"built by EC2 Image Builder: copied only with a {TagNames.CopyTo} tag, by hand or with INCLUDE_MANAGED_BY=imagebuilder"));
                break;
            default:
                break;
        }

        return skips;
    }

    private static CopyTargetSelection Targets(IEnumerable<string> named, DecisionReason origin, CopyPlanContext context)
    {
        var regions = new List<string>();
        var invalid = new List<string>();
        var ownRegion = false;
        foreach (var raw in named)
        {
            var region = raw.Trim();
            if (string.Equals(region, context.OwnRegion, StringComparison.Ordinal))
            {
                ownRegion = true;
            }
            else if (!context.IsValidRegion(region))
            {
                if (!invalid.Contains(region, StringComparer.Ordinal))
                {
                    invalid.Add(region);
                }
            }
            else if (!regions.Contains(region, StringComparer.Ordinal))
            {
                regions.Add(region);
            }
        }

        return new CopyTargetSelection { Regions = regions, Origin = origin, InvalidRegions = invalid, NamedOwnRegion = ownRegion };
    }

    private static CopyTargetSelection Skip(ReasonCode code, string detail) =>
        new() { SourceSkip = [new DecisionReason(code, detail)] };
}

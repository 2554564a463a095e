using AmiAutomation.Core.Families;
using AmiAutomation.Core.Protection;

namespace AmiAutomation.Core.Policies;

/// <summary>
/// When the deprecate function deprecates an image. Not destructive: a deprecated image still launches by id, from
/// launch templates and from Auto Scaling groups. Dry-run is a function setting, not part of the policy.
/// </summary>
/// <remarks>
/// <para>Defaults (each rule documented on its property):</para>
/// <list type="table">
/// <item><term><see cref="MaxAgeDays"/></term><description>90</description></item>
/// <item><term><see cref="MinNewerImages"/></term><description>null (off)</description></item>
/// <item><term><see cref="KeepNewest"/></term><description>1</description></item>
/// <item><term><see cref="DeprecateInDays"/></term><description>0 (as soon as EC2 allows)</description></item>
/// <item><term><see cref="AllowMovingExistingDeprecation"/></term><description>false</description></item>
/// <item><term><see cref="IncludeDataLifecycleManagerImages"/></term><description>false</description></item>
/// <item><term><see cref="IncludeImageBuilderImages"/></term><description>false</description></item>
/// <item><term><see cref="FamilyPattern"/></term><description>null (the built-in rule of <see cref="FamilyResolver"/>)</description></item>
/// </list>
/// <para>At least one of <see cref="MaxAgeDays"/> and <see cref="MinNewerImages"/> must be on. AWS Backup images are
/// never deprecated.</para>
/// </remarks>
public sealed record DeprecationPolicy
{
    public const int MaxDays = 36_500;
    public const int MaxCount = 1_000;

    /// <summary>EC2 accepts deprecation times at most 10 years ahead.</summary>
    public const int MaxDeprecateInDays = 3_650;

    /// <summary>Deprecate images at least this many days old (1–36500); null turns the rule off. Default 90.</summary>
    public int? MaxAgeDays { get; init; } = 90;

    /// <summary>Deprecate images with at least this many newer available images in their family (1–1000); null
    /// turns the rule off. Default null.</summary>
    public int? MinNewerImages { get; init; }

    /// <summary>The newest K available images of each family are never deprecated (1–1000). Default 1.</summary>
    public int KeepNewest { get; init; } = 1;

    /// <summary>The deprecation time set is now + D days (0–3650), rounded up to the minute; 0 means as soon as EC2
    /// allows (the next whole minute plus one). Default 0.</summary>
    public int DeprecateInDays { get; init; }

    /// <summary>An existing deprecation time later than ours counts as set by hand and is left alone unless this is
    /// true; even then it is only ever moved EARLIER. Default false.</summary>
    public bool AllowMovingExistingDeprecation { get; init; }

    /// <summary>Deprecate images managed by Data Lifecycle Manager too. Default false.</summary>
    public bool IncludeDataLifecycleManagerImages { get; init; }

    /// <summary>Deprecate images managed by EC2 Image Builder too. Default false.</summary>
    public bool IncludeImageBuilderImages { get; init; }

    /// <summary>Override of the family rule (see <see cref="FamilyResolver"/>); null for the default.</summary>
    public string? FamilyPattern { get; init; }

    /// <summary>Every problem with this policy, all at once.</summary>
    public PolicyValidation Validate()
    {
        var errors = new ValidationErrors(nameof(DeprecationPolicy));
        errors.OptionalRange(nameof(MaxAgeDays), MaxAgeDays, 1, MaxDays, " days");
        errors.OptionalRange(nameof(MinNewerImages), MinNewerImages, 1, MaxCount, " images");
        errors.Range(nameof(KeepNewest), KeepNewest, 1, MaxCount, " images");
        errors.Range(nameof(DeprecateInDays), DeprecateInDays, 0, MaxDeprecateInDays, " days");
        errors.Pattern(nameof(FamilyPattern), FamilyPattern);
        if (MaxAgeDays is null && MinNewerImages is null)
        {
            errors.Add($"{nameof(DeprecationPolicy)} has no rule: set {nameof(MaxAgeDays)} or {nameof(MinNewerImages)} (both were null).");
        }

        return errors.ToResult();
    }

    /// <summary>Deprecation's protections: public and instance store-backed images may be deprecated; recent
    /// launches are not checked.</summary>
    public ProtectionOptions ToProtectionOptions() => new()
    {
        IncludeDataLifecycleManagerImages = IncludeDataLifecycleManagerImages,
        IncludeImageBuilderImages = IncludeImageBuilderImages,
        AllowPublic = true,
        AllowInstanceStore = true,
        RecentLaunchWindow = null,
        SharedImages = SharedImageRule.Allow,
    };

    /// <summary>The family resolver this policy describes. Throws when <see cref="Validate"/> reports the pattern.</summary>
    public FamilyResolver CreateFamilyResolver() => FamilyPattern is null ? FamilyResolver.Default : new FamilyResolver(FamilyPattern);
}

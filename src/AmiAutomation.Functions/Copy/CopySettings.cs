using AmiAutomation.Aws.Replication;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Replication;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Copy;

/// <summary>
/// The copy function's configuration, read once at start-up; every bad variable is reported together
/// (<see cref="ConfigurationException"/>). Shared variables (<c>DRY_RUN</c>, <c>ACCOUNT_ID</c>) come from
/// <see cref="CommonSettings"/>; <c>FAMILY_PATTERN</c> and <c>INCLUDE_MANAGED_BY</c> mean what they mean for deprecate.
/// </summary>
public sealed record CopySettings
{
    /// <summary>Regions to copy to when an image has no <c>ami-lifecycle:copy-to</c> tag (comma/space separated). Default: none.</summary>
    public const string TargetRegionsVariable = "COPY_TARGET_REGIONS";

    /// <summary>Limits policy copies to these families. Default: every family.</summary>
    public const string FamiliesVariable = "COPY_FAMILIES";

    /// <summary><c>key=value</c>: limits policy copies to images carrying this tag. Default: none.</summary>
    public const string TagSelectorVariable = "COPY_TAG_SELECTOR";

    /// <summary><c>region=keyArn,…</c>: copies to that region are encrypted with that key. Default: none.</summary>
    public const string KmsKeysVariable = "COPY_KMS_KEYS";

    /// <summary>Copy images that are themselves copies. Default false (the loop guard).</summary>
    public const string AllowCopiesOfCopiesVariable = "COPY_ALLOW_COPIES_OF_COPIES";

    /// <summary>Carry a public launch permission over to copies. Default false.</summary>
    public const string AllowPublicVariable = "COPY_ALLOW_PUBLIC";

    /// <summary>CopyImage attempts per source and destination, 1–10. Default 3.</summary>
    public const string MaxAttemptsVariable = "COPY_MAX_ATTEMPTS";

    /// <summary>Minutes after which a pending copy is reported stuck, 15–10080. Default 120.</summary>
    public const string StuckAfterMinutesVariable = "COPY_STUCK_AFTER_MINUTES";

    /// <summary>The reconciler starts first copies only for images at most this many days old, 0–3650 (0 = no limit). Default 14.</summary>
    public const string ReconcileLookbackDaysVariable = "COPY_RECONCILE_LOOKBACK_DAYS";

    /// <summary>CopyImage calls per run, 1–300. Default 20.</summary>
    public const string MaxStartsPerRunVariable = "COPY_MAX_STARTS_PER_RUN";

    public required CommonSettings Common { get; init; }

    public required CopyPolicy Policy { get; init; }

    /// <summary>How families are derived (FAMILY_PATTERN, shared with deprecate and expire); COPY_FAMILIES uses it.</summary>
    public required FamilyResolver Families { get; init; }

    public bool DryRun => Common.DryRun;

    /// <summary>Reads and validates every copy variable; throws <see cref="ConfigurationException"/> listing all problems.</summary>
    public static CopySettings Read(IEnvironmentVariables environment)
    {
        var reader = new SettingsReader(environment);
        var common = CommonSettings.Read(reader);
        var selectorText = reader.GetString(TagSelectorVariable);
        var selector = CopyTagSelector.TryParse(selectorText);
        if (selectorText is not null && selector is null)
        {
            reader.AddError($"{TagSelectorVariable}='{selectorText}' is invalid: expected key=value (e.g. replicate=true).");
        }

        var managedBy = ManagedByOptions.Read(reader);
        var familyPattern = reader.GetFamilyPattern(DeprecateSettings.FamilyPatternVariable);

        var lookbackDays = reader.GetInt(ReconcileLookbackDaysVariable, (int)CopyPolicy.DefaultReconcileLookback.TotalDays, 0, 3650);
        var policy = new CopyPolicy
        {
            TargetRegions = KnownOnly(reader, reader.GetRegionList(TargetRegionsVariable)),
            Families = reader.GetList(FamiliesVariable).ToHashSet(StringComparer.Ordinal),
            TagSelector = selector,
            KmsKeys = ReadKmsKeys(reader),
            AllowCopiesOfCopies = reader.GetBool(AllowCopiesOfCopiesVariable, false),
            AllowPublic = reader.GetBool(AllowPublicVariable, false),
            MaxAttempts = reader.GetInt(MaxAttemptsVariable, CopyPolicy.DefaultMaxAttempts, 1, 10),
            StuckAfter = TimeSpan.FromMinutes(reader.GetInt(StuckAfterMinutesVariable, (int)CopyPolicy.DefaultStuckAfter.TotalMinutes, 15, 10_080)),
            ReconcileLookback = lookbackDays == 0 ? null : TimeSpan.FromDays(lookbackDays),
            MaxStartsPerRun = reader.GetInt(MaxStartsPerRunVariable, CopyPolicy.DefaultMaxStartsPerRun, 1, 300),
            IncludeDataLifecycleManager = managedBy.DataLifecycleManager,
            IncludeImageBuilder = managedBy.ImageBuilder,
            AccountId = common.AccountId,
        };
        reader.ThrowIfInvalid();
        return new CopySettings { Common = common, Policy = policy, Families = new FamilyResolver(familyPattern) };
    }

    private static Dictionary<string, string> ReadKmsKeys(SettingsReader reader)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in reader.GetList(KmsKeysVariable))
        {
            var index = pair.IndexOf('=', StringComparison.Ordinal);
            var region = index > 0 ? pair[..index].Trim() : string.Empty;
            var key = index > 0 ? pair[(index + 1)..].Trim() : string.Empty;
            if (region.Length == 0 || key.Length == 0)
            {
                reader.AddError($"{KmsKeysVariable} contains '{pair}', which is not region=keyArn.");
            }
            else if (!KnownRegions.IsKnown(region))
            {
                reader.AddError($"{KmsKeysVariable} contains '{region}', which is not an AWS region name (e.g. eu-west-1).");
            }
            else if (KeyRegion(key) is { } keyRegion && !string.Equals(keyRegion, region, StringComparison.Ordinal))
            {
                reader.AddError($"{KmsKeysVariable}: the key for {region} is in {keyRegion} ('{key}'); a copy's key must be in the destination region.");
            }
            else if (!keys.TryAdd(region, key))
            {
                reader.AddError($"{KmsKeysVariable} names {region} twice.");
            }
        }

        return keys;
    }

    /// <summary>Drops (and reports) well-formed names that are not AWS regions (<c>eu-wst-1</c>).</summary>
    private static List<string> KnownOnly(SettingsReader reader, IReadOnlyList<string> regions)
    {
        var known = new List<string>();
        foreach (var region in regions)
        {
            if (KnownRegions.IsKnown(region))
            {
                known.Add(region);
            }
            else
            {
                reader.AddError($"{TargetRegionsVariable} contains '{region}', which is not a known AWS region (e.g. eu-west-1, us-east-1).");
            }
        }

        return known;
    }

    /// <summary>The region of a KMS key or alias ARN (<c>arn:aws:kms:REGION:ACCOUNT:key/…</c>); null for bare ids and aliases.</summary>
    private static string? KeyRegion(string key)
    {
        var parts = key.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[2] == "kms" ? parts[3] : null;
    }
}

using AmiAutomation.Core.Planning;

namespace AmiAutomation.Core.Protection;

/// <summary>
/// Which protections <see cref="ImageProtections"/> checks under given options, in its fixed order, so a report can
/// say of EACH one whether it holds (<see cref="ImageProtections.Evaluate"/> returns only those that do). Pure.
/// </summary>
public static class ProtectionChecklist
{
    /// <summary>The protections checked with <paramref name="options"/>; opt-ins that switch a check off leave it out.</summary>
    public static IReadOnlyList<ReasonCode> Checked(ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var codes = new List<ReasonCode>
        {
            ReasonCode.NotOwned,
            ReasonCode.NotAvailable,
            ReasonCode.UnreadableTime,
            ReasonCode.InUse,
            ReasonCode.KeepTag,
            ReasonCode.HeldUntil,
            ReasonCode.DeregistrationProtected,
            ReasonCode.ManagedByAwsBackup,
        };
        if (!options.IncludeDataLifecycleManagerImages)
        {
            codes.Add(ReasonCode.ManagedByDataLifecycleManager);
        }

        if (!options.IncludeImageBuilderImages)
        {
            codes.Add(ReasonCode.ManagedByImageBuilder);
        }

        if (!options.AllowPublic)
        {
            codes.Add(ReasonCode.PublicImage);
        }

        if (options.SharedImages != SharedImageRule.Allow)
        {
            codes.Add(ReasonCode.SharedImage);
        }

        if (!options.AllowInstanceStore)
        {
            codes.Add(ReasonCode.InstanceStoreBacked);
        }

        if (options.RecentLaunchWindow is not null)
        {
            codes.Add(ReasonCode.RecentlyLaunched);
        }

        return codes;
    }
}

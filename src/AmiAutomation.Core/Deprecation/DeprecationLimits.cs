using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Protection;

namespace AmiAutomation.Core.Deprecation;

/// <summary>
/// EC2's rules for deprecation times, applied before a time is planned: whole minutes (EC2 rounds seconds, so we
/// round up ourselves and a re-plan sees exactly what was set), never in the past, at most 10 years ahead, and for
/// public images at most 2 years after creation.
/// </summary>
public static class DeprecationLimits
{
    /// <summary>How far ahead of the planning time the earliest deprecation time lies, so the call is not late.</summary>
    public static readonly TimeSpan MinimumLead = TimeSpan.FromMinutes(1);

    /// <summary>The earliest time a plan made at <paramref name="now"/> sets: now + 1 minute, rounded up to the minute.</summary>
    public static DateTimeOffset Earliest(DateTimeOffset now) => CeilToMinute(now + MinimumLead);

    /// <summary>The time a policy asks for: now + <paramref name="days"/>, rounded up to the minute, never before
    /// <see cref="Earliest"/>.</summary>
    public static DateTimeOffset Target(DateTimeOffset now, int days)
    {
        var earliest = Earliest(now);
        var wanted = CeilToMinute(now.AddDays(days));
        return wanted > earliest ? wanted : earliest;
    }

    /// <summary>
    /// Brings <paramref name="wanted"/> within EC2's limits for <paramref name="image"/>. Returns the time to set and,
    /// when a limit changed it, a <see cref="ReasonCode.DeprecationClamped"/> reason. Raising a past time to
    /// <see cref="Earliest"/> is not a clamp (the caller's reason explains it).
    /// </summary>
    public static (DateTimeOffset Time, DecisionReason? Clamp) Clamp(DateTimeOffset wanted, AmiImage image, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(image);
        var earliest = Earliest(now);
        var time = CeilToMinute(wanted);
        if (time < earliest)
        {
            time = earliest;
        }

        DecisionReason? clamp = null;
        var latest = FloorToMinute(now.AddYears(10));
        if (time > latest)
        {
            clamp = new(ReasonCode.DeprecationClamped, $"{PlanText.Time(time)} clamped to {PlanText.Time(latest)}: EC2 allows at most 10 years ahead");
            time = latest;
        }

        if (ImageProtections.IsPublic(image))
        {
            var publicLimit = FloorToMinute(image.CreationDate.AddYears(2));
            if (time > publicLimit)
            {
                var clamped = publicLimit > earliest ? publicLimit : earliest;
                clamp = new(
                    ReasonCode.DeprecationClamped,
                    publicLimit >= earliest
                        ? $"{PlanText.Time(time)} clamped to {PlanText.Time(clamped)}: EC2 deprecates public images at most 2 years after creation"
                        : $"public image is past EC2's 2-year limit ({PlanText.Time(publicLimit)}); set to the earliest time {PlanText.Time(clamped)}, which EC2 may refuse");
                time = clamped;
            }
        }

        return (time, clamp);
    }

    /// <summary>
    /// True for a public image whose 2-year limit lies before <see cref="Earliest"/>: EC2 refuses every deprecation time
    /// for it ("public AMIs: at most 2 years after creation", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ami-deprecate.html),
    /// so no plan should try. <paramref name="limit"/> is that last allowed time.
    /// </summary>
    public static bool IsPastPublicLimit(AmiImage image, DateTimeOffset now, out DateTimeOffset limit)
    {
        ArgumentNullException.ThrowIfNull(image);
        limit = FloorToMinute(image.CreationDate.AddYears(2));
        return ImageProtections.IsPublic(image) && limit < Earliest(now);
    }

    public static DateTimeOffset CeilToMinute(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var remainder = utc.Ticks % TimeSpan.TicksPerMinute;
        return remainder == 0 ? utc : utc.AddTicks(TimeSpan.TicksPerMinute - remainder);
    }

    public static DateTimeOffset FloorToMinute(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMinute));
    }
}

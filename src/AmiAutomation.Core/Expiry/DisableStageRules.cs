using AmiAutomation.Core.Disabling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Core.Expiry;

/// <summary>
/// The disable stage's two rules (see <see cref="ExpiryPlanner"/>): when an available image is due to be disabled, and
/// whether a disabled image has been disabled long enough to be deregistered. Dates come only from the ledger
/// (<see cref="DisabledImageDates"/>): EC2 reports none.
/// </summary>
internal sealed class DisableStageRules(int disableAfterDeprecatedDays, int expireAfterDisabledDays, DisabledImageDates dates, DateTimeOffset now)
{
    /// <summary>A blocker for every disable and every deregistration of a disabled image when the records are unreadable.</summary>
    public DecisionReason? Unreadable { get; } = dates.Problem is { } problem
        ? new(ReasonCode.DisableRecordsUnreadable, $"{problem}: the disable stage disables nothing and deregisters no disabled image")
        : null;

    /// <summary>The disable rule for an available image: fired reason, or null with a note saying why not.</summary>
    public DecisionReason? DisableRule(AmiImage image, List<string> notes)
    {
        if (image.DeprecationTime is { } deprecated && deprecated <= now.AddDays(-disableAfterDeprecatedDays))
        {
            return new(ReasonCode.DeprecatedLongEnoughToDisable, $"deprecated since {PlanText.Time(deprecated)}, {PlanText.DaysBetween(deprecated, now)} days (disable after {disableAfterDeprecatedDays})");
        }

        notes.Add(image.DeprecationTime is { } at
            ? $"deprecation time {PlanText.Time(at)} is less than {disableAfterDeprecatedDays} days ago (disable stage)"
            : "not deprecated (disable stage)");
        notes.Add("with the disable stage on, only disabled images expire");
        return null;
    }

    /// <summary>For a disabled image: <see cref="ReasonCode.DisabledLongEnough"/> (fired) or a blocker
    /// (<see cref="ReasonCode.NotDisabledLongEnough"/>, <see cref="ReasonCode.DisableRecordsUnreadable"/>).</summary>
    public (DecisionReason? Fired, DecisionReason? Blocker) DisabledAge(AmiImage image)
    {
        if (Unreadable is { } unreadable)
        {
            return (null, unreadable);
        }

        if (!dates.DisabledAt.TryGetValue(image.ImageId, out var at))
        {
            return (null, new(ReasonCode.NotDisabledLongEnough, "disabled, but the ledger has no confirmed disable of it (disabled by hand, or the disable is not confirmed yet): its disable time is unknown, so it is never deregistered by the disable stage"));
        }

        if (at > now)
        {
            return (null, new(ReasonCode.NotDisabledLongEnough, $"the ledger dates its disable at {PlanText.Time(at)}, after now ({PlanText.Time(now)}): clock skew; not deregistered"));
        }

        if (at > now.AddDays(-expireAfterDisabledDays))
        {
            return (null, new(ReasonCode.NotDisabledLongEnough, $"disabled since {PlanText.Time(at)}, less than {expireAfterDisabledDays} days"));
        }

        return (new(ReasonCode.DisabledLongEnough, $"disabled since {PlanText.Time(at)}, {PlanText.DaysBetween(at, now)} days (at least {expireAfterDisabledDays})"), null);
    }
}

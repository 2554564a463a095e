using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Planning;

/// <summary>
/// One image, one action (or none) and every reason behind it. A skipped image carries the protections that
/// stopped it, an acting one the rules that fired.
/// </summary>
public sealed record Decision
{
    public required AmiImage Image { get; init; }
    public required string Family { get; init; }
    public required DecisionAction Action { get; init; }
    public required IReadOnlyList<DecisionReason> Reasons { get; init; }

    /// <summary>For <see cref="DecisionAction.Deprecate"/> (and copies that follow their source): the time to set.</summary>
    public DateTimeOffset? DeprecateAt { get; init; }

    /// <summary>For <see cref="DecisionAction.Copy"/>: the destination region.</summary>
    public string? TargetRegion { get; init; }

    public bool Acts => Action != DecisionAction.None;

    public bool IsDestructive => Action.IsDestructive();

    /// <summary>The first reason's code: the headline used in counts and metric dimensions.</summary>
    public ReasonCode PrimaryReason => Reasons.Count > 0 ? Reasons[0].Code : ReasonCode.NotDue;

    public static Decision Skip(AmiImage image, string family, params DecisionReason[] reasons) =>
        new() { Image = image, Family = family, Action = DecisionAction.None, Reasons = reasons };
}

using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;

namespace AmiAutomation.Core.Deprecation;

/// <summary>
/// Plans the deprecate function: pure, synchronous, O(n log n); the caller passes <c>now</c>.
/// </summary>
/// <remarks>
/// <para>Per image, in this order (every applicable reason is listed on a skip):</para>
/// <list type="number">
/// <item>outside the <see cref="PlanSelection"/> → <see cref="ReasonCode.NotSelected"/>;</item>
/// <item>protections (<see cref="Protection.ImageProtections"/> with <see cref="DeprecationPolicy.ToProtectionOptions"/>:
/// not owned, not available/disabled, in use, keep tag, keep-until, deregistration protection, managed by others) and
/// <see cref="ReasonCode.NewestInFamily"/> (newest <see cref="DeprecationPolicy.KeepNewest"/> available images of the
/// family in the region, whatever the selection) → skip. In-use images are never deprecated either: the product's
/// never-list applies to every action, and a deprecation nobody asked for on an image something still launches from is
/// noise for its owner;</item>
/// <item>a copy we made (tag <c>ami-lifecycle:source-image</c>) whose source is in this inventory follows the source's
/// deprecation time — the time set or planned in this run — and ignores its own age
/// (<see cref="ReasonCode.FollowsSourceDeprecation"/>; a source without a time → <see cref="ReasonCode.NotDue"/>). A copy
/// whose source lives in another region (not in the inventory) is judged by its own age and newer images;</item>
/// <item>otherwise the rules: <see cref="ReasonCode.OlderThanMaxAge"/>, <see cref="ReasonCode.SupersededByNewer"/>;
/// none fired → <see cref="ReasonCode.NotDue"/>. The time is <see cref="DeprecationLimits.Target"/>;</item>
/// <item>the time is clamped to EC2's limits (<see cref="ReasonCode.DeprecationClamped"/>);</item>
/// <item>an existing deprecation time not later than ours → <see cref="ReasonCode.AlreadyDeprecatedEarlier"/> (never
/// moved later); a later one counts as set by hand (nobody can tell who set it) →
/// <see cref="ReasonCode.DeprecationSetByHand"/>, unless the policy allows moving it, and then only earlier
/// (<see cref="ReasonCode.DeprecationMovedEarlier"/>);</item>
/// <item>when a source other than <see cref="InventorySource.LastLaunchedTime"/> (which deprecation does not use) failed
/// or was truncated, nothing can be proven unused → <see cref="ReasonCode.InventoryIncomplete"/> instead of acting.</item>
/// </list>
/// <para>Decisions come oldest first (creation date, then image id).</para>
/// </remarks>
public static class DeprecationPlanner
{
    /// <summary>The <see cref="Plan.Function"/> of deprecation plans.</summary>
    public const string FunctionName = "deprecate";

    /// <exception cref="ArgumentException">The policy is invalid (the message lists every error).</exception>
    public static Plan Plan(InventorySnapshot inventory, DeprecationPolicy policy, PlanSelection selection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(selection);
        policy.Validate().ThrowIfInvalid(nameof(policy));
        return new DeprecationRun(inventory, policy, selection, now.ToUniversalTime()).Build();
    }

    /// <summary>
    /// Candidates first: the images whose plan can depend on per-image references (DescribeImageReferences), from an
    /// inventory that holds the fleet-wide sources: what this planner would deprecate if nothing else referenced them.
    /// Pure. The plan from the candidates' references equals the plan from
    /// everyone's, action for action.
    /// </summary>
    /// <exception cref="ArgumentException">The policy is invalid (the message lists every error).</exception>
    public static IReadOnlySet<string> Candidates(InventorySnapshot inventory, DeprecationPolicy policy, PlanSelection selection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(selection);
        policy.Validate().ThrowIfInvalid(nameof(policy));
        return new DeprecationRun(inventory, policy, selection, now.ToUniversalTime(), candidates: true).Candidates();
    }
}

using AmiAutomation.Core.Disabling;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;

namespace AmiAutomation.Core.Expiry;

/// <summary>
/// Plans the expire function (deregistration): pure, synchronous, O(n log n); the caller passes <c>now</c>.
/// </summary>
/// <remarks>
/// <para>Images are decided oldest first (creation date, then image id), so "last of family" and the cap are
/// reproducible. Per image (every applicable reason is listed on a skip):</para>
/// <list type="number">
/// <item>outside the <see cref="PlanSelection"/> → <see cref="ReasonCode.NotSelected"/>;</item>
/// <item>protections (<see cref="Protection.ImageProtections"/> with <see cref="ExpiryPolicy.ToProtectionOptions"/>:
/// not owned, not available/disabled, in use, keep tag, keep-until, deregistration protection, managed by others,
/// public, instance store-backed, recently launched) and <see cref="ReasonCode.NewestInFamily"/> → skip;</item>
/// <item>rules: <see cref="ReasonCode.DeprecatedLongEnough"/>, <see cref="ReasonCode.ExpiresAtPassed"/>,
/// <see cref="ReasonCode.OlderThanRetention"/>; none fired → <see cref="ReasonCode.NotDue"/>;</item>
/// <item>blockers, listed before the rules that fired: <see cref="ReasonCode.InventoryIncomplete"/> (any source failed
/// or truncated: zero deregistrations), <see cref="ReasonCode.LastOfFamily"/> (the family must keep at least one owned
/// available-or-disabled image after this run's deregistrations), <see cref="ReasonCode.BlastRadiusCapReached"/>;</item>
/// <item>otherwise <see cref="DecisionAction.Deregister"/> with the rules that fired (plus, for an opted-in instance
/// store-backed image, an <see cref="ReasonCode.InstanceStoreBacked"/> note naming the S3 bundle left behind).</item>
/// </list>
/// <para>With the disable stage on (<see cref="ExpiryPolicy.DisableAfterDeprecatedDays"/>), after the same gate: an image
/// that is not disabled is never deregistered; it is <see cref="DecisionAction.Disable"/>d once deprecated that long
/// (<see cref="ReasonCode.DeprecatedLongEnoughToDisable"/>; blockers: incomplete inventory, unread references, unreadable
/// disable records, the cap, which counts disables and deregistrations together). A disabled image is deregistered only
/// when the rules above fire AND the ledger dates its disable at least <see cref="ExpiryPolicy.ExpireAfterDisabledDays"/>
/// back (<see cref="ReasonCode.DisabledLongEnough"/>, else the blocker <see cref="ReasonCode.NotDisabledLongEnough"/>).
/// The stage lives here, in expire's sweep, so one inventory read (and one run lease, one cap) serves both actions, and
/// every protection the expire gate applies guards the disable too.</para>
/// </remarks>
public static class ExpiryPlanner
{
    /// <summary>The <see cref="Plan.Function"/> of expiry plans.</summary>
    public const string FunctionName = "expire";

    /// <param name="disabled">The ledger's disable dates; only read with the disable stage on (null then = not read:
    /// nothing disabled, no disabled image deregistered).</param>
    /// <exception cref="ArgumentException">The policy is invalid (the message lists every error).</exception>
    public static Plan Plan(InventorySnapshot inventory, ExpiryPolicy policy, PlanSelection selection, DateTimeOffset now, DisabledImageDates? disabled = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(selection);
        policy.Validate().ThrowIfInvalid(nameof(policy));
        return new ExpiryRun(inventory, policy, selection, now.ToUniversalTime(), disabled).Build();
    }

    /// <summary>
    /// Candidates first: the images whose plan can depend on per-image references (DescribeImageReferences, launch
    /// permissions, usage reports), from an inventory that holds the fleet-wide sources. Pure. An image outside the set
    /// is kept whatever those references say, so the sweep reads them for these images only; the plan from the
    /// candidates' references equals the plan from everyone's, action for action.
    /// </summary>
    /// <exception cref="ArgumentException">The policy is invalid (the message lists every error).</exception>
    public static IReadOnlySet<string> Candidates(InventorySnapshot inventory, ExpiryPolicy policy, PlanSelection selection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(selection);
        policy.Validate().ThrowIfInvalid(nameof(policy));
        return new ExpiryRun(inventory, policy, selection, now.ToUniversalTime()).Candidates();
    }
}

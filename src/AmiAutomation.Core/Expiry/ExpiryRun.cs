using AmiAutomation.Core.Disabling;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Expiry;

/// <summary>One expiry planning pass. See <see cref="ExpiryPlanner"/> for the rules.</summary>
internal sealed class ExpiryRun
{
    private readonly InventorySnapshot _inventory;
    private readonly IReadOnlyList<AmiImage> _images;
    private readonly ExpiryPolicy _policy;
    private readonly DateTimeOffset _now;
    private readonly FamilyIndex _families;
    private readonly ImageGate _gate;
    private readonly DecisionReason? _incomplete;
    private readonly List<DecisionReason> _fired = [];
    private readonly List<DecisionReason> _blockers = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, int> _remaining = new(StringComparer.Ordinal);
    private readonly DisableStageRules? _stage;

    // Deregistrations and disables planned so far: the cap counts both (each is a destructive call).
    private int _deregistrations;

    public ExpiryRun(InventorySnapshot inventory, ExpiryPolicy policy, PlanSelection selection, DateTimeOffset now, DisabledImageDates? disabled = null)
    {
        if (policy.DisableAfterDeprecatedDays is { } disableAfter)
        {
            _stage = new DisableStageRules(disableAfter, policy.ExpireAfterDisabledDays, disabled ?? DisabledImageDates.NotRead, now);
        }

        _inventory = inventory;
        _images = inventory.Images;
        _policy = policy;
        _now = now;
        _families = new FamilyIndex(_images, policy.CreateFamilyResolver(), inventory.AccountId);
        _gate = new ImageGate(inventory, selection, _families, policy.ToProtectionOptions(), policy.KeepNewest, now);
        var failed = inventory.FailedSources;
        if (failed.Count > 0)
        {
            _incomplete = new(
                ReasonCode.InventoryIncomplete,
                $"inventory incomplete ({PlanText.Sources(failed)}): no deregistration while any source failed or looks truncated");
        }
    }

    /// <summary>
    /// The images whose decision can depend on per-image references: every image that passes the gate (selection,
    /// protections with the references read so far, newest K) and that a rule would deregister. Run-wide blockers
    /// (incomplete inventory, last of family, the cap) are ignored: a reference can keep an earlier image and so free the
    /// cap or the family for this one. Every image the full plan can deregister is among them.
    /// </summary>
    public HashSet<string> Candidates()
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _images.Count; i++)
        {
            var image = _images[i];
            if (_gate.SkipIfGuarded(i, image, _families.FamilyOf(i)) is not null)
            {
                continue;
            }

            _fired.Clear();
            _notes.Clear();
            if (IsDisableCandidate(image))
            {
                if (_stage!.DisableRule(image, _notes) is not null)
                {
                    candidates.Add(image.ImageId);
                }

                continue;
            }

            AddRules(_fired, _notes, image);
            if (_fired.Count > 0)
            {
                candidates.Add(image.ImageId);
            }
        }

        return candidates;
    }

    public Plan Build()
    {
        var order = FamilyIndex.AgeOrder(_images);
        var decisions = new Decision[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            decisions[i] = Evaluate(order[i]);
        }

        return new Plan(ExpiryPlanner.FunctionName, _inventory.Region, _now, decisions, _inventory.Sources);
    }

    private Decision Evaluate(int index)
    {
        var image = _images[index];
        var family = _families.FamilyOf(index);
        if (_gate.SkipIfGuarded(index, image, family) is { } guarded)
        {
            return guarded;
        }

        if (IsDisableCandidate(image))
        {
            return EvaluateDisable(image, family);
        }

        var fired = _fired;
        fired.Clear();
        var notes = _notes;
        notes.Clear();
        AddRules(fired, notes, image);
        if (fired.Count == 0)
        {
            return ImageGate.Skip(image, family, [new(ReasonCode.NotDue, string.Join("; ", notes))]);
        }

        var blockers = _blockers;
        blockers.Clear();
        if (_incomplete is not null)
        {
            blockers.Add(_incomplete);
        }

        if (!_inventory.PerImageReferencesRead(image.ImageId))
        {
            blockers.Add(UnreadReferences.Reason);
        }

        if (_stage is not null)
        {
            var (disabledLongEnough, notYet) = _stage.DisabledAge(image);
            if (notYet is not null)
            {
                blockers.Add(notYet);
            }
            else
            {
                // The stage's own rule is the headline: the others fired long ago.
                fired.Insert(0, disabledLongEnough!);
            }
        }

        var remaining = Remaining(family);
        if (remaining <= 1)
        {
            blockers.Add(new(ReasonCode.LastOfFamily, $"last available-or-disabled image of family '{family}' in {_inventory.Region} after this run's deregistrations"));
        }

        if (_deregistrations >= _policy.MaxDeregistrationsPerRun)
        {
            blockers.Add(new(ReasonCode.BlastRadiusCapReached, $"this run already plans {_deregistrations} deregistration(s), the cap is {_policy.MaxDeregistrationsPerRun}"));
        }

        if (blockers.Count > 0)
        {
            return ImageGate.Skip(image, family, [.. blockers, .. fired]);
        }

        _remaining[family] = remaining - 1;
        _deregistrations++;
        if (image.RootDevice == RootDeviceKind.InstanceStore)
        {
            fired.Add(new(ReasonCode.InstanceStoreBacked, ImageProtections.DescribeInstanceStore(image, optedIn: true)));
        }

        if (_policy.SharedImages == SharedImageRule.KeepUnlessUnused && SharedImageCheck.SharesOf(image, _inventory.AccountId).Count > 0)
        {
            fired.Add(new(ReasonCode.SharedImage, SharedImageCheck.DescribeUnused(image, _inventory.AccountId)));
        }

        return new Decision { Image = image, Family = family, Action = DecisionAction.Deregister, Reasons = [.. fired] };
    }

    /// <summary>With the disable stage on, an image that is not disabled is never deregistered: it can only be disabled.</summary>
    private bool IsDisableCandidate(AmiImage image) => _stage is not null && image.State != ImageState.Disabled;

    private Decision EvaluateDisable(AmiImage image, string family)
    {
        _notes.Clear();
        if (_stage!.DisableRule(image, _notes) is not { } rule)
        {
            return ImageGate.Skip(image, family, [new(ReasonCode.NotDue, string.Join("; ", _notes))]);
        }

        var blockers = _blockers;
        blockers.Clear();
        if (_incomplete is not null)
        {
            blockers.Add(new(ReasonCode.InventoryIncomplete, _incomplete.Detail.Replace("no deregistration", "nothing disabled", StringComparison.Ordinal)));
        }

        if (!_inventory.PerImageReferencesRead(image.ImageId))
        {
            blockers.Add(UnreadReferences.Reason);
        }

        if (_stage.Unreadable is { } unreadable)
        {
            blockers.Add(unreadable);
        }

        if (_deregistrations >= _policy.MaxDeregistrationsPerRun)
        {
            blockers.Add(new(ReasonCode.BlastRadiusCapReached, $"this run already plans {_deregistrations} disable(s) and deregistration(s), the cap is {_policy.MaxDeregistrationsPerRun}"));
        }

        if (blockers.Count > 0)
        {
            return ImageGate.Skip(image, family, [.. blockers, rule]);
        }

        _deregistrations++;
        List<DecisionReason> reasons = [rule];
        if (_policy.SharedImages == SharedImageRule.KeepUnlessUnused && SharedImageCheck.SharesOf(image, _inventory.AccountId).Count > 0)
        {
            reasons.Add(new(ReasonCode.SharedImage, SharedImageCheck.DescribeUnused(image, _inventory.AccountId)));
        }

        return new Decision { Image = image, Family = family, Action = DecisionAction.Disable, Reasons = reasons };
    }

    private void AddRules(List<DecisionReason> fired, List<string> notes, AmiImage image)
    {
        if (_policy.DeprecatedForDays is { } deprecatedFor)
        {
            if (image.DeprecationTime is { } deprecated && deprecated <= _now.AddDays(-deprecatedFor))
            {
                fired.Add(new(ReasonCode.DeprecatedLongEnough, $"deprecated since {PlanText.Time(deprecated)}, {PlanText.DaysBetween(deprecated, _now)} days (at least {deprecatedFor})"));
            }
            else
            {
                notes.Add(image.DeprecationTime is { } at
                    ? $"deprecation time {PlanText.Time(at)} is less than {deprecatedFor} days ago"
                    : "not deprecated");
            }
        }

        if (_policy.UseExpiresAtTag)
        {
            if (!image.Tags.TryGetValue(TagNames.ExpiresAt, out var expiresAt))
            {
                notes.Add($"no {TagNames.ExpiresAt} tag");
            }
            else if (!TagTime.TryParse(expiresAt, out var expires))
            {
                notes.Add($"tag {TagNames.ExpiresAt} = '{expiresAt}' is not an RFC 3339 time and is ignored");
            }
            else if (expires <= _now)
            {
                fired.Add(new(ReasonCode.ExpiresAtPassed, $"tag {TagNames.ExpiresAt} = {PlanText.Time(expires)} has passed"));
            }
            else
            {
                notes.Add($"expires at {PlanText.Time(expires)}");
            }
        }

        if (_policy.RetentionDays is { } retention)
        {
            var days = PlanText.DaysBetween(image.CreationDate, _now);
            if (image.CreationDate <= _now.AddDays(-retention))
            {
                fired.Add(new(ReasonCode.OlderThanRetention, $"created {PlanText.Time(image.CreationDate)}, {days} days old (retention {retention} days)"));
            }
            else
            {
                notes.Add($"{days} days old (retention {retention})");
            }
        }
    }

    private int Remaining(string family)
    {
        if (!_remaining.TryGetValue(family, out var remaining))
        {
            remaining = _families.Keepers(family);
            _remaining[family] = remaining;
        }

        return remaining;
    }
}

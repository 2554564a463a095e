using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Deprecation;

/// <summary>One deprecation planning pass. See <see cref="DeprecationPlanner"/> for the rules.</summary>
internal sealed class DeprecationRun
{
    private const byte Unvisited = 0;
    private const byte InProgress = 1;
    private const byte Done = 2;

    private readonly InventorySnapshot _inventory;
    private readonly IReadOnlyList<AmiImage> _images;
    private readonly DeprecationPolicy _policy;
    private readonly DateTimeOffset _now;
    private readonly FamilyIndex _families;
    private readonly ImageGate _gate;
    private readonly Dictionary<string, int> _indexById;
    private readonly Decision?[] _decisions;
    private readonly byte[] _state;
    private readonly DecisionReason? _incomplete;
    private readonly List<DecisionReason> _fired = [];
    private readonly DateTimeOffset _target;
    private readonly bool _candidates;

    /// <param name="candidates">Plan for <see cref="Candidates"/>: run-wide blockers (incomplete inventory, unread
    /// per-image references) are ignored.</param>
    public DeprecationRun(InventorySnapshot inventory, DeprecationPolicy policy, PlanSelection selection, DateTimeOffset now, bool candidates = false)
    {
        _candidates = candidates;
        _inventory = inventory;
        _images = inventory.Images;
        _policy = policy;
        _now = now;
        _families = new FamilyIndex(_images, policy.CreateFamilyResolver(), inventory.AccountId);
        _gate = new ImageGate(inventory, selection, _families, policy.ToProtectionOptions(), policy.KeepNewest, now);
        _decisions = new Decision?[_images.Count];
        _state = new byte[_images.Count];
        _target = DeprecationLimits.Target(now, policy.DeprecateInDays);
        _indexById = new Dictionary<string, int>(_images.Count, StringComparer.Ordinal);
        for (var i = 0; i < _images.Count; i++)
        {
            _indexById.TryAdd(_images[i].ImageId, i);
        }

        var failed = inventory.FailedSources.Where(s => s.Source != InventorySource.LastLaunchedTime).ToList();
        if (failed.Count > 0 && !candidates)
        {
            _incomplete = new(
                ReasonCode.InventoryIncomplete,
                $"inventory incomplete ({PlanText.Sources(failed)}): nothing is deprecated that cannot be proven unused");
        }
    }

    /// <summary>
    /// The images whose decision can depend on per-image references: those this pass (built with
    /// <c>candidates: true</c>) would deprecate. A reference can only keep an image; a kept source's copies then follow
    /// its existing time (or none) instead of the earlier planned one, and a later time (clamps are monotone) never turns
    /// a copy's skip into an action, so no copy outside the set needs its references read.
    /// </summary>
    public HashSet<string> Candidates() =>
        new(Build().Decisions.Where(d => d.Acts).Select(d => d.Image.ImageId), StringComparer.Ordinal);

    public Plan Build()
    {
        var pending = new Stack<int>();
        for (var i = 0; i < _images.Count; i++)
        {
            if (_state[i] == Done)
            {
                continue;
            }

            // Sources are decided before their copies (explicit stack: no recursion depth limit; cycles fall back to own age).
            pending.Push(i);
            while (pending.Count > 0)
            {
                var j = pending.Peek();
                if (_state[j] == Unvisited)
                {
                    _state[j] = InProgress;
                    var source = SourceOf(j);
                    if (source >= 0 && _state[source] == Unvisited)
                    {
                        pending.Push(source);
                        continue;
                    }
                }

                pending.Pop();
                _decisions[j] = Evaluate(j);
                _state[j] = Done;
            }
        }

        var order = FamilyIndex.AgeOrder(_images);
        var decisions = new Decision[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            decisions[i] = _decisions[order[i]]!;
        }

        return new Plan(DeprecationPlanner.FunctionName, _inventory.Region, _now, decisions, _inventory.Sources);
    }

    private int SourceOf(int index)
    {
        var sourceId = _images[index].Tag(TagNames.SourceImage);
        return sourceId is not null && _indexById.TryGetValue(sourceId.Trim(), out var source) && source != index ? source : -1;
    }

    private Decision Evaluate(int index)
    {
        var image = _images[index];
        var family = _families.FamilyOf(index);
        if (_gate.SkipIfGuarded(index, image, family) is { } guarded)
        {
            return guarded;
        }

        var fired = _fired;
        fired.Clear();
        DateTimeOffset wanted;
        var source = SourceOf(index);
        if (source >= 0 && _state[source] == Done)
        {
            var sourceImage = _images[source];
            var sourceTime = EffectiveTime(source);
            if (sourceTime is null)
            {
                return ImageGate.Skip(image, family, [new(ReasonCode.NotDue, $"copy of {sourceImage.ImageId} (in this region), which has no deprecation time")]);
            }

            fired.Add(new(ReasonCode.FollowsSourceDeprecation, $"copy of {sourceImage.ImageId}, deprecated at {PlanText.Time(sourceTime.Value)}"));
            wanted = sourceTime.Value;
        }
        else
        {
            AddRules(fired, index, image, family);
            if (fired.Count == 0)
            {
                return ImageGate.Skip(image, family, [new(ReasonCode.NotDue, NotDueDetail(index, image))]);
            }

            wanted = _target;
        }

        var (time, clamp) = DeprecationLimits.Clamp(wanted, image, _now);
        DecisionReason? moved = null;
        if (image.DeprecationTime is { } earlier && earlier <= time)
        {
            return ImageGate.Skip(image, family, [new(ReasonCode.AlreadyDeprecatedEarlier, $"already deprecated at {PlanText.Time(earlier)}, not later than {PlanText.Time(time)}"), .. fired]);
        }

        if (DeprecationLimits.IsPastPublicLimit(image, _now, out var publicLimit))
        {
            return ImageGate.Skip(image, family, [new(
                ReasonCode.PublicPastDeprecationLimit,
                $"public image created {PlanText.Time(image.CreationDate)}: EC2 accepts deprecation times for public images only up to 2 years after creation ({PlanText.Time(publicLimit)}), which has passed; make it private to deprecate it"), .. fired]);
        }

        if (image.DeprecationTime is { } existing)
        {

            if (!_policy.AllowMovingExistingDeprecation)
            {
                return ImageGate.Skip(image, family, [new(ReasonCode.DeprecationSetByHand, $"existing deprecation time {PlanText.Time(existing)} is later than {PlanText.Time(time)} and counts as set by hand; the policy does not move it"), .. fired]);
            }

            moved = new(ReasonCode.DeprecationMovedEarlier, $"moves the existing deprecation time {PlanText.Time(existing)} earlier to {PlanText.Time(time)}");
        }

        if (_incomplete is not null)
        {
            return ImageGate.Skip(image, family, [_incomplete, .. fired]);
        }

        if (!_candidates && !_inventory.PerImageReferencesRead(image.ImageId))
        {
            return ImageGate.Skip(image, family, [UnreadReferences.Reason, .. fired]);
        }

        if (clamp is not null)
        {
            fired.Add(clamp);
        }

        if (moved is not null)
        {
            fired.Add(moved);
        }

        return new Decision { Image = image, Family = family, Action = DecisionAction.Deprecate, Reasons = [.. fired], DeprecateAt = time };
    }

    private void AddRules(List<DecisionReason> fired, int index, AmiImage image, string family)
    {
        if (_policy.MaxAgeDays is { } maxAge && image.CreationDate <= _now.AddDays(-maxAge))
        {
            fired.Add(new(ReasonCode.OlderThanMaxAge, $"created {PlanText.Time(image.CreationDate)}, {PlanText.DaysBetween(image.CreationDate, _now)} days old (max age {maxAge} days)"));
        }

        if (_policy.MinNewerImages is { } minNewer)
        {
            var newer = _families.NewerCount(index, image);
            if (newer >= minNewer)
            {
                var newest = _families.Newest(family)!;
                fired.Add(new(ReasonCode.SupersededByNewer, $"{newer} newer available image(s) in family '{family}' (threshold {minNewer}); newest {newest.ImageId} created {PlanText.Time(newest.CreationDate)}"));
            }
        }
    }

    private DateTimeOffset? EffectiveTime(int index) =>
        _decisions[index] is { Action: DecisionAction.Deprecate, DeprecateAt: { } planned } ? planned : _images[index].DeprecationTime;

    private string NotDueDetail(int index, AmiImage image)
    {
        var parts = new List<string>(2);
        if (_policy.MaxAgeDays is { } maxAge)
        {
            parts.Add($"{PlanText.DaysBetween(image.CreationDate, _now)} days old (max age {maxAge})");
        }

        if (_policy.MinNewerImages is { } minNewer)
        {
            parts.Add($"{_families.NewerCount(index, image)} newer image(s) (threshold {minNewer})");
        }

        return string.Join("; ", parts);
    }
}

using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Simulation.State;

/// <summary>Everything one region holds, with the indices that keep every call O(result) rather than O(fleet).</summary>
internal sealed class RegionState(string name)
{
    public string Name { get; } = name;

    public OrderedStore<SimImage> Images { get; } = new();
    public OrderedStore<SimSnapshot> Snapshots { get; } = new();
    public OrderedStore<SimInstance> Instances { get; } = new();
    public OrderedStore<SimLaunchTemplate> LaunchTemplates { get; } = new();
    public Dictionary<string, SimLaunchTemplate> LaunchTemplatesByName { get; } = new(StringComparer.Ordinal);

    public OrderedStore<SimLaunchConfiguration> LaunchConfigurations { get; } = new();
    public Dictionary<string, SimAutoScalingGroup> AutoScalingGroups { get; } = new(StringComparer.Ordinal);
    public OrderedStore<SimSpotRequest> SpotRequests { get; } = new();
    public OrderedStore<SimSpotFleet> SpotFleets { get; } = new();
    public OrderedStore<SimFleet> Fleets { get; } = new();

    public OrderedStore<BinnedImage> BinnedImages { get; } = new();
    public OrderedStore<BinnedSnapshot> BinnedSnapshots { get; } = new();
    public PriorityQueue<string, DateTimeOffset> ImageBinExpiry { get; } = new();
    public PriorityQueue<string, DateTimeOffset> SnapshotBinExpiry { get; } = new();

    /// <summary>Ids that existed here and are gone: describing them returns nothing, acting on them is "Unavailable".</summary>
    public HashSet<string> GoneImageIds { get; } = new(StringComparer.Ordinal);
    public HashSet<string> GoneSnapshotIds { get; } = new(StringComparer.Ordinal);

    public List<RecycleBinRule> RecycleBinRules { get; } = [];

    /// <summary>AMI usage reports (CreateImageUsageReport) and when each next changes (becomes ready, then expires).</summary>
    public OrderedStore<SimUsageReport> UsageReports { get; } = new();
    public PriorityQueue<string, DateTimeOffset> UsageReportDue { get; } = new();
    public Dictionary<string, string> UsageReportTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Use of an image in other accounts, as a usage report would count it: image → (account, type) → count.</summary>
    public Dictionary<string, Dictionary<(string AccountId, string ResourceType), long>> ExternalUsage { get; } = new(StringComparer.Ordinal);

    /// <summary>Images whose next usage report ends in <c>error</c>, with the state reason.</summary>
    public Dictionary<string, string> FailingUsageReports { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> SsmParameters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, CopyTokenEntry> CopyTokens { get; } = new(StringComparer.Ordinal);
    public HashSet<string> PendingImageIds { get; } = new(StringComparer.Ordinal);
    public HashSet<string> PendingSnapshotIds { get; } = new(StringComparer.Ordinal);

    /// <summary>When pending images/snapshots are due (lazy deletion: entries may be stale).</summary>
    public PriorityQueue<(bool IsImage, string Id), DateTimeOffset> DueQueue { get; } = new();

    // Value: the one image using the snapshot (the common case, no extra allocation) or a HashSet of several.
    private readonly Dictionary<string, object> _snapshotUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _ownedNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SimInstance>> _instancesByImage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(SimLaunchTemplate Template, SimLaunchTemplateVersion Version)>> _templateVersionsByImage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ExternalReference>> _externalReferences = new(StringComparer.Ordinal);

    /// <summary>Registers an image (any state but deregistered) and indexes its name and snapshots.</summary>
    public void AttachImage(SimImage image, string accountId)
    {
        Images.Add(image.ImageId, image);
        GoneImageIds.Remove(image.ImageId);
        if (image.OwnerId == accountId)
        {
            _ownedNames[image.Name] = image.ImageId;
        }

        foreach (var snapshotId in image.SnapshotIds)
        {
            if (!_snapshotUsers.TryGetValue(snapshotId, out var users))
            {
                _snapshotUsers[snapshotId] = image.ImageId;
            }
            else if (users is string single)
            {
                if (single != image.ImageId)
                {
                    _snapshotUsers[snapshotId] = new HashSet<string>(StringComparer.Ordinal) { single, image.ImageId };
                }
            }
            else
            {
                ((HashSet<string>)users).Add(image.ImageId);
            }
        }
    }

    /// <summary>Unregisters an image: it no longer holds its name or its snapshots.</summary>
    public void DetachImage(SimImage image)
    {
        Images.Remove(image.ImageId);
        PendingImageIds.Remove(image.ImageId);
        if (_ownedNames.TryGetValue(image.Name, out var holder) && holder == image.ImageId)
        {
            _ownedNames.Remove(image.Name);
        }

        foreach (var snapshotId in image.SnapshotIds)
        {
            if (!_snapshotUsers.TryGetValue(snapshotId, out var users))
            {
                continue;
            }

            if (users is string single)
            {
                if (single == image.ImageId)
                {
                    _snapshotUsers.Remove(snapshotId);
                }
            }
            else
            {
                var set = (HashSet<string>)users;
                set.Remove(image.ImageId);
                if (set.Count == 0)
                {
                    _snapshotUsers.Remove(snapshotId);
                }
            }
        }
    }

    /// <summary>A pending image settles when its CompletesAt passes.</summary>
    public void MarkPending(SimImage image)
    {
        PendingImageIds.Add(image.ImageId);
        if (image.CompletesAt is { } at)
        {
            DueQueue.Enqueue((true, image.ImageId), at);
        }
    }

    /// <summary>A pending snapshot: completes on its own CompletesAt, or with its image when it has none.</summary>
    public void MarkPending(SimSnapshot snapshot)
    {
        PendingSnapshotIds.Add(snapshot.SnapshotId);
        if (snapshot.CompletesAt is { } at)
        {
            DueQueue.Enqueue((false, snapshot.SnapshotId), at);
        }
    }

    public string? ImageHoldingName(string name) => _ownedNames.GetValueOrDefault(name);

    /// <summary>Names of deregistered images not yet free (<see cref="SimulatorOptions.DeregisteredNameHold"/>).</summary>
    public Dictionary<string, (string ImageId, DateTimeOffset Until)> ReleasingNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The image holding <paramref name="name"/> for a new image: a registered one, or one deregistered too recently.</summary>
    public string? ImageHoldingName(string name, DateTimeOffset now) =>
        ImageHoldingName(name) ?? (ReleasingNames.TryGetValue(name, out var released) && now < released.Until ? released.ImageId : null);

    /// <summary>Registered (incl. disabled/pending/failed) images that use the snapshot.</summary>
    public IReadOnlyCollection<string> SnapshotUsers(string snapshotId) => _snapshotUsers.GetValueOrDefault(snapshotId) switch
    {
        null => [],
        string single => [single],
        var users => (HashSet<string>)users,
    };

    public void AddInstance(SimInstance instance)
    {
        Instances.Add(instance.InstanceId, instance);
        if (!_instancesByImage.TryGetValue(instance.ImageId, out var list))
        {
            list = [];
            _instancesByImage[instance.ImageId] = list;
        }

        list.Add(instance);
    }

    public IReadOnlyList<SimInstance> InstancesOf(string imageId) =>
        _instancesByImage.TryGetValue(imageId, out var list) ? list : [];

    public void AddLaunchTemplate(SimLaunchTemplate template)
    {
        LaunchTemplates.Add(template.LaunchTemplateId, template);
        LaunchTemplatesByName.Add(template.Name, template);
    }

    public void IndexVersion(SimLaunchTemplate template, SimLaunchTemplateVersion version)
    {
        if (version.ImageId is null)
        {
            return;
        }

        if (!_templateVersionsByImage.TryGetValue(version.ImageId, out var list))
        {
            list = [];
            _templateVersionsByImage[version.ImageId] = list;
        }

        list.Add((template, version));
    }

    public IReadOnlyList<(SimLaunchTemplate Template, SimLaunchTemplateVersion Version)> TemplateVersionsOf(string imageId) =>
        _templateVersionsByImage.TryGetValue(imageId, out var list) ? list : [];

    public void AddExternalReference(ExternalReference reference)
    {
        if (!_externalReferences.TryGetValue(reference.ImageId, out var list))
        {
            list = [];
            _externalReferences[reference.ImageId] = list;
        }

        list.Add(reference);
    }

    public IEnumerable<ExternalReference> AllExternalReferences => _externalReferences.Values.SelectMany(list => list);

    public IReadOnlyList<ExternalReference> ExternalReferencesOf(string imageId) =>
        _externalReferences.TryGetValue(imageId, out var list) ? list : [];
}

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

    public OrderedStore<BinnedImage> BinnedImages { get; } = new();
    public OrderedStore<BinnedSnapshot> BinnedSnapshots { get; } = new();
    public PriorityQueue<string, DateTimeOffset> ImageBinExpiry { get; } = new();
    public PriorityQueue<string, DateTimeOffset> SnapshotBinExpiry { get; } = new();

    /// <summary>Ids that existed here and are gone: describing them returns nothing, acting on them is "Unavailable".</summary>
    public HashSet<string> GoneImageIds { get; } = new(StringComparer.Ordinal);
    public HashSet<string> GoneSnapshotIds { get; } = new(StringComparer.Ordinal);

    public List<RecycleBinRule> RecycleBinRules { get; } = [];
    public Dictionary<string, string> SsmParameters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, CopyTokenEntry> CopyTokens { get; } = new(StringComparer.Ordinal);
    public HashSet<string> PendingImageIds { get; } = new(StringComparer.Ordinal);
    public HashSet<string> PendingSnapshotIds { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<string, HashSet<string>> _snapshotUsers = new(StringComparer.Ordinal);
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
                users = new HashSet<string>(StringComparer.Ordinal);
                _snapshotUsers[snapshotId] = users;
            }

            users.Add(image.ImageId);
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
            if (_snapshotUsers.TryGetValue(snapshotId, out var users))
            {
                users.Remove(image.ImageId);
                if (users.Count == 0)
                {
                    _snapshotUsers.Remove(snapshotId);
                }
            }
        }
    }

    public string? ImageHoldingName(string name) => _ownedNames.GetValueOrDefault(name);

    /// <summary>Registered (incl. disabled/pending/failed) images that use the snapshot.</summary>
    public IReadOnlyCollection<string> SnapshotUsers(string snapshotId) =>
        _snapshotUsers.TryGetValue(snapshotId, out var users) ? users : [];

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

    public IReadOnlyList<ExternalReference> ExternalReferencesOf(string imageId) =>
        _externalReferences.TryGetValue(imageId, out var list) ? list : [];
}

using AmiAutomation.Simulation.Operations;
using AmiAutomation.Simulation.Seeding;
using AmiAutomation.Simulation.State;

namespace AmiAutomation.Simulation;

/// <summary>Seeding: put resources straight into the world (no call recorded, no throttling, no validation beyond ids).</summary>
public sealed partial class Ec2Simulator
{
    /// <summary>Adds an image (see <see cref="ImageBuilder"/> for defaults) and returns its id.</summary>
    public string AddImage(string region, Action<ImageBuilder>? configure = null)
    {
        var spec = new ImageBuilder();
        configure?.Invoke(spec);
        return Locked(now => ImageFactory.Register(this, RegionLocked(CheckRegion(region)), spec, now).ImageId);
    }

    /// <summary>Adds an image described by a prepared <see cref="ImageBuilder"/> and returns its id.</summary>
    public string AddImage(string region, ImageBuilder image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Locked(now => ImageFactory.Register(this, RegionLocked(CheckRegion(region)), image, now).ImageId);
    }

    /// <summary>A standalone <c>completed</c> snapshot (e.g. to share between images via <see cref="ImageBuilder.WithSnapshot"/>).</summary>
    public string AddSnapshot(string region, int sizeGiB = 8, string? description = null, bool encrypted = false)
    {
        return Locked(now =>
        {
            var snapshot = new SimSnapshot
            {
                SnapshotId = Ids.Next("snap"),
                VolumeId = Ids.Next("vol"),
                OwnerId = AccountId,
                VolumeSizeGiB = sizeGiB,
                Description = description,
                StartTime = now,
                Encrypted = encrypted,
            };
            RegionLocked(CheckRegion(region)).Snapshots.Add(snapshot.SnapshotId, snapshot);
            return snapshot.SnapshotId;
        });
    }

    /// <summary>An instance launched from <paramref name="imageId"/> (which need not exist any more).
    /// State: pending, running, stopping, stopped, shutting-down or terminated (terminated now).</summary>
    public string AddInstance(string region, string imageId, string state = "running", DateTimeOffset? launchTime = null)
    {
        CheckInstanceState(state);
        return Locked(now =>
        {
            var instance = new SimInstance
            {
                InstanceId = Ids.Next("i"),
                ReservationId = Ids.Next("r"),
                ImageId = imageId,
                LaunchTime = launchTime ?? now,
                State = state,
                TerminatedAt = state == "terminated" ? now : null,
            };
            RegionLocked(CheckRegion(region)).AddInstance(instance);
            return instance.InstanceId;
        });
    }

    public void SetInstanceState(string region, string instanceId, string state)
    {
        CheckInstanceState(state);
        Locked(now =>
        {
            var instance = RegionLocked(CheckRegion(region)).Instances.Find(instanceId)
                ?? throw new ArgumentException($"Instance {instanceId} does not exist in {region}.", nameof(instanceId));
            instance.State = state;
            instance.TerminatedAt = state == "terminated" ? now : null;
            return 0;
        });
    }

    /// <summary>A launch template whose versions 1..n launch the given images (null: a version without an image;
    /// <c>resolve:ssm:NAME</c>: resolved through <see cref="AddSsmParameter"/>). Default version 1. Returns the id.</summary>
    public string AddLaunchTemplate(string region, string name, params string?[] versionImageIds)
    {
        ArgumentNullException.ThrowIfNull(versionImageIds);
        return Locked(now =>
        {
            var state = RegionLocked(CheckRegion(region));
            if (state.LaunchTemplatesByName.ContainsKey(name))
            {
                throw new ArgumentException($"Launch template {name} already exists in {region}.", nameof(name));
            }

            var template = CreateLaunchTemplateLocked(state, name, now);
            foreach (var imageId in versionImageIds)
            {
                AddVersionLocked(state, template, imageId, null, null, now);
            }

            return template.LaunchTemplateId;
        });
    }

    /// <summary>Adds the next version (returns its number); optionally makes it the default.</summary>
    public long AddLaunchTemplateVersion(string region, string launchTemplateIdOrName, string? imageId, bool makeDefault = false)
    {
        return Locked(now =>
        {
            var state = RegionLocked(CheckRegion(region));
            var template = FindTemplateLocked(state, launchTemplateIdOrName);
            var version = AddVersionLocked(state, template, imageId, null, null, now);
            if (makeDefault)
            {
                template.DefaultVersion = version.VersionNumber;
            }

            return version.VersionNumber;
        });
    }

    public void SetDefaultLaunchTemplateVersion(string region, string launchTemplateIdOrName, long version)
    {
        Locked(_ =>
        {
            var template = FindTemplateLocked(RegionLocked(CheckRegion(region)), launchTemplateIdOrName);
            if (template.Version(version) is null)
            {
                throw new ArgumentOutOfRangeException(nameof(version), version, $"Launch template {launchTemplateIdOrName} has no version {version}.");
            }

            template.DefaultVersion = version;
            return 0;
        });
    }

    /// <summary>A reference only DescribeImageReferences reports, e.g. (<c>ssm:Parameter</c>, its ARN) or an Image Builder recipe.</summary>
    public void AddImageReference(string region, string imageId, string resourceType, string arn) =>
        Locked(_ =>
        {
            RegionLocked(CheckRegion(region)).AddExternalReference(new ExternalReference(imageId, resourceType, arn));
            return 0;
        });

    /// <summary>An SSM parameter holding an image id: usable as <c>resolve:ssm:NAME</c> in launch templates and
    /// reported by DescribeImageReferences as <c>ssm:Parameter</c>.</summary>
    public void AddSsmParameter(string region, string parameterName, string imageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameterName);
        var path = parameterName.StartsWith('/') ? parameterName : "/" + parameterName;
        Locked(_ =>
        {
            var state = RegionLocked(CheckRegion(region));
            state.SsmParameters[parameterName] = imageId;
            state.AddExternalReference(new ExternalReference(imageId, "ssm:Parameter", $"arn:aws:ssm:{region}:{AccountId}:parameter{path}"));
            return 0;
        });
    }

    /// <summary>Adds a retention rule: from now on matching deregistered images / deleted snapshots go to the bin
    /// (when <see cref="RecycleBinRule.IsAvailable"/>). Returns its identifier.</summary>
    public string AddRecycleBinRule(string region, RecycleBinRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.RetentionDays is < 1 or > 365)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.RetentionDays, "Retention must be 1–365 days.");
        }

        if (rule.IsTagLevel && rule.ExcludeResourceTags.Count > 0)
        {
            throw new ArgumentException("ExcludeResourceTags is only for region-level rules (no ResourceTags).", nameof(rule));
        }

        if ((rule.IsTagLevel || rule.ExcludeResourceTags.Count > 0) && rule.LockState is not null)
        {
            throw new ArgumentException("Tag-level rules and region-level rules with exclusion tags cannot be locked.", nameof(rule));
        }

        return Locked(_ =>
        {
            var rules = RegionLocked(CheckRegion(region)).RecycleBinRules;
            var identifier = rule.Identifier ?? NextRuleIdentifier();
            if (rules.Exists(r => r.Identifier == identifier))
            {
                throw new ArgumentException($"Rule {identifier} already exists in {region}.", nameof(rule));
            }

            rules.Add(rule with { Identifier = identifier });
            return identifier;
        });
    }

    public IReadOnlyList<RecycleBinRule> RecycleBinRules(string region) =>
        Locked(_ => (IReadOnlyList<RecycleBinRule>)[.. RegionLocked(CheckRegion(region)).RecycleBinRules]);

    public void ClearRecycleBinRules(string region) =>
        Locked(_ =>
        {
            RegionLocked(CheckRegion(region)).RecycleBinRules.Clear();
            return 0;
        });

    /// <summary>Deletes a rule (as DeleteRule would; a locked rule cannot be deleted). False when it does not exist.</summary>
    public bool RemoveRecycleBinRule(string region, string identifier) =>
        Locked(_ =>
        {
            var rules = RegionLocked(CheckRegion(region)).RecycleBinRules;
            var index = rules.FindIndex(r => r.Identifier == identifier);
            if (index < 0)
            {
                return false;
            }

            if (rules[index].LockState is "locked" or "pending_unlock")
            {
                throw new InvalidOperationException($"Rule {identifier} is {rules[index].LockState} and cannot be deleted.");
            }

            rules.RemoveAt(index);
            return true;
        });

    /// <summary>Replaces a rule (UpdateRule, or a status change such as pending → available); the identifier stays.</summary>
    public void UpdateRecycleBinRule(string region, string identifier, Func<RecycleBinRule, RecycleBinRule> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Locked(_ =>
        {
            var rules = RegionLocked(CheckRegion(region)).RecycleBinRules;
            var index = rules.FindIndex(r => r.Identifier == identifier);
            if (index < 0)
            {
                throw new KeyNotFoundException($"Rule {identifier} does not exist in {region}.");
            }

            rules[index] = update(rules[index]) with { Identifier = identifier };
            return 0;
        });
    }

    private string NextRuleIdentifier()
    {
        _ruleCounter++;
        return "rule" + _ruleCounter.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What EC2 would report as LastLaunchedTime (registered or binned image).</summary>
    public void SetLastLaunched(string region, string imageId, DateTimeOffset? at) =>
        Locked(_ =>
        {
            SeededImageLocked(region, imageId).LastLaunchedTime = at;
            return 0;
        });

    /// <summary>Sets a tag without the API's checks (e.g. <c>aws:</c> tags of AWS services).</summary>
    public void SetImageTag(string region, string imageId, string key, string value) =>
        Locked(_ =>
        {
            SeededImageLocked(region, imageId).Tags[key] = value;
            return 0;
        });

    internal SimLaunchTemplate CreateLaunchTemplateLocked(RegionState region, string name, DateTimeOffset now)
    {
        var template = new SimLaunchTemplate { LaunchTemplateId = Ids.Next("lt"), Name = name, CreateTime = now };
        region.AddLaunchTemplate(template);
        return template;
    }

    internal SimLaunchTemplateVersion AddVersionLocked(RegionState region, SimLaunchTemplate template, string? imageId, string? description, string? instanceType, DateTimeOffset now)
    {
        string? alias = null;
        if (imageId is not null && imageId.StartsWith("resolve:ssm:", StringComparison.Ordinal))
        {
            alias = imageId;
            imageId = region.SsmParameters.GetValueOrDefault(imageId["resolve:ssm:".Length..]);
        }

        var version = new SimLaunchTemplateVersion
        {
            VersionNumber = template.LatestVersion + 1,
            CreateTime = now,
            ImageId = imageId,
            ImageAlias = alias,
            Description = description,
            InstanceType = instanceType,
        };
        template.Versions.Add(version);
        region.IndexVersion(template, version);
        return version;
    }

    private SimImage SeededImageLocked(string region, string imageId)
    {
        var state = RegionLocked(CheckRegion(region));
        return state.Images.Find(imageId) ?? state.BinnedImages.Find(imageId)?.Image
            ?? throw new ArgumentException($"Image {imageId} does not exist in {region}.", nameof(imageId));
    }

    private static SimLaunchTemplate FindTemplateLocked(RegionState region, string idOrName) =>
        region.LaunchTemplates.Find(idOrName) ?? region.LaunchTemplatesByName.GetValueOrDefault(idOrName)
        ?? throw new ArgumentException($"Launch template {idOrName} does not exist in {region.Name}.", nameof(idOrName));

    private static string CheckRegion(string region) =>
        ResourceIds.IsRegionName(region) ? region : throw new ArgumentException($"'{region}' is not a region name (e.g. us-east-1).", nameof(region));


    private static void CheckInstanceState(string state)
    {
        if (state is not ("pending" or "running" or "stopping" or "stopped" or "shutting-down" or "terminated"))
        {
            throw new ArgumentException($"Unknown instance state '{state}'.", nameof(state));
        }
    }
}

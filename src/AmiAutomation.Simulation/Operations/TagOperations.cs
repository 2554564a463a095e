using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// CreateTags/DeleteTags on images (also in the Recycle Bin), snapshots (also binned), instances and launch templates.
/// All resources are validated before anything changes: unknown ids → the resource's NotFound code, bad prefixes →
/// InvalidID, <c>aws:</c> keys → InvalidTagKey.Malformed, more than 50 user tags → TagLimitExceeded.
/// </summary>
internal static class TagOperations
{
    public const int MaxTagsPerResource = 50;

    public static CreateTagsResponse Create(OperationContext context, CreateTagsRequest request)
    {
        var targets = Resolve(context, request.Resources);
        if (request.Tags is not { Count: > 0 })
        {
            throw Ec2Errors.MissingParameter("Tag");
        }

        foreach (var tag in request.Tags)
        {
            ValidateKey(tag.Key);
            if ((tag.Value ?? string.Empty).Length > 256)
            {
                throw Ec2Errors.InvalidParameterValue($"The value of tag '{tag.Key}' exceeds 256 characters.");
            }
        }

        foreach (var (id, tags) in targets)
        {
            var keys = tags.Keys.Where(IsUserKey).Union(request.Tags.Select(t => t.Key), StringComparer.Ordinal).Count();
            if (keys > MaxTagsPerResource)
            {
                throw Ec2Errors.Create("TagLimitExceeded", $"The maximum number of tags ({MaxTagsPerResource}) for resource {id} would be exceeded ({keys}).");
            }
        }

        context.Commit();
        foreach (var (_, tags) in targets)
        {
            foreach (var tag in request.Tags)
            {
                tags[tag.Key] = tag.Value ?? string.Empty;
            }
        }

        return new CreateTagsResponse { HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    public static DeleteTagsResponse Delete(OperationContext context, DeleteTagsRequest request)
    {
        var targets = Resolve(context, request.Resources);
        foreach (var tag in request.Tags ?? [])
        {
            ValidateKey(tag.Key);
        }

        context.Commit();
        foreach (var (_, tags) in targets)
        {
            if (request.Tags is not { Count: > 0 })
            {
                foreach (var key in tags.Keys.Where(IsUserKey).ToList())
                {
                    tags.Remove(key);
                }

                continue;
            }

            foreach (var tag in request.Tags)
            {
                if (tag.Value is null || (tags.TryGetValue(tag.Key, out var value) && value == tag.Value))
                {
                    tags.Remove(tag.Key);
                }
            }
        }

        return new DeleteTagsResponse { HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    public static void ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw Ec2Errors.InvalidParameterValue("Tag keys must not be empty.");
        }

        if (key.Length > 128)
        {
            throw Ec2Errors.InvalidParameterValue($"The tag key '{key}' exceeds 128 characters.");
        }

        if (!IsUserKey(key))
        {
            throw Ec2Errors.Create("InvalidTagKey.Malformed", $"Tag key '{key}' is reserved: keys starting with 'aws:' are for AWS use only.");
        }
    }

    public static bool IsUserKey(string key) => !key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase);

    private static List<(string Id, Dictionary<string, string> Tags)> Resolve(OperationContext context, List<string>? resources)
    {
        if (resources is not { Count: > 0 })
        {
            throw Ec2Errors.MissingParameter("ResourceId");
        }

        if (resources.Count > 1000)
        {
            throw Ec2Errors.InvalidParameterValue($"Too many resources ({resources.Count}); at most 1000 per call.");
        }

        var region = context.Region;
        var targets = new List<(string, Dictionary<string, string>)>(resources.Count);
        foreach (var id in resources.Distinct(StringComparer.Ordinal))
        {
            Dictionary<string, string>? tags;
            if (ResourceIds.IsImageId(id))
            {
                tags = region.Images.Find(id)?.Tags ?? region.BinnedImages.Find(id)?.Image.Tags
                    ?? throw Ec2Errors.ImageNotFound([id]);
            }
            else if (ResourceIds.IsSnapshotId(id))
            {
                tags = region.Snapshots.Find(id)?.Tags ?? region.BinnedSnapshots.Find(id)?.Snapshot.Tags
                    ?? throw Ec2Errors.SnapshotNotFound([id]);
            }
            else if (ResourceIds.IsInstanceId(id))
            {
                tags = region.Instances.Find(id)?.Tags
                    ?? throw Ec2Errors.Create("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist");
            }
            else if (ResourceIds.IsLaunchTemplateId(id))
            {
                tags = region.LaunchTemplates.Find(id)?.Tags
                    ?? throw Ec2Errors.Create("InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {id}, does not exist.");
            }
            else
            {
                throw Ec2Errors.Create("InvalidID", $"The ID '{id}' is not valid");
            }

            targets.Add((id, tags));
        }

        return targets;
    }
}

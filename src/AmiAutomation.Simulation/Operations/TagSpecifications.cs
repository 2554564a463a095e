using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Validates TagSpecifications for the resource types a call creates and extracts the tags per type.</summary>
internal static class TagSpecifications
{
    public static Dictionary<string, List<Tag>> Validate(List<TagSpecification>? specifications, params string[] allowedTypes)
    {
        var byType = new Dictionary<string, List<Tag>>(StringComparer.Ordinal);
        foreach (var specification in specifications ?? [])
        {
            var type = specification.ResourceType?.Value;
            if (type is null || !allowedTypes.Contains(type))
            {
                throw Ec2Errors.InvalidParameterValue($"'{type}' is not a valid taggable resource type for this operation (allowed: {string.Join(", ", allowedTypes)}).");
            }

            foreach (var tag in specification.Tags ?? [])
            {
                TagOperations.ValidateKey(tag.Key);
            }

            if (!byType.TryGetValue(type, out var tags))
            {
                tags = [];
                byType[type] = tags;
            }

            tags.AddRange(specification.Tags ?? []);
        }

        foreach (var (type, tags) in byType)
        {
            if (tags.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count() > TagOperations.MaxTagsPerResource)
            {
                throw Ec2Errors.Create("TagLimitExceeded", $"More than {TagOperations.MaxTagsPerResource} tags requested for the new {type}.");
            }
        }

        return byType;
    }

    public static void Apply(Dictionary<string, List<Tag>> byType, string type, Dictionary<string, string> target)
    {
        if (byType.TryGetValue(type, out var tags))
        {
            foreach (var tag in tags)
            {
                target[tag.Key] = tag.Value ?? string.Empty;
            }
        }
    }
}

using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// DescribeImageReferences: instances (all states incl. recently terminated unless <c>state-name</c> narrows),
/// launch templates with a version among the latest <c>version-depth</c> (default 10) using the image (one reference
/// per template), and seeded references (SSM parameters, Image Builder recipes). ImageIds 1–10, MaxResults 5–1000.
/// </summary>
internal static class ImageReferenceOperation
{
    private const string Scope = "DescribeImageReferences";
    private const string InstanceType = "ec2:Instance";
    private const string LaunchTemplateType = "ec2:LaunchTemplate";

    private static readonly string[] AllTypes =
        [InstanceType, LaunchTemplateType, "ssm:Parameter", "imagebuilder:ImageRecipe", "imagebuilder:ContainerRecipe"];

    public static DescribeImageReferencesResponse Run(OperationContext context, DescribeImageReferencesRequest request)
    {
        var imageIds = request.ImageIds ?? [];
        if (imageIds.Count is < 1 or > 10)
        {
            throw Ec2Errors.InvalidParameterValue($"ImageIds must hold 1 to 10 image ids (got {imageIds.Count}).");
        }

        var malformed = imageIds.Find(id => !ResourceIds.IsImageId(id));
        if (malformed is not null)
        {
            throw Ec2Errors.ImageMalformed(malformed);
        }

        PageToken.CheckRange(request.MaxResults, 5, 1000);
        var start = PageToken.Decode(Scope, request.NextToken);
        var (types, states, depth) = ParseTypes(request);
        context.Commit();

        var region = context.Region;
        var references = new List<ImageReference>();
        var crossReport = context.World.Options.ImageReferencesReportInstancesAndTemplates;
        foreach (var imageId in imageIds.Distinct(StringComparer.Ordinal).Where(_ => !context.Blind))
        {
            if (crossReport && types.Contains(InstanceType))
            {
                references.AddRange(region.InstancesOf(imageId)
                    .Where(i => InstanceOperations.IsVisible(context, i) && (states is null || states.Contains(i.State)))
                    .Select(i => Reference(imageId, InstanceType, $"arn:aws:ec2:{region.Name}:{context.AccountId}:instance/{i.InstanceId}")));
            }

            if (crossReport && types.Contains(LaunchTemplateType))
            {
                references.AddRange(region.TemplateVersionsOf(imageId)
                    .Where(e => e.Version.VersionNumber > e.Template.LatestVersion - depth)
                    .Select(e => e.Template)
                    .Distinct()
                    .Select(t => Reference(imageId, LaunchTemplateType, $"arn:aws:ec2:{region.Name}:{context.AccountId}:launch-template/{t.LaunchTemplateId}")));
            }

            references.AddRange(region.ExternalReferencesOf(imageId)
                .Where(r => types.Contains(r.ResourceType))
                .Select(r => Reference(imageId, r.ResourceType, r.Arn)));
        }

        var (page, next) = PageToken.Page(references.Select((r, i) => (i, r)).Where(e => e.i >= start), request.MaxResults, Scope);
        return new DescribeImageReferencesResponse { ImageReferences = SdkLists.OrNull(page), NextToken = next, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    private static (HashSet<string> Types, HashSet<string>? States, long Depth) ParseTypes(DescribeImageReferencesRequest request)
    {
        var all = request.IncludeAllResourceTypes == true;
        var requested = request.ResourceTypes ?? [];
        if (!all && requested.Count == 0)
        {
            throw Ec2Errors.MissingParameter("ResourceTypes or IncludeAllResourceTypes");
        }

        var types = new HashSet<string>(all ? AllTypes : [], StringComparer.Ordinal);
        HashSet<string>? states = null;
        long depth = 10;
        foreach (var resourceType in requested)
        {
            var type = resourceType.ResourceType?.Value;
            if (type is null || !AllTypes.Contains(type))
            {
                throw Ec2Errors.InvalidParameterValue($"Unsupported resource type '{type}' (expected one of {string.Join(", ", AllTypes)}).");
            }

            types.Add(type);
            foreach (var option in resourceType.ResourceTypeOptions ?? [])
            {
                var optionName = option.OptionName?.Value;
                var values = option.OptionValues ?? [];
                if (optionName == "state-name" && type == InstanceType)
                {
                    states = values.ToHashSet(StringComparer.Ordinal);
                }
                else if (optionName == "version-depth" && type == LaunchTemplateType
                    && values.Count == 1 && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 10000)
                {
                    depth = d;
                }
                else
                {
                    throw Ec2Errors.InvalidParameterValue($"Option '{optionName}' = [{string.Join(", ", values)}] is not valid for {type} (state-name for ec2:Instance; version-depth 1–10000 for ec2:LaunchTemplate).");
                }
            }
        }

        return (types, states, depth);
    }

    private static ImageReference Reference(string imageId, string type, string arn) =>
        new() { ImageId = imageId, ResourceType = ImageReferenceResourceType.FindValue(type), Arn = arn };
}

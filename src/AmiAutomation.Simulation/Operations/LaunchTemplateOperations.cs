using AmiAutomation.Simulation.State;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>DescribeLaunchTemplates and DescribeLaunchTemplateVersions (MaxResults 1–200, stable order: templates in
/// creation order, versions ascending).</summary>
internal static class LaunchTemplateOperations
{
    private static readonly HashSet<string> TemplateFilters = new(StringComparer.Ordinal) { "create-time", "launch-template-name", "tag-key", "tag-value" };
    private static readonly HashSet<string> VersionFilters = new(StringComparer.Ordinal) { "image-id", "is-default-version", "instance-type", "create-time" };

    public static DescribeLaunchTemplatesResponse DescribeTemplates(OperationContext context, DescribeLaunchTemplatesRequest request)
    {
        const string Scope = "DescribeLaunchTemplates";
        PageToken.CheckRange(request.MaxResults, 1, 200);
        var filters = FilterSet.Compile(request.Filters, TemplateFilters);
        var start = PageToken.Decode(Scope, request.NextToken);
        var region = context.Region;
        List<SimLaunchTemplate>? selected = null;
        if (request.LaunchTemplateIds is { Count: > 0 } ids)
        {
            selected = ids.Select(id => ById(region, id)).ToList();
        }

        if (request.LaunchTemplateNames is { Count: > 0 } names)
        {
            var byName = names.Select(name => region.LaunchTemplatesByName.GetValueOrDefault(name) ?? throw NameNotFound(name)).ToList();
            selected = selected is null ? byName : [.. selected.Union(byName)];
        }

        context.Commit();
        var candidates = selected is null
            ? region.LaunchTemplates.From(start)
            : selected.Distinct().Select((t, i) => (i, t)).Where(e => e.i >= start);
        var matches = candidates.Where(e => filters.Matches(e.Item2, TemplateFilterValues));
        var (page, next) = PageToken.Page(matches, request.MaxResults, Scope);
        return new DescribeLaunchTemplatesResponse
        {
            LaunchTemplates = SdkLists.OrNull(page.Select(t => new LaunchTemplate
            {
                LaunchTemplateId = t.LaunchTemplateId,
                LaunchTemplateName = t.Name,
                CreateTime = t.CreateTime.UtcDateTime,
                CreatedBy = $"arn:aws:iam::{context.AccountId}:root",
                DefaultVersionNumber = t.DefaultVersion,
                LatestVersionNumber = t.LatestVersion,
                Tags = ImageMapper.Tags(t.Tags),
            }).ToList()),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    public static DescribeLaunchTemplateVersionsResponse DescribeVersions(OperationContext context, DescribeLaunchTemplateVersionsRequest request)
    {
        const string Scope = "DescribeLaunchTemplateVersions";
        PageToken.CheckRange(request.MaxResults, 1, 200);
        var filters = FilterSet.Compile(request.Filters, VersionFilters, allowTagFilters: false);
        var start = PageToken.Decode(Scope, request.NextToken);
        var region = context.Region;
        if (request.LaunchTemplateId is not null && request.LaunchTemplateName is not null)
        {
            throw Ec2Errors.InvalidParameterCombination("Specify LaunchTemplateId or LaunchTemplateName, not both.");
        }

        var single = request.LaunchTemplateId is { } id ? ById(region, id)
            : request.LaunchTemplateName is { } name ? region.LaunchTemplatesByName.GetValueOrDefault(name) ?? throw NameNotFound(name)
            : null;
        var versions = request.Versions is { Count: > 0 } ? request.Versions : null;
        if (single is null && versions is not null && versions.Any(v => v is not ("$Latest" or "$Default")))
        {
            throw Ec2Errors.InvalidParameterValue("Without LaunchTemplateId or LaunchTemplateName, Versions may only be $Latest and/or $Default.");
        }

        var min = ParseBound(single, request.MinVersion, "MinVersion");
        var max = ParseBound(single, request.MaxVersion, "MaxVersion");
        var templates = single is null ? region.LaunchTemplates.All : [single];
        var selected = new List<(SimLaunchTemplate Template, SimLaunchTemplateVersion Version)>();
        foreach (var template in templates)
        {
            var chosen = versions is null
                ? template.Versions
                : versions.Select(v => Resolve(template, v)).Distinct().OrderBy(v => v.VersionNumber).ToList();
            selected.AddRange(chosen
                .Where(v => (min is null || v.VersionNumber >= min) && (max is null || v.VersionNumber <= max))
                .Select(v => (template, v)));
        }

        context.Commit();
        var resolveAlias = request.ResolveAlias == true;
        var matches = selected.Select((entry, i) => (i, entry))
            .Where(e => e.i >= start && filters.Matches(e.entry, VersionFilterValues));
        var (page, next) = PageToken.Page(matches, request.MaxResults, Scope);
        return new DescribeLaunchTemplateVersionsResponse
        {
            LaunchTemplateVersions = SdkLists.OrNull(page.Select(e => new LaunchTemplateVersion
            {
                LaunchTemplateId = e.Template.LaunchTemplateId,
                LaunchTemplateName = e.Template.Name,
                VersionNumber = e.Version.VersionNumber,
                VersionDescription = e.Version.Description,
                DefaultVersion = e.Version.VersionNumber == e.Template.DefaultVersion,
                CreateTime = e.Version.CreateTime.UtcDateTime,
                CreatedBy = $"arn:aws:iam::{context.AccountId}:root",
                LaunchTemplateData = new ResponseLaunchTemplateData
                {
                    ImageId = e.Version.ImageAlias is { } alias && !resolveAlias ? alias : e.Version.ImageId,
                    InstanceType = e.Version.InstanceType is null ? null : Amazon.EC2.InstanceType.FindValue(e.Version.InstanceType),
                },
            }).ToList()),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    public static SimLaunchTemplate ById(RegionState region, string id)
    {
        if (!ResourceIds.IsLaunchTemplateId(id))
        {
            throw Ec2Errors.Create("InvalidLaunchTemplateId.Malformed", $"The specified launch template ID {id} is invalid (expecting \"lt-...\").");
        }

        return region.LaunchTemplates.Find(id)
            ?? throw Ec2Errors.Create("InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {id}, does not exist.");
    }

    public static Amazon.EC2.AmazonEC2Exception NameNotFound(string name) =>
        Ec2Errors.Create("InvalidLaunchTemplateName.NotFoundException", $"The specified launch template, with template name {name}, does not exist.");

    public static SimLaunchTemplateVersion Resolve(SimLaunchTemplate template, string version)
    {
        var number = version switch
        {
            "$Latest" => template.LatestVersion,
            "$Default" => template.DefaultVersion,
            _ when long.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
            _ => throw Ec2Errors.InvalidParameterValue($"Version '{version}' is not a number, $Latest or $Default."),
        };
        return template.Version(number)
            ?? throw Ec2Errors.Create("InvalidLaunchTemplateId.VersionNotFound", $"Could not find launch template version {version} for template {template.LaunchTemplateId}.");
    }

    private static long? ParseBound(SimLaunchTemplate? template, string? value, string parameter)
    {
        if (value is null)
        {
            return null;
        }

        if (template is not null && value is "$Latest" or "$Default")
        {
            return Resolve(template, value).VersionNumber;
        }

        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Ec2Errors.InvalidParameterValue($"{parameter} '{value}' is not a version number.");
    }

    private static IEnumerable<string?> TemplateFilterValues(SimLaunchTemplate template, string name) => name switch
    {
        "launch-template-name" => [template.Name],
        "create-time" => [TimeFormat.Iso(template.CreateTime)],
        _ => FilterSet.TagValues(template.Tags, name),
    };

    private static IEnumerable<string?> VersionFilterValues((SimLaunchTemplate Template, SimLaunchTemplateVersion Version) entry, string name) => name switch
    {
        "image-id" => [entry.Version.ImageId],
        "is-default-version" => [entry.Version.VersionNumber == entry.Template.DefaultVersion ? "true" : "false"],
        "instance-type" => [entry.Version.InstanceType],
        "create-time" => [TimeFormat.Iso(entry.Version.CreateTime)],
        _ => [],
    };
}

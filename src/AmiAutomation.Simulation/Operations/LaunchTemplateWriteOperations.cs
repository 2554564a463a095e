using System.Text.RegularExpressions;
using AmiAutomation.Simulation.State;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>CreateLaunchTemplate, CreateLaunchTemplateVersion and ModifyLaunchTemplate (default version), for setups.</summary>
internal static partial class LaunchTemplateWriteOperations
{
    public static CreateLaunchTemplateResponse Create(OperationContext context, CreateLaunchTemplateRequest request)
    {
        var name = request.LaunchTemplateName;
        if (string.IsNullOrEmpty(name))
        {
            throw Ec2Errors.MissingParameter("LaunchTemplateName");
        }

        if (!NamePattern().IsMatch(name))
        {
            throw Ec2Errors.Create("InvalidLaunchTemplateName.MalformedException", $"Launch template name '{name}' is invalid: 3–128 of letters, digits, ( ) . - / _.");
        }

        if (context.Region.LaunchTemplatesByName.ContainsKey(name))
        {
            throw Ec2Errors.Create("InvalidLaunchTemplateName.AlreadyExistsException", $"Launch template name already in use: {name}");
        }

        var tags = TagSpecifications.Validate(request.TagSpecifications, "launch-template");
        context.Commit();
        var template = context.World.CreateLaunchTemplateLocked(context.Region, name, context.Now);
        TagSpecifications.Apply(tags, "launch-template", template.Tags);
        var version = context.World.AddVersionLocked(context.Region, template, request.LaunchTemplateData?.ImageId, request.VersionDescription, request.LaunchTemplateData?.InstanceType?.Value, context.Now);
        return new CreateLaunchTemplateResponse
        {
            LaunchTemplate = new LaunchTemplate
            {
                LaunchTemplateId = template.LaunchTemplateId,
                LaunchTemplateName = template.Name,
                CreateTime = template.CreateTime.UtcDateTime,
                DefaultVersionNumber = template.DefaultVersion,
                LatestVersionNumber = version.VersionNumber,
                Tags = ImageMapper.Tags(template.Tags),
            },
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    public static CreateLaunchTemplateVersionResponse CreateVersion(OperationContext context, CreateLaunchTemplateVersionRequest request)
    {
        var template = Find(context.Region, request.LaunchTemplateId, request.LaunchTemplateName);
        var source = request.SourceVersion is { } sourceVersion ? LaunchTemplateOperations.Resolve(template, sourceVersion) : null;
        context.Commit();
        var imageId = request.LaunchTemplateData?.ImageId ?? source?.ImageAlias ?? source?.ImageId;
        var instanceType = request.LaunchTemplateData?.InstanceType?.Value ?? source?.InstanceType;
        var version = context.World.AddVersionLocked(context.Region, template, imageId, request.VersionDescription, instanceType, context.Now);
        return new CreateLaunchTemplateVersionResponse
        {
            LaunchTemplateVersion = new LaunchTemplateVersion
            {
                LaunchTemplateId = template.LaunchTemplateId,
                LaunchTemplateName = template.Name,
                VersionNumber = version.VersionNumber,
                VersionDescription = version.Description,
                DefaultVersion = version.VersionNumber == template.DefaultVersion,
                CreateTime = version.CreateTime.UtcDateTime,
                LaunchTemplateData = new ResponseLaunchTemplateData { ImageId = version.ImageAlias ?? version.ImageId },
            },
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    public static ModifyLaunchTemplateResponse Modify(OperationContext context, ModifyLaunchTemplateRequest request)
    {
        var template = Find(context.Region, request.LaunchTemplateId, request.LaunchTemplateName);
        var version = request.DefaultVersion is { } wanted ? LaunchTemplateOperations.Resolve(template, wanted) : null;
        context.Commit();
        if (version is not null)
        {
            template.DefaultVersion = version.VersionNumber;
        }

        return new ModifyLaunchTemplateResponse
        {
            LaunchTemplate = new LaunchTemplate
            {
                LaunchTemplateId = template.LaunchTemplateId,
                LaunchTemplateName = template.Name,
                CreateTime = template.CreateTime.UtcDateTime,
                DefaultVersionNumber = template.DefaultVersion,
                LatestVersionNumber = template.LatestVersion,
            },
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    private static SimLaunchTemplate Find(RegionState region, string? id, string? name) =>
        id is not null ? LaunchTemplateOperations.ById(region, id)
        : name is not null ? region.LaunchTemplatesByName.GetValueOrDefault(name) ?? throw LaunchTemplateOperations.NameNotFound(name)
        : throw Ec2Errors.MissingParameter("LaunchTemplateId or LaunchTemplateName");

    [GeneratedRegex(@"^[a-zA-Z0-9().\-/_]{3,128}$")]
    private static partial Regex NamePattern();
}

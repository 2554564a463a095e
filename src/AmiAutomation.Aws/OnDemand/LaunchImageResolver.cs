using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.OnDemand;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Aws.OnDemand;

/// <summary>
/// Finds the images a failed launch needed. CloudTrail records a launch-template launch (every Auto Scaling launch
/// among them) with only <c>launchTemplate{id, version}</c> and no image, and the failed call has no response, so the
/// version is read back (<c>$Latest</c> and <c>$Default</c> included, SSM aliases resolved). An Auto Scaling event names
/// only its group: the group's launch template, mixed-instances templates or launch configuration are read.
/// Anything unreadable is a named problem, never a guess.
/// </summary>
/// <remarks>IAM: ec2:DescribeLaunchTemplateVersions (ssm:GetParameters for aliases), autoscaling:DescribeAutoScalingGroups,
/// autoscaling:DescribeLaunchConfigurations.</remarks>
public sealed class LaunchImageResolver(IAmazonEC2 ec2, Func<IAutoScalingClient> autoScaling, Ec2RateLimiter? limiter = null)
{
    /// <summary>Loop guard when paging launch configurations for one name.</summary>
    public const int MaxLaunchConfigurationPages = 100;

    public async Task<LaunchImageResolution> ResolveAsync(LaunchFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var images = new List<string>(failure.ImageIds);
        var problems = new List<string>();
        var templates = new List<LaunchTemplateRef>(failure.LaunchTemplates);
        if (images.Count == 0 && templates.Count == 0 && failure.AutoScalingGroupName is { } group)
        {
            await ReadGroupAsync(group, images, templates, problems, cancellationToken);
        }

        foreach (var template in templates)
        {
            var imageId = await ReadTemplateAsync(template, problems, cancellationToken);
            if (imageId is not null)
            {
                images.Add(imageId);
            }
        }

        if (images.Count == 0 && problems.Count == 0)
        {
            problems.Add($"the {failure.Operation} event names no image, launch template or Auto Scaling group");
        }

        return new LaunchImageResolution([.. images.Distinct(StringComparer.Ordinal)], problems);
    }

    private async Task<string?> ReadTemplateAsync(LaunchTemplateRef template, List<string> problems, CancellationToken cancellationToken)
    {
        if (limiter is not null)
        {
            await limiter.AcquireAsync("DescribeLaunchTemplateVersions", Ec2ActionClass.Describe, cancellationToken);
        }

        DescribeLaunchTemplateVersionsResponse response;
        try
        {
            response = await ec2.DescribeLaunchTemplateVersionsAsync(
                new DescribeLaunchTemplateVersionsRequest
                {
                    LaunchTemplateId = template.Id,
                    LaunchTemplateName = template.Id is null ? template.Name : null,
                    Versions = [template.EffectiveVersion],
                    ResolveAlias = true,
                },
                cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            problems.Add($"{template} could not be read ({Ec2ErrorCodes.Describe(ex)}); check that the template and version still exist");
            return null;
        }

        var version = response?.LaunchTemplateVersions?.FirstOrDefault();
        var imageId = version?.LaunchTemplateData?.ImageId;
        if (version is null)
        {
            problems.Add($"{template} was not found (DescribeLaunchTemplateVersions listed no version)");
            return null;
        }

        if (string.IsNullOrWhiteSpace(imageId) || !imageId.StartsWith("ami-", StringComparison.Ordinal))
        {
            problems.Add($"{template} (version {version.VersionNumber}) names no AMI id (ImageId '{imageId}'); the launch must have named it itself");
            return null;
        }

        return imageId;
    }

    private async Task ReadGroupAsync(string group, List<string> images, List<LaunchTemplateRef> templates, List<string> problems, CancellationToken cancellationToken)
    {
        var client = autoScaling();
        AutoScalingGroupLaunchSpec? spec;
        try
        {
            spec = await client.DescribeAutoScalingGroupAsync(group, cancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            problems.Add($"Auto Scaling group {group} could not be read ({ex.ErrorCode}: {ex.Message})");
            return;
        }

        if (spec is null)
        {
            problems.Add($"Auto Scaling group {group} was not found (deleted since the launch failed?)");
            return;
        }

        templates.AddRange(spec.LaunchTemplates);
        if (spec.LaunchConfigurationName is { } configuration)
        {
            var imageId = await ReadLaunchConfigurationAsync(client, configuration, group, problems, cancellationToken);
            if (imageId is not null)
            {
                images.Add(imageId);
            }
        }
        else if (spec.LaunchTemplates.Count == 0)
        {
            problems.Add($"Auto Scaling group {group} has neither a launch template nor a launch configuration");
        }
    }

    private static async Task<string?> ReadLaunchConfigurationAsync(
        IAutoScalingClient client, string configuration, string group, List<string> problems, CancellationToken cancellationToken)
    {
        string? token = null;
        try
        {
            for (var page = 0; page < MaxLaunchConfigurationPages; page++)
            {
                var result = await client.DescribeLaunchConfigurationsAsync(token, SignedAutoScalingClient.MaxRecordsLimit, cancellationToken);
                var match = result.LaunchConfigurations.FirstOrDefault(c => string.Equals(c.Name, configuration, StringComparison.Ordinal));
                if (match is not null)
                {
                    return match.ImageId ?? Problem($"launch configuration {configuration} of Auto Scaling group {group} names no image");
                }

                token = result.NextToken;
                if (token is null)
                {
                    return Problem($"launch configuration {configuration} of Auto Scaling group {group} was not found");
                }
            }
        }
        catch (AmazonServiceException ex)
        {
            return Problem($"launch configuration {configuration} of Auto Scaling group {group} could not be read ({ex.ErrorCode}: {ex.Message})");
        }

        return Problem($"launch configuration {configuration} of Auto Scaling group {group} was not found in {MaxLaunchConfigurationPages} pages");

        string? Problem(string text)
        {
            problems.Add(text);
            return null;
        }
    }
}

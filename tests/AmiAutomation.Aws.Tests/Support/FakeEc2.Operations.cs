using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Support;

internal sealed partial class FakeEc2
{
    private DescribeImagesResponse DescribeImages(DescribeImagesRequest request)
    {
        Requests.Add(request);
        if (request.ImageIds is { Count: > 0 } ids)
        {
            var found = Images.Where(i => ids.Contains(i.ImageId)).ToList();
            return found.Count == 0 ? throw Ec2Exceptions.Code("InvalidAMIID.NotFound") : new DescribeImagesResponse { Images = found };
        }

        var (page, next) = Page(Images, request.NextToken, request.MaxResults, 1000);
        return new DescribeImagesResponse { Images = page, NextToken = next };
    }

    private DescribeInstancesResponse DescribeInstances(DescribeInstancesRequest request)
    {
        Requests.Add(request);
        var states = request.Filters?.FirstOrDefault(f => f.Name == "instance-state-name")?.Values;
        var imageIds = request.Filters?.FirstOrDefault(f => f.Name == "image-id")?.Values;
        var matching = Instances
            .Where(i => states is null || states.Contains(i.State.Name.Value))
            .Where(i => imageIds is null || imageIds.Contains(i.ImageId))
            .ToList();
        var (page, next) = Page(matching, request.NextToken, request.MaxResults, 1000);
        return new DescribeInstancesResponse
        {
            Reservations = page.Count == 0 ? null : [new Reservation { ReservationId = "r-1", Instances = page }],
            NextToken = next,
        };
    }

    private DescribeSpotInstanceRequestsResponse DescribeSpotRequests(DescribeSpotInstanceRequestsRequest request)
    {
        Requests.Add(request);
        var filters = IgnoreSpotFilters ? null : request.Filters;
        var states = filters?.FirstOrDefault(f => f.Name == "state")?.Values;
        var imageIds = filters?.FirstOrDefault(f => f.Name == "launch.image-id")?.Values;
        var matching = SpotRequests
            .Where(r => states is null || states.Contains(r.State.Value))
            .Where(r => imageIds is null || imageIds.Contains(r.LaunchSpecification.ImageId))
            .ToList();
        var (page, next) = Page(matching, request.NextToken, request.MaxResults, 1000);
        return new DescribeSpotInstanceRequestsResponse { SpotInstanceRequests = page, NextToken = next };
    }

    private DescribeSpotFleetRequestsResponse DescribeSpotFleets(DescribeSpotFleetRequestsRequest request)
    {
        Requests.Add(request);
        var (page, next) = Page(SpotFleets, request.NextToken, request.MaxResults, 1000);
        return new DescribeSpotFleetRequestsResponse { SpotFleetRequestConfigs = page, NextToken = next };
    }

    private DescribeLaunchTemplatesResponse DescribeLaunchTemplates(DescribeLaunchTemplatesRequest request)
    {
        Requests.Add(request);
        var all = Templates.Keys.Select(id => new LaunchTemplate
        {
            LaunchTemplateId = id,
            LaunchTemplateName = "name-" + id,
            DefaultVersionNumber = TemplateHeads.TryGetValue(id, out var heads) ? heads.Default : null,
            LatestVersionNumber = TemplateHeads.TryGetValue(id, out var latest) ? latest.Latest : null,
        }).ToList();
        var (page, next) = Page(all, request.NextToken, request.MaxResults, 15);
        return new DescribeLaunchTemplatesResponse { LaunchTemplates = page, NextToken = next };
    }

    private DescribeLaunchTemplateVersionsResponse DescribeVersions(DescribeLaunchTemplateVersionsRequest request)
    {
        Requests.Add(request);
        if (!Templates.TryGetValue(request.LaunchTemplateId ?? string.Empty, out var versions))
        {
            throw Ec2Exceptions.Code("InvalidLaunchTemplateId.NotFound");
        }

        var (page, next) = Page(versions, request.NextToken, request.MaxResults, 15);
        var copies = page.Select(v => new LaunchTemplateVersion
        {
            LaunchTemplateId = v.LaunchTemplateId,
            VersionNumber = v.VersionNumber,
            LaunchTemplateData = new ResponseLaunchTemplateData { ImageId = v.LaunchTemplateData?.ImageId },
        }).ToList();
        return new DescribeLaunchTemplateVersionsResponse { LaunchTemplateVersions = copies, NextToken = next };
    }

    private DescribeImageReferencesResponse DescribeReferences(DescribeImageReferencesRequest request)
    {
        Requests.Add(request);
        if (request.ImageIds is not { Count: >= 1 and <= 10 })
        {
            throw Ec2Exceptions.Code("InvalidParameterValue");
        }

        // A reference without an image id (an emulator that lies) is answered to every batch.
        var matching = References.Where(r => r.ImageId is null || request.ImageIds.Contains(r.ImageId)).ToList();
        var (page, next) = Page(matching, request.NextToken, request.MaxResults, 25);
        return new DescribeImageReferencesResponse { ImageReferences = page, NextToken = next };
    }

    private DescribeImageAttributeResponse DescribeAttribute(DescribeImageAttributeRequest request)
    {
        Requests.Add(request);
        var attribute = new ImageAttribute { ImageId = request.ImageId };
        if (request.Attribute == ImageAttributeName.LastLaunchedTime)
        {
            attribute.LastLaunchedTime = LastLaunched.GetValueOrDefault(request.ImageId);
        }
        else if (request.Attribute == ImageAttributeName.LaunchPermission)
        {
            attribute.LaunchPermissions = Permissions.GetValueOrDefault(request.ImageId) ?? [];
        }

        return new DescribeImageAttributeResponse { ImageAttribute = attribute };
    }

    private DeregisterImageResponse Deregister(DeregisterImageRequest request)
    {
        Requests.Add(request);
        if (request.DryRun == true)
        {
            throw Ec2Exceptions.Code(DryRunAnswer, DryRunAnswer == "DryRunOperation" ? System.Net.HttpStatusCode.PreconditionFailed : System.Net.HttpStatusCode.Forbidden);
        }

        if (ErrorCodes.TryGetValue("DeregisterImage", out var code))
        {
            throw Ec2Exceptions.Code(code);
        }

        var image = Images.FirstOrDefault(i => i.ImageId == request.ImageId) ?? throw Ec2Exceptions.Code("InvalidAMIID.NotFound");
        Images.Remove(image);
        return new DeregisterImageResponse
        {
            Return = true,
            DeleteSnapshotResults = request.DeleteAssociatedSnapshots == true
                ? [.. (image.BlockDeviceMappings ?? []).Where(m => m.Ebs?.SnapshotId is not null)
                    .Select(m => new DeleteSnapshotReturnCode { SnapshotId = m.Ebs.SnapshotId, ReturnCode = SnapshotReturnCodes.Success })]
                : null,
        };
    }

    private EnableImageDeprecationResponse Deprecate(EnableImageDeprecationRequest request)
    {
        Requests.Add(request);
        if (request.DryRun == true)
        {
            throw Ec2Exceptions.Code(DryRunAnswer, System.Net.HttpStatusCode.PreconditionFailed);
        }

        if (ErrorCodes.TryGetValue("EnableImageDeprecation", out var code))
        {
            throw Ec2Exceptions.Code(code);
        }

        var image = Images.FirstOrDefault(i => i.ImageId == request.ImageId) ?? throw Ec2Exceptions.Code("InvalidAMIID.NotFound");
        image.DeprecationTime = request.DeprecateAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return new EnableImageDeprecationResponse { Return = true };
    }
}

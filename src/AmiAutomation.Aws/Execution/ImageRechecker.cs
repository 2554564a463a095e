using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.References;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using ImageReference = AmiAutomation.Core.References.ImageReference;
using ImageState = AmiAutomation.Core.Images.ImageState;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// Re-reads one image right before a destructive call: DescribeImages by id, DescribeImageAttribute (lastLaunchedTime when
/// missing, launchPermission), DescribeImageReferences and DescribeInstances (filtered by the image), and the listings —
/// launch templates changed since the inventory, launch configurations, launchable Spot requests, Spot Fleet requests —
/// each read at most once per <see cref="ExecutionOptions.RecheckListingMaxAge"/> in a run; then the core's <see cref="ImageProtections"/> plus what changed since planning. Anything that cannot be
/// read fails closed.
/// </summary>
/// <remarks>ec2:DescribeImages, ec2:DescribeImageAttribute, ec2:DescribeImageReferences, ec2:DescribeInstances,
/// ec2:DescribeLaunchTemplates, ec2:DescribeLaunchTemplateVersions, ec2:DescribeSpotInstanceRequests,
/// ec2:DescribeSpotFleetRequests, autoscaling:DescribeLaunchConfigurations</remarks>
internal sealed class ImageRechecker(string region, IAmazonEC2 client, Lazy<IAutoScalingClient> autoScaling, Ec2RateLimiter limiter, TimeProvider time)
{
    private const int MaxPages = 1_000;
    private const int LaunchConfigurationPageSize = 100;
    private const int SpotPageSize = 1000;
    private readonly RecheckListing _launchConfigurations = new(time);
    private readonly RecheckListing _spotRequests = new(time);
    private readonly RecheckListing _spotFleets = new(time);
    private readonly RecheckListing _launchTemplates = new(time);
    private ChangedLaunchTemplateReader? _changedTemplates;
    private string _operation = "(none)";

    public async Task<RecheckResult> RecheckAsync(Decision decision, ExecutionOptions options, CancellationToken cancellationToken)
    {
        var imageId = decision.Image.ImageId;
        _operation = "DescribeImages";
        try
        {
            var current = await ReadImageAsync(imageId, cancellationToken);
            if (current is null || current.State == ImageState.Deregistered)
            {
                return RecheckResult.Skip("image no longer exists");
            }

            if (current.LastLaunchedTime is null && !options.DisabledRecheckSources.Contains(InventorySource.LastLaunchedTime))
            {
                _operation = "DescribeImageAttribute(lastLaunchedTime)";
                var attribute = await ReadAttributeAsync(imageId, ImageAttributeName.LastLaunchedTime, cancellationToken);
                current = current with { LastLaunchedTime = Ec2Time.Parse(attribute?.LastLaunchedTime, "LastLaunchedTime") };
            }

            _operation = "DescribeImageAttribute(launchPermission)";
            var permissions = await ReadAttributeAsync(imageId, ImageAttributeName.LaunchPermission, cancellationToken);
            // Permissions always re-read (a share added since planning is caught); the usage report is the one the plan
            // relied on (EC2 never changes an available report), and RecheckChanges flags any new share it cannot cover.
            current = current with
            {
                LaunchPermissions = permissions is null
                    ? throw new InvalidOperationException("DescribeImageAttribute(launchPermission) returned no ImageAttribute")
                    : LaunchPermissionMapper.ToCore(permissions.LaunchPermissions),
                UsageReport = decision.Image.UsageReport,
            };

            var references = new List<ImageReference>();
            if (!options.DisabledRecheckSources.Contains(InventorySource.ImageReferences))
            {
                _operation = "DescribeImageReferences";
                await ReadImageReferencesAsync(imageId, references, cancellationToken);
            }

            if (!options.DisabledRecheckSources.Contains(InventorySource.Instances))
            {
                _operation = "DescribeInstances";
                await ReadInstancesAsync(imageId, references, cancellationToken);
            }

            await ReadConsumersAsync(imageId, options, references, cancellationToken);

            var reasons = ImageProtections
                .Evaluate(current, options.AccountId ?? decision.Image.OwnerId, new ReferenceIndex(references), options.Protection, time.GetUtcNow())
                .Select(r => r.ToString())
                .Concat(RecheckChanges.SincePlanning(decision.Image, current))
                .ToList();
            return reasons.Count > 0 ? RecheckResult.Skip(string.Join("; ", reasons)) : RecheckResult.Pass(current);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (AmazonServiceException ex)
        {
            return RecheckResult.Fail(Ec2ErrorCodes.CodeOf(ex), $"re-check failed at {_operation}: {Ec2ErrorCodes.Describe(ex)}; not deregistered");
        }
#pragma warning disable CA1031 // Fail closed: a re-check that cannot complete means no deregistration, recorded as Failed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return RecheckResult.Fail(ex.GetType().Name, $"re-check failed at {_operation}: {ex.Message}; not deregistered");
        }
    }

    /// <summary>Launch templates (changed since the inventory), launch configurations, Spot requests and Spot fleets.</summary>
    private async Task ReadConsumersAsync(string imageId, ExecutionOptions options, List<ImageReference> references, CancellationToken cancellationToken)
    {
        var maxAge = options.RecheckListingMaxAge;
        if (!options.DisabledRecheckSources.Contains(InventorySource.LaunchTemplates))
        {
            _operation = "DescribeLaunchTemplates/DescribeLaunchTemplateVersions";
            _changedTemplates ??= new ChangedLaunchTemplateReader(client, limiter, options.LaunchTemplateVersionsSeen);
            references.AddRange(await _launchTemplates.OfAsync(
                imageId, maxAge, byImage => _changedTemplates.RefreshAsync(byImage, cancellationToken), accumulate: true));
        }

        if (!options.DisabledRecheckSources.Contains(InventorySource.LaunchConfigurations))
        {
            _operation = LaunchConfigurationSource.Action;
            references.AddRange(await _launchConfigurations.OfAsync(
                imageId,
                maxAge,
                byImage => LaunchConfigurationSource.ReadAllAsync(
                    autoScaling.Value, limiter, LaunchConfigurationPageSize, MaxPages, static () => { }, c => AddConsumer(byImage, ReferenceKind.LaunchConfiguration, c), cancellationToken)));
        }

        if (!options.DisabledRecheckSources.Contains(InventorySource.SpotRequests))
        {
            // Not filtered by launch.image-id: moto answers that filter with HTTP 500, and the launchable requests are
            // one short listing, read at most once per bound like the others.
            _operation = SpotRequestSource.Action;
            references.AddRange(await _spotRequests.OfAsync(
                imageId,
                maxAge,
                byImage => SpotRequestSource.ReadAllAsync(
                    client, limiter, SpotPageSize, MaxPages, static () => { }, c => AddConsumer(byImage, ReferenceKind.SpotRequest, c), cancellationToken)));
        }

        if (!options.DisabledRecheckSources.Contains(InventorySource.SpotFleets))
        {
            _operation = SpotFleetSource.Action;
            references.AddRange(await _spotFleets.OfAsync(
                imageId,
                maxAge,
                byImage => SpotFleetSource.ReadAllAsync(
                    client, limiter, SpotPageSize, MaxPages, static () => { }, c => AddConsumer(byImage, ReferenceKind.SpotFleet, c), cancellationToken)));
        }

    }

    /// <summary>A consumer naming no image, or something that is not an image id: its image is unknown, so the re-check
    /// fails closed (as the inventory's <see cref="ConsumerCollector"/> makes the source Truncated).</summary>
    private static void AddConsumer(Dictionary<string, List<ImageReference>> byImage, ReferenceKind kind, Consumer consumer)
    {
        switch (consumer.Names)
        {
            case ConsumerImage.Nothing:
                throw new InvalidOperationException($"{kind} {consumer.ResourceId} names no image id, so the image it launches is unknown");
            case ConsumerImage.NotAnImageId:
                throw new InvalidOperationException($"{kind} {consumer.ResourceId} names '{consumer.ImageId}', which is not an image id");
        }

        RecheckListing.Add(byImage, new ImageReference(consumer.ImageId!, kind, consumer.ResourceId));
    }

    /// <summary>The image as EC2 lists it now; null when it is not listed or EC2 says it is gone.</summary>
    public async Task<AmiImage?> ReadImageAsync(string imageId, CancellationToken cancellationToken)
    {
        await limiter.AcquireAsync("DescribeImages", Ec2ActionClass.Describe, cancellationToken);
        DescribeImagesResponse response;
        try
        {
            response = await client.DescribeImagesAsync(
                new DescribeImagesRequest { ImageIds = [imageId], IncludeDeprecated = true, IncludeDisabled = true },
                cancellationToken);
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode is not null && Ec2ErrorCodes.ImageGone.Contains(ex.ErrorCode))
        {
            return null;
        }

        var image = response?.Images?.FirstOrDefault(i => string.Equals(i.ImageId, imageId, StringComparison.Ordinal));
        return image is null ? null : Ec2ImageMapper.ToAmiImage(image, region);
    }

    private async Task<ImageAttribute?> ReadAttributeAsync(string imageId, ImageAttributeName attribute, CancellationToken cancellationToken)
    {
        await limiter.AcquireAsync("DescribeImageAttribute", Ec2ActionClass.Describe, cancellationToken);
        var response = await client.DescribeImageAttributeAsync(
            new DescribeImageAttributeRequest { ImageId = imageId, Attribute = attribute },
            cancellationToken);
        return response?.ImageAttribute;
    }

    private Task ReadImageReferencesAsync(string imageId, List<ImageReference> references, CancellationToken cancellationToken) =>
        Pager.ReadAllAsync(
            "DescribeImageReferences",
            async (token, ct) =>
            {
                await limiter.AcquireAsync("DescribeImageReferences", Ec2ActionClass.Describe, ct);
                return await client.DescribeImageReferencesAsync(
                    new DescribeImageReferencesRequest { ImageIds = [imageId], IncludeAllResourceTypes = true, NextToken = token },
                    ct);
            },
            response => response.NextToken,
            response => references.AddRange((response.ImageReferences ?? [])
                .Where(r => string.Equals(r.ImageId, imageId, StringComparison.Ordinal))
                .Select(r => new ImageReference(imageId, ReferenceKind.ImageReferencesApi, r.Arn ?? r.ResourceType?.Value ?? "(unknown resource)"))),
            MaxPages,
            cancellationToken);

    private Task ReadInstancesAsync(string imageId, List<ImageReference> references, CancellationToken cancellationToken) =>
        Pager.ReadAllAsync(
            "DescribeInstances",
            async (token, ct) =>
            {
                await limiter.AcquireAsync("DescribeInstances", Ec2ActionClass.Describe, ct);
                return await client.DescribeInstancesAsync(
                    new DescribeInstancesRequest
                    {
                        Filters =
                        [
                            new Filter("image-id", [imageId]),
                            new Filter("instance-state-name", ["pending", "running", "shutting-down", "stopping", "stopped"]),
                        ],
                        IncludeManagedResources = true,
                        MaxResults = 1000,
                        NextToken = token,
                    },
                    ct);
            },
            response => response.NextToken,
            response => references.AddRange((response.Reservations ?? [])
                .SelectMany(r => r.Instances ?? [])
                .Where(i => string.Equals(i.ImageId, imageId, StringComparison.Ordinal))
                .Select(i => new ImageReference(imageId, ReferenceKind.Instance, i.InstanceId ?? "(unknown instance)"))),
            MaxPages,
            cancellationToken);
}

using AmiAutomation.Simulation.Operations;
using AmiAutomation.Simulation.Throttling;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation;

/// <summary>Read-only calls.</summary>
public sealed partial class SimulatedEc2Client
{
    public override Task<DescribeImagesResponse> DescribeImagesAsync(DescribeImagesRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeImages", ThrottleBucket.Describe, request, request?.DryRun, DescribeImagesOperation.Run, cancellationToken);

    public override Task<DescribeImageAttributeResponse> DescribeImageAttributeAsync(DescribeImageAttributeRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeImageAttribute", ThrottleBucket.Describe, request, request?.DryRun, ImageAttributeOperations.Describe, cancellationToken);

    public override Task<DescribeInstancesResponse> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeInstances", ListBucket(request?.Filters, request?.MaxResults, request?.InstanceIds?.Count ?? 0), request ?? new DescribeInstancesRequest(), request?.DryRun, InstanceOperations.Describe, cancellationToken);

    public override Task<DescribeSnapshotsResponse> DescribeSnapshotsAsync(DescribeSnapshotsRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeSnapshots", ListBucket(request?.Filters, request?.MaxResults, request?.SnapshotIds?.Count ?? 0), request ?? new DescribeSnapshotsRequest(), request?.DryRun, SnapshotOperations.Describe, cancellationToken);

    public override Task<DescribeLaunchTemplatesResponse> DescribeLaunchTemplatesAsync(DescribeLaunchTemplatesRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeLaunchTemplates", ThrottleBucket.Describe, request, request?.DryRun, LaunchTemplateOperations.DescribeTemplates, cancellationToken);

    public override Task<DescribeLaunchTemplateVersionsResponse> DescribeLaunchTemplateVersionsAsync(DescribeLaunchTemplateVersionsRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeLaunchTemplateVersions", ThrottleBucket.Describe, request, request?.DryRun, LaunchTemplateOperations.DescribeVersions, cancellationToken);

    public override Task<DescribeImageReferencesResponse> DescribeImageReferencesAsync(DescribeImageReferencesRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeImageReferences", ThrottleBucket.Describe, request, request?.DryRun, ImageReferenceOperation.Run, cancellationToken);

    public override Task<DescribeSpotInstanceRequestsResponse> DescribeSpotInstanceRequestsAsync(DescribeSpotInstanceRequestsRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeSpotInstanceRequests", ThrottleBucket.Describe, request ?? new DescribeSpotInstanceRequestsRequest(), request?.DryRun, SpotOperations.DescribeRequests, cancellationToken);

    public override Task<DescribeSpotFleetRequestsResponse> DescribeSpotFleetRequestsAsync(DescribeSpotFleetRequestsRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeSpotFleetRequests", ThrottleBucket.Describe, request ?? new DescribeSpotFleetRequestsRequest(), request?.DryRun, SpotOperations.DescribeFleets, cancellationToken);

    public override Task<DescribeFleetsResponse> DescribeFleetsAsync(DescribeFleetsRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DescribeFleets", ThrottleBucket.Describe, request ?? new DescribeFleetsRequest(), request?.DryRun, FleetOperations.Describe, cancellationToken);

    public override Task<ListImagesInRecycleBinResponse> ListImagesInRecycleBinAsync(ListImagesInRecycleBinRequest request, CancellationToken cancellationToken = default) =>
        Invoke("ListImagesInRecycleBin", ThrottleBucket.Describe, request, request?.DryRun, RecycleBinOperations.ListImages, cancellationToken);

    public override Task<ListSnapshotsInRecycleBinResponse> ListSnapshotsInRecycleBinAsync(ListSnapshotsInRecycleBinRequest request, CancellationToken cancellationToken = default) =>
        Invoke("ListSnapshotsInRecycleBin", ThrottleBucket.Describe, request, request?.DryRun, RecycleBinOperations.ListSnapshots, cancellationToken);
}

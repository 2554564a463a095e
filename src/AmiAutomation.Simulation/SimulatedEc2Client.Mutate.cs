using AmiAutomation.Simulation.Operations;
using AmiAutomation.Simulation.Throttling;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation;

/// <summary>Mutating calls (DryRun honoured after validation).</summary>
public sealed partial class SimulatedEc2Client
{
    public override Task<EnableImageDeprecationResponse> EnableImageDeprecationAsync(EnableImageDeprecationRequest request, CancellationToken cancellationToken = default) =>
        Invoke("EnableImageDeprecation", ThrottleBucket.Mutating, request, request?.DryRun, DeprecationOperations.Enable, cancellationToken);

    public override Task<DisableImageDeprecationResponse> DisableImageDeprecationAsync(DisableImageDeprecationRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DisableImageDeprecation", ThrottleBucket.Mutating, request, request?.DryRun, DeprecationOperations.Disable, cancellationToken);

    public override Task<DisableImageResponse> DisableImageAsync(DisableImageRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DisableImage", ThrottleBucket.Mutating, request, request?.DryRun, DisableImageOperations.Disable, cancellationToken);

    public override Task<EnableImageResponse> EnableImageAsync(EnableImageRequest request, CancellationToken cancellationToken = default) =>
        Invoke("EnableImage", ThrottleBucket.Mutating, request, request?.DryRun, DisableImageOperations.Enable, cancellationToken);

    public override Task<EnableImageDeregistrationProtectionResponse> EnableImageDeregistrationProtectionAsync(EnableImageDeregistrationProtectionRequest request, CancellationToken cancellationToken = default) =>
        Invoke("EnableImageDeregistrationProtection", ThrottleBucket.Mutating, request, request?.DryRun, ProtectionOperations.Enable, cancellationToken);

    public override Task<DisableImageDeregistrationProtectionResponse> DisableImageDeregistrationProtectionAsync(DisableImageDeregistrationProtectionRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DisableImageDeregistrationProtection", ThrottleBucket.Mutating, request, request?.DryRun, ProtectionOperations.Disable, cancellationToken);

    public override Task<DeregisterImageResponse> DeregisterImageAsync(DeregisterImageRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DeregisterImage", ThrottleBucket.Destructive, request, request?.DryRun, DeregisterImageOperation.Run, cancellationToken);

    public override Task<DeleteSnapshotResponse> DeleteSnapshotAsync(DeleteSnapshotRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DeleteSnapshot", ThrottleBucket.Destructive, request, request?.DryRun, SnapshotOperations.Delete, cancellationToken);

    public override Task<ModifyImageAttributeResponse> ModifyImageAttributeAsync(ModifyImageAttributeRequest request, CancellationToken cancellationToken = default) =>
        Invoke("ModifyImageAttribute", ThrottleBucket.Destructive, request, request?.DryRun, ModifyImageAttributeOperation.Run, cancellationToken);

    public override Task<CreateTagsResponse> CreateTagsAsync(CreateTagsRequest request, CancellationToken cancellationToken = default) =>
        Invoke("CreateTags", ThrottleBucket.Tagging, request, request?.DryRun, TagOperations.Create, cancellationToken);

    public override Task<DeleteTagsResponse> DeleteTagsAsync(DeleteTagsRequest request, CancellationToken cancellationToken = default) =>
        Invoke("DeleteTags", ThrottleBucket.Tagging, request, request?.DryRun, TagOperations.Delete, cancellationToken);

    public override Task<CopyImageResponse> CopyImageAsync(CopyImageRequest request, CancellationToken cancellationToken = default) =>
        Invoke("CopyImage", ThrottleBucket.CopyImage, request, request?.DryRun, CopyImageOperation.Run, cancellationToken);

    public override Task<RestoreSnapshotFromRecycleBinResponse> RestoreSnapshotFromRecycleBinAsync(RestoreSnapshotFromRecycleBinRequest request, CancellationToken cancellationToken = default) =>
        Invoke("RestoreSnapshotFromRecycleBin", ThrottleBucket.Mutating, request, request?.DryRun, RecycleBinOperations.RestoreSnapshot, cancellationToken);

    public override Task<RestoreImageFromRecycleBinResponse> RestoreImageFromRecycleBinAsync(RestoreImageFromRecycleBinRequest request, CancellationToken cancellationToken = default) =>
        Invoke("RestoreImageFromRecycleBin", ThrottleBucket.Mutating, request, request?.DryRun, RecycleBinOperations.RestoreImage, cancellationToken);
}

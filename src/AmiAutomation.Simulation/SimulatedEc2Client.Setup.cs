using AmiAutomation.Simulation.Operations;
using AmiAutomation.Simulation.Throttling;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation;

/// <summary>Calls used to build scenarios the way one would against moto or AWS (instances, images, launch templates).</summary>
public sealed partial class SimulatedEc2Client
{
    /// <summary>A launch refused because of its image is recorded in <see cref="Ec2Simulator.FailedLaunches"/> (CloudTrail's view).</summary>
    public override async Task<RunInstancesResponse> RunInstancesAsync(RunInstancesRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Invoke("RunInstances", ThrottleBucket.Mutating, request, request?.DryRun, InstanceOperations.Run, cancellationToken);
        }
        catch (Amazon.EC2.AmazonEC2Exception ex) when (request is not null && request.DryRun != true && ex.ErrorCode?.StartsWith("InvalidAMIID.", StringComparison.Ordinal) == true)
        {
            Simulator.RecordFailedLaunch(Region, request, ex);
            throw;
        }
    }

    public override Task<TerminateInstancesResponse> TerminateInstancesAsync(TerminateInstancesRequest request, CancellationToken cancellationToken = default) =>
        Invoke("TerminateInstances", ThrottleBucket.Mutating, request, request?.DryRun, InstanceOperations.Terminate, cancellationToken);

    public override Task<CreateImageResponse> CreateImageAsync(CreateImageRequest request, CancellationToken cancellationToken = default) =>
        Invoke("CreateImage", ThrottleBucket.Mutating, request, request?.DryRun, CreateImageOperation.Run, cancellationToken);

    public override Task<CreateLaunchTemplateResponse> CreateLaunchTemplateAsync(CreateLaunchTemplateRequest request, CancellationToken cancellationToken = default) =>
        Invoke("CreateLaunchTemplate", ThrottleBucket.Mutating, request, request?.DryRun, LaunchTemplateWriteOperations.Create, cancellationToken);

    public override Task<CreateLaunchTemplateVersionResponse> CreateLaunchTemplateVersionAsync(CreateLaunchTemplateVersionRequest request, CancellationToken cancellationToken = default) =>
        Invoke("CreateLaunchTemplateVersion", ThrottleBucket.Mutating, request, request?.DryRun, LaunchTemplateWriteOperations.CreateVersion, cancellationToken);

    public override Task<ModifyLaunchTemplateResponse> ModifyLaunchTemplateAsync(ModifyLaunchTemplateRequest request, CancellationToken cancellationToken = default) =>
        Invoke("ModifyLaunchTemplate", ThrottleBucket.Mutating, request, request?.DryRun, LaunchTemplateWriteOperations.Modify, cancellationToken);
}

using AmiAutomation.Core.References;
using Amazon.EC2.Model;
using ImageReference = AmiAutomation.Core.References.ImageReference;

namespace AmiAutomation.Aws.Inventory;

/// <summary>Every instance that is not terminated, with the image it was launched from.</summary>
/// <remarks>ec2:DescribeInstances</remarks>
internal static class InstanceSource
{
    public const string Action = "DescribeInstances";

    /// <summary>All states but terminated: a stopped instance can start again and needs its image.</summary>
    public static readonly IReadOnlyList<string> LiveStates = ["pending", "running", "shutting-down", "stopping", "stopped"];

    public static Task ReadAsync(InventoryContext context, SourceRun run, List<ImageReference> references, CancellationToken cancellationToken) =>
        context.ReadAllAsync(
            run,
            Action,
            (ec2, token, ct) => ec2.DescribeInstancesAsync(
                new DescribeInstancesRequest
                {
                    Filters = [new Filter("instance-state-name", [.. LiveStates])],
                    MaxResults = context.Options.InstancePageSize,
                    IncludeManagedResources = context.Options.IncludeManagedResources ? true : null,
                    NextToken = token,
                },
                ct),
            response => response.NextToken,
            response =>
            {
                foreach (var instance in (response.Reservations ?? []).SelectMany(r => r.Instances ?? []))
                {
                    run.Items++;
                    if (!string.IsNullOrEmpty(instance.ImageId))
                    {
                        references.Add(new ImageReference(instance.ImageId, ReferenceKind.Instance, instance.InstanceId ?? "(unknown instance)"));
                    }
                }
            },
            cancellationToken);
}

using AmiAutomation.Simulation.State;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// DeregisterImage (UG/deregister-ami). Owner only; protected (incl. cooldown) → <see cref="SimulatedErrorCodes.DeregistrationProtected"/>;
/// AWS Backup images → <see cref="SimulatedErrorCodes.ManagedByAwsBackup"/>; again → InvalidAMIID.Unavailable.
/// A pending copy is cancelled (its unfinished snapshots vanish). DeleteAssociatedSnapshots reports per snapshot:
/// <c>skipped</c> while another registered/disabled image uses it, <c>missing-permissions</c> when DeleteSnapshot is
/// denied, <c>client-error</c> when it no longer exists, else <c>success</c> (binned if an EBS_SNAPSHOT rule matches).
/// A disabled image's snapshots are deleted too, unless <see cref="SimulatorOptions.AlternativeErrorCodes"/> picks the
/// other assumption: they stay, each answered <see cref="SimulatedErrorCodes.Alternative.DisabledImageSnapshot"/>.
/// </summary>
internal static class DeregisterImageOperation
{
    public static DeregisterImageResponse Run(OperationContext context, DeregisterImageRequest request)
    {
        var image = ImageAccess.Owned(context, request.ImageId);
        if (image.Name.StartsWith("AwsBackup_", StringComparison.Ordinal) || image.Tags.ContainsKey("aws:backup:source-resource"))
        {
            throw Ec2Errors.Create(SimulatedErrorCodes.ManagedByAwsBackupFor(context.World.Options), $"Image {image.ImageId} is managed by AWS Backup; delete its recovery point through AWS Backup instead.");
        }

        if (image.IsProtectedAt(context.Now))
        {
            throw Ec2Errors.Create(SimulatedErrorCodes.DeregistrationProtectedFor(context.World.Options), $"Image {image.ImageId} cannot be deregistered: deregistration protection is {ImageMapper.Protection(image, context.Now)}.");
        }

        context.Commit();
        var region = context.Region;
        var wasPending = image.Status == ImageStatus.Pending;
        var keepSnapshots = image.Status == ImageStatus.Disabled && context.World.Options.AlternativeErrorCodes;
        var snapshotIds = image.SnapshotIds.ToList();
        Retirement.RetireImage(context, image);
        if (wasPending)
        {
            foreach (var snapshotId in snapshotIds)
            {
                if (region.Snapshots.Find(snapshotId) is { State: "pending" } unfinished)
                {
                    region.Snapshots.Remove(snapshotId);
                    region.PendingSnapshotIds.Remove(snapshotId);
                    region.GoneSnapshotIds.Add(unfinished.SnapshotId);
                }
            }
        }

        var response = new DeregisterImageResponse { Return = true, HttpStatusCode = System.Net.HttpStatusCode.OK };
        if (request.DeleteAssociatedSnapshots == true && !context.World.Options.IgnoreDeleteAssociatedSnapshots)
        {
            response.DeleteSnapshotResults = keepSnapshots
                ? [.. snapshotIds.Select(id => new DeleteSnapshotReturnCode { SnapshotId = id, ReturnCode = SimulatedErrorCodes.Alternative.DisabledImageSnapshot })]
                : [.. snapshotIds.Select(id => DeleteAssociated(context, id, wasPending))];
        }

        return response;
    }

    private static DeleteSnapshotReturnCode DeleteAssociated(OperationContext context, string snapshotId, bool cancelledCopy)
    {
        var region = context.Region;
        SnapshotReturnCodes code;
        if (region.Snapshots.Find(snapshotId) is not { } snapshot)
        {
            code = cancelledCopy ? SnapshotReturnCodes.Success : SnapshotReturnCodes.ClientError;
        }
        else if (region.SnapshotUsers(snapshotId).Count > 0)
        {
            code = SnapshotReturnCodes.Skipped;
        }
        else if (!context.World.Access.IsAllowed("DeleteSnapshot"))
        {
            code = SnapshotReturnCodes.MissingPermissions;
        }
        else
        {
            Retirement.RetireSnapshot(context, snapshot);
            code = SnapshotReturnCodes.Success;
        }

        return new DeleteSnapshotReturnCode { SnapshotId = snapshotId, ReturnCode = code };
    }
}

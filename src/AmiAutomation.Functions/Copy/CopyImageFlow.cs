using AmiAutomation.Aws.Replication;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Replication;

namespace AmiAutomation.Functions.Copy;

/// <summary>
/// One image named by an event or a request by hand. An image that is one of our copies is finished (permissions,
/// deprecation); every image is then considered as a source (copies are skipped by the loop guard unless allowed).
/// </summary>
internal sealed class CopyImageFlow(CopyExecutor executor, Ec2CopyFinder finder, CopyPolicy policy)
{
    public async Task AvailableAsync(CopyInvocation invocation, CopyRun run)
    {
        var image = await finder.DescribeImageAsync(executor.Region, invocation.ImageId!, run.CancellationToken);
        if (image is null)
        {
            run.NoOp($"image {invocation.ImageId} does not exist in {executor.Region} (deregistered since the event?)");
            return;
        }

        if (CopyLineage.IsOurCopy(image))
        {
            await executor.FinishAsync(image, run);
        }

        var trigger = invocation.Kind == CopyInvocationKind.Manual ? CopyTrigger.Manual : CopyTrigger.Event;
        var context = executor.Context(trigger, run, invocation.Regions);
        var selection = CopyTargetResolver.Resolve(image, executor.FamilyOf(image), context);
        await executor.CopySourceAsync(image, selection, context, null, null, run);
    }

    public async Task FailedAsync(CopyInvocation invocation, CopyRun run)
    {
        var image = await finder.DescribeImageAsync(executor.Region, invocation.ImageId!, run.CancellationToken);
        var message = invocation.ErrorMessage ?? "no error message";
        if (image is null || !CopyLineage.IsOurCopy(image))
        {
            run.NoOp($"image {invocation.ImageId} failed ({message}); it is not a copy made by ami-automation, so there is nothing to retry");
            return;
        }

        run.ImageFailed(Decision.Skip(image, executor.FamilyOf(image), new DecisionReason(
            ReasonCode.CopyFailed,
            $"copy of {CopyLineage.SourceImageId(image)} from {CopyLineage.SourceRegion(image)} failed ({message}); the reconciler in {CopyLineage.SourceRegion(image)} retries it, up to {policy.MaxAttempts} attempts")));
    }
}

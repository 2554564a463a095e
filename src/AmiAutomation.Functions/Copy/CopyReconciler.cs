using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Replication;
using Amazon.Runtime;

namespace AmiAutomation.Functions.Copy;

/// <summary>
/// The scheduled reconciler, in the stack's region: (a) finishes our copies here that are available but not finished
/// (missed events); (b) starts or retries copies of this region's images whose destinations lack one (missed events,
/// failed copies, copies deferred by the copy limit), newest images first; (c) reports copies of this region's images
/// pending longer than COPY_STUCK_AFTER_MINUTES.
/// </summary>
internal sealed class CopyReconciler(CopyExecutor executor, Ec2CopyFinder finder, CopyPolicy policy)
{
    public async Task RunAsync(CopyRun run)
    {
        var owned = await finder.ListOwnedImagesAsync(executor.Region, run.CancellationToken);

        foreach (var copy in owned.Where(CopyFinishPlanner.NeedsFinishing).OrderBy(c => c.CreationDate))
        {
            if (run.CancellationToken.IsCancellationRequested)
            {
                run.StopEarly();
                return;
            }

            await executor.FinishAsync(copy, run);
        }

        var context = executor.Context(CopyTrigger.Reconcile, run);
        var sources = new List<(AmiImage Image, CopyTargetSelection Selection)>();
        foreach (var image in owned.OrderByDescending(i => i.CreationDate).ThenBy(i => i.ImageId, StringComparer.Ordinal))
        {
            var selection = CopyTargetResolver.Resolve(image, executor.FamilyOf(image), context);
            if (selection.IsSkipped)
            {
                run.Settle(selection.SourceSkip[0].Code);
            }
            else
            {
                sources.Add((image, selection));
            }
        }

        var (known, failed) = await ListDestinationsAsync(sources.SelectMany(s => s.Selection.Regions), run);
        foreach (var (image, selection) in sources)
        {
            if (run.CancellationToken.IsCancellationRequested)
            {
                run.StopEarly();
                break;
            }

            await executor.CopySourceAsync(image, selection, context, known, failed, run);
        }

        var ownIds = owned.Select(i => i.ImageId).ToHashSet(StringComparer.Ordinal);
        var copiesOfOurs = known.Values.SelectMany(c => c).Where(c => ownIds.Contains(CopyLineage.SourceImageId(c) ?? string.Empty));
        run.AddStuck(StuckCopy.Find(copiesOfOurs, policy, run.Now));
    }

    private async Task<(Dictionary<string, IReadOnlyList<AmiImage>> Known, Dictionary<string, string> Failed)> ListDestinationsAsync(
        IEnumerable<string> destinations, CopyRun run)
    {
        var known = new Dictionary<string, IReadOnlyList<AmiImage>>(StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var destination in destinations.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            try
            {
                known[destination] = await finder.ListCopiesFromAsync(destination, executor.Region, run.CancellationToken);
            }
            catch (AmazonServiceException ex)
            {
                failed[destination] = Ec2ErrorCodes.Describe(ex);
                run.Error($"could not list the copies in {destination}: {Ec2ErrorCodes.Describe(ex)}; no copies to {destination} this run");
            }
        }

        return (known, failed);
    }
}

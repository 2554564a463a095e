using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>
/// Gathers the candidates for a restore target (Recycle Bin entries, ledger records, registered images) and lets
/// <see cref="RestoreTargetSelector"/> choose; nothing found → <see cref="RestoreImageNotFoundException"/> with near matches.
/// </summary>
internal sealed class RestoreCandidateFinder(Ec2RecycleBin bin, Ec2RestoreLookup lookup, IDeregistrationLedger ledger, RestoreOptions options)
{
    /// <remarks>ec2:ListImagesInRecycleBin, ec2:DescribeImages; ledger GetItem/Query</remarks>
    public async Task<RestoreSelection> FindAsync(RestoreTarget target, CancellationToken cancellationToken)
    {
        var (candidates, all) = target.Kind == RestoreTargetKind.ImageId
            ? await ForImageIdAsync(target.Value, cancellationToken)
            : await ForNameOrFamilyAsync(target, cancellationToken);
        var selection = RestoreTargetSelector.Select(target, candidates, options.Families);
        if (selection.Found)
        {
            return selection;
        }

        all ??= await AllCandidatesAsync(cancellationToken);
        var known = RestoreTargetSelector.KnownValues(target.Kind, all.Where(c => c.InRecycleBin || c.Ledger is not null), options.Families);
        var suggestions = NearMatchFinder.Find(target.Value, known);
        if (target.Kind == RestoreTargetKind.ImageId)
        {
            var names = all.ToDictionary(c => c.ImageId, c => c.Name, StringComparer.Ordinal);
            suggestions = [.. suggestions.Select(id => names.TryGetValue(id, out var name) && name.Length > 0 ? $"{id} ({name})" : id)];
        }

        throw new RestoreImageNotFoundException(target, options.Region, suggestions, selection.Notes);
    }

    private async Task<(IReadOnlyList<RestoreCandidate> Candidates, IReadOnlyList<RestoreCandidate>? All)> ForImageIdAsync(
        string imageId, CancellationToken cancellationToken)
    {
        var binned = await bin.ListImagesAsync([imageId], cancellationToken);
        var record = await ledger.GetAsync(options.Region, imageId, cancellationToken);
        var registered = await lookup.DescribeImagesAsync([imageId], cancellationToken);
        var candidate = new RestoreCandidate
        {
            ImageId = imageId,
            Bin = binned.FirstOrDefault(b => b.ImageId == imageId),
            Ledger = record,
            Registered = registered.FirstOrDefault(i => i.ImageId == imageId),
        };
        return ([candidate], null);
    }

    private async Task<(IReadOnlyList<RestoreCandidate> Candidates, IReadOnlyList<RestoreCandidate>? All)> ForNameOrFamilyAsync(
        RestoreTarget target, CancellationToken cancellationToken)
    {
        var all = await AllCandidatesAsync(cancellationToken);

        // Matches that left the bin may be registered again (an earlier call restored them): look them up.
        var outOfBin = all.Where(c => !c.InRecycleBin && RestoreTargetSelector.Matches(target, c, options.Families)).Select(c => c.ImageId).ToList();
        if (outOfBin.Count == 0)
        {
            return (all, all);
        }

        var registered = (await lookup.DescribeImagesAsync(outOfBin, cancellationToken))
            .ToDictionary(i => i.ImageId, StringComparer.Ordinal);
        return ([.. all.Select(c => registered.TryGetValue(c.ImageId, out var image) ? c with { Registered = image } : c)], all);
    }

    private async Task<IReadOnlyList<RestoreCandidate>> AllCandidatesAsync(CancellationToken cancellationToken)
    {
        var binned = await bin.ListImagesAsync(null, cancellationToken);
        var records = await ledger.ListAsync(options.Region, cancellationToken);
        var byId = new Dictionary<string, RestoreCandidate>(StringComparer.Ordinal);
        foreach (var image in binned)
        {
            byId[image.ImageId] = new RestoreCandidate { ImageId = image.ImageId, Bin = image };
        }

        foreach (var record in records)
        {
            byId[record.ImageId] = byId.TryGetValue(record.ImageId, out var existing)
                ? existing with { Ledger = record }
                : new RestoreCandidate { ImageId = record.ImageId, Ledger = record };
        }

        return [.. byId.Values];
    }
}

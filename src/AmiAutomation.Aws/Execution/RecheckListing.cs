using AmiAutomation.Core.References;

namespace AmiAutomation.Aws.Execution;

/// <summary>One listing the re-check cannot filter by image, read at most once per <see cref="ExecutionOptions.RecheckListingMaxAge"/>
/// within a run: image id → the consumers that name it.</summary>
internal sealed class RecheckListing(TimeProvider time)
{
    private Dictionary<string, List<ImageReference>> _byImage = new(StringComparer.Ordinal);
    private DateTimeOffset? _readAt;

    /// <summary>The consumers of <paramref name="imageId"/>; <paramref name="refresh"/> (which adds to the dictionary it is
    /// given) runs first when the listing was never read or is older than <paramref name="maxAge"/>. A failed refresh
    /// throws and keeps nothing, so the next re-check reads again.</summary>
    public async Task<IReadOnlyList<ImageReference>> OfAsync(
        string imageId,
        TimeSpan maxAge,
        Func<Dictionary<string, List<ImageReference>>, Task> refresh,
        bool accumulate = false)
    {
        var now = time.GetUtcNow();
        if (_readAt is not { } readAt || now - readAt >= maxAge || now < readAt)
        {
            var fresh = accumulate
                ? _byImage.ToDictionary(kv => kv.Key, kv => new List<ImageReference>(kv.Value), StringComparer.Ordinal)
                : new Dictionary<string, List<ImageReference>>(StringComparer.Ordinal);
            await refresh(fresh);
            _byImage = fresh;
            _readAt = now;
        }

        return _byImage.TryGetValue(imageId, out var references) ? references : [];
    }

    public static void Add(Dictionary<string, List<ImageReference>> byImage, ImageReference reference)
    {
        if (!byImage.TryGetValue(reference.ImageId, out var list))
        {
            list = [];
            byImage[reference.ImageId] = list;
        }

        list.Add(reference);
    }
}

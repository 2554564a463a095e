namespace AmiAutomation.Core.References;

/// <summary>
/// All references found, indexed by image id. Lookups are O(1); built once per run.
/// </summary>
public sealed class ReferenceIndex
{
    private readonly Dictionary<string, List<ImageReference>> _byImage = new(StringComparer.Ordinal);

    public static ReferenceIndex Empty { get; } = new([]);

    public ReferenceIndex(IEnumerable<ImageReference> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        foreach (var reference in references)
        {
            if (!_byImage.TryGetValue(reference.ImageId, out var list))
            {
                list = [];
                _byImage[reference.ImageId] = list;
            }

            list.Add(reference);
            Count++;
        }
    }

    public int Count { get; }

    public bool IsReferenced(string imageId) => _byImage.ContainsKey(imageId);

    public IReadOnlyList<ImageReference> For(string imageId) =>
        _byImage.TryGetValue(imageId, out var list) ? list : [];

    public IEnumerable<string> ReferencedImageIds => _byImage.Keys;
}

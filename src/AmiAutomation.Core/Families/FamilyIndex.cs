using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Families;

/// <summary>
/// Every image's family and its place in it, computed once per plan in O(n log n).
/// </summary>
/// <remarks>
/// Ranking ("newest K", "N newer images") counts the images owned by the account in state
/// <see cref="ImageState.Available"/>: a pending or failed build must not push a working image out of the newest K,
/// and a disabled image is already on its way out. Newer = later <see cref="AmiImage.CreationDate"/>; on equal dates
/// the ordinally greater <see cref="AmiImage.ImageId"/> counts as newer. Keepers (what "last of family" counts) are
/// the owned images that are available or disabled. The whole inventory counts, whatever the plan's selection.
/// </remarks>
internal sealed class FamilyIndex
{
    private readonly string[] _familyOf;
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);

    public FamilyIndex(IReadOnlyList<AmiImage> images, FamilyResolver resolver, string accountId)
    {
        _familyOf = new string[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            var family = resolver.Resolve(image);
            if (!_groups.TryGetValue(family, out var group))
            {
                group = new Group(family);
                _groups[family] = group;
            }

            // One string per family, not per image: every decision of the plan carries it.
            _familyOf[i] = group.Name;

            if (!string.Equals(image.OwnerId, accountId, StringComparison.Ordinal))
            {
                continue;
            }

            if (image.State == ImageState.Available)
            {
                group.Ranked.Add(image);
            }

            if (image.State is ImageState.Available or ImageState.Disabled)
            {
                group.Keepers++;
            }
        }

        foreach (var group in _groups.Values)
        {
            group.Ranked.Sort(static (a, b) => CompareAge(b, a));
        }
    }

    /// <summary>Oldest first: by creation date, then image id (ordinal).</summary>
    public static int CompareAge(AmiImage a, AmiImage b)
    {
        var byDate = a.CreationDate.CompareTo(b.CreationDate);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.ImageId, b.ImageId);
    }

    /// <summary>The indexes of <paramref name="images"/>, oldest first (<see cref="CompareAge"/>).</summary>
    public static int[] AgeOrder(IReadOnlyList<AmiImage> images)
    {
        var order = new int[images.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => CompareAge(images[a], images[b]));
        return order;
    }

    public string FamilyOf(int index) => _familyOf[index];

    /// <summary>How many ranked images of the family are newer than <paramref name="image"/>.</summary>
    public int NewerCount(int index, AmiImage image)
    {
        var ranked = _groups[_familyOf[index]].Ranked;
        int low = 0, high = ranked.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (CompareAge(ranked[mid], image) > 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>True when the image is ranked and fewer than <paramref name="keep"/> ranked images are newer.</summary>
    public bool IsAmongNewest(int index, AmiImage image, string accountId, int keep) =>
        image.State == ImageState.Available
        && string.Equals(image.OwnerId, accountId, StringComparison.Ordinal)
        && NewerCount(index, image) < keep;

    public int RankedCount(string family) => _groups[family].Ranked.Count;

    public AmiImage? Newest(string family) => _groups[family].Ranked.Count > 0 ? _groups[family].Ranked[0] : null;

    /// <summary>Owned images of the family that are available or disabled.</summary>
    public int Keepers(string family) => _groups[family].Keepers;

    private sealed class Group(string name)
    {
        public string Name { get; } = name;

        public List<AmiImage> Ranked { get; } = [];

        public int Keepers { get; set; }
    }
}

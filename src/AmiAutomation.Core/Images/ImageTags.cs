using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AmiAutomation.Core.Images;

/// <summary>
/// An image's tags in one array of pairs, in the order given, keys compared ordinally: a sweep holds one per image,
/// and a Dictionary (buckets, entries, comparer) costs about three times as much for EC2's few tags (at most 50 per
/// resource, so a linear scan is as fast as hashing). Immutable; a key given twice keeps its last value.
/// </summary>
public sealed class ImageTags : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] _pairs;

    private ImageTags(KeyValuePair<string, string>[] pairs) => _pairs = pairs;

    public static ImageTags Empty { get; } = new([]);

    public int Count => _pairs.Length;

    public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

    public IEnumerable<string> Values => _pairs.Select(p => p.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No tag '{key}'.");

    /// <summary>Tags from <paramref name="pairs"/>; null keys are rejected, a repeated key keeps its last value.</summary>
    public static ImageTags From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs is ImageTags tags)
        {
            return tags;
        }

        var list = new List<KeyValuePair<string, string>>(pairs is ICollection<KeyValuePair<string, string>> c ? c.Count : 4);
        foreach (var pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair.Key);
            var at = list.FindIndex(p => string.Equals(p.Key, pair.Key, StringComparison.Ordinal));
            if (at >= 0)
            {
                list[at] = new(pair.Key, pair.Value);
            }
            else
            {
                list.Add(pair);
            }
        }

        return list.Count == 0 ? Empty : new ImageTags([.. list]);
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _pairs[at].Value : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _pairs.Length; i++)
        {
            if (string.Equals(_pairs[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

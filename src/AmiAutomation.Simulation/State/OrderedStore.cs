namespace AmiAutomation.Simulation.State;

/// <summary>
/// Items by id with a stable insertion order for paging: O(1) lookups, removal leaves a hole so positions
/// handed out in page tokens stay valid while the store changes.
/// </summary>
internal sealed class OrderedStore<T>
    where T : class
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly List<T?> _items = [];

    public int Count => _positions.Count;

    /// <summary>One past the last position ever handed out.</summary>
    public int End => _items.Count;

    public bool Contains(string id) => _positions.ContainsKey(id);

    public bool TryGet(string id, out T item)
    {
        if (_positions.TryGetValue(id, out var position))
        {
            item = _items[position]!;
            return true;
        }

        item = null!;
        return false;
    }

    /// <summary>The item's position in the stable order, or -1.</summary>
    public int PositionOf(string id) => _positions.TryGetValue(id, out var position) ? position : -1;

    public T? Find(string id) => _positions.TryGetValue(id, out var position) ? _items[position] : null;

    public void Add(string id, T item)
    {
        if (!_positions.TryAdd(id, _items.Count))
        {
            throw new InvalidOperationException($"The simulator already holds a resource with id '{id}'.");
        }

        _items.Add(item);
    }

    public bool Remove(string id)
    {
        if (!_positions.Remove(id, out var position))
        {
            return false;
        }

        _items[position] = null;
        return true;
    }

    /// <summary>The live items at or after <paramref name="position"/>, with their positions.</summary>
    public IEnumerable<(int Position, T Item)> From(int position)
    {
        for (var i = Math.Max(0, position); i < _items.Count; i++)
        {
            var item = _items[i];
            if (item is not null)
            {
                yield return (i, item);
            }
        }
    }

    public IEnumerable<T> All => From(0).Select(entry => entry.Item);
}

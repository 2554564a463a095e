using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Runtime.Tests.Support;

/// <summary>A writable in-memory environment that remembers every write, in order.</summary>
internal sealed class RecordingEnvironmentVariables(IReadOnlyDictionary<string, string> initial) : IWritableEnvironmentVariables
{
    private readonly Dictionary<string, string> _values = new(initial, StringComparer.Ordinal);
    private readonly List<(string Name, string? Value)> _writes = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<(string Name, string? Value)> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    public string? Get(string name)
    {
        lock (_gate)
        {
            return _values.TryGetValue(name, out var value) ? value : null;
        }
    }

    public void Set(string name, string? value)
    {
        lock (_gate)
        {
            _writes.Add((name, value));
            if (value is null)
            {
                _values.Remove(name);
            }
            else
            {
                _values[name] = value;
            }
        }
    }
}

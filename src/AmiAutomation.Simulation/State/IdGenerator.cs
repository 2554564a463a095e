using System.Globalization;

namespace AmiAutomation.Simulation.State;

/// <summary>
/// Deterministic, realistic-looking resource ids (<c>ami-0</c> + 16 hex digits). A bijective mix of a per-prefix
/// counter: unique and the same for the same sequence of creations.
/// </summary>
internal sealed class IdGenerator
{
    private readonly Dictionary<string, ulong> _counters = new(StringComparer.Ordinal);

    public string Next(string prefix)
    {
        _counters.TryGetValue(prefix, out var counter);
        counter++;
        _counters[prefix] = counter;
        var mixed = Mix(counter ^ Salt(prefix));
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-0{mixed:x16}");
    }

    private static ulong Salt(string prefix)
    {
        // FNV-1a: stable across processes (string.GetHashCode is randomised).
        var hash = 14695981039346656037UL;
        foreach (var c in prefix)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    /// <summary>splitmix64's finaliser: a bijection on 64-bit values.</summary>
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9UL;
        value = (value ^ (value >> 27)) * 0x94d049bb133111ebUL;
        return value ^ (value >> 31);
    }
}

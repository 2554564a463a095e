using System.Diagnostics.CodeAnalysis;

namespace AmiAutomation.Aws.Mapping;

/// <summary>
/// Shares equal strings among the images of one inventory read (owner ids, tag keys, repeated tag values, device
/// names): 50,000 images carry a few hundred distinct such strings, not a quarter of a million copies. One pool per
/// sweep, dropped with it; never static (string.Intern would keep every value for the process's lifetime, across
/// invocations of a warm Lambda). Thread-safe, so sources read concurrently may share it.
/// </summary>
public sealed class StringPool
{
    /// <summary>Longer values are kept as they are: long strings rarely repeat, and each pooled one costs an entry.</summary>
    public const int MaxPooledLength = 128;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Distinct strings held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _strings.Count;
            }
        }
    }

    /// <summary>The pool's instance equal to <paramref name="value"/> (added on first sight); null and long values unchanged.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public string? Share(string? value)
    {
        if (value is null || value.Length > MaxPooledLength)
        {
            return value;
        }

        if (value.Length == 0)
        {
            return string.Empty;
        }

        lock (_gate)
        {
            if (_strings.TryGetValue(value, out var pooled))
            {
                return pooled;
            }

            _strings.Add(value);
            return value;
        }
    }
}

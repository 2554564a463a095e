namespace AmiAutomation.Simulation.Operations;

/// <summary>EC2 filter value matching: <c>*</c> any run, <c>?</c> one character, <c>\</c> escapes; case-sensitive.</summary>
internal sealed class WildcardPattern
{
    private const char AnyOne = '\uE000';
    private const char AnyRun = '\uE001';
    private readonly string? _literal;
    private readonly char[] _tokens;

    public WildcardPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var tokens = new List<char>(pattern.Length);
        var hasWildcard = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add(pattern[++i]);
            }
            else if (c is '*' or '?')
            {
                hasWildcard = true;
                tokens.Add(c == '*' ? AnyRun : AnyOne);
            }
            else
            {
                tokens.Add(c);
            }
        }

        _tokens = [.. tokens];
        _literal = hasWildcard ? null : new string(_tokens);
    }

    /// <summary>The value when the pattern has no wildcard (usable for index lookups).</summary>
    public string? Literal => _literal;

    public bool IsMatch(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (_literal is not null)
        {
            return string.Equals(_literal, value, StringComparison.Ordinal);
        }

        int p = 0, v = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < _tokens.Length && (_tokens[p] == AnyOne || _tokens[p] == value[v]))
            {
                p++;
                v++;
            }
            else if (p < _tokens.Length && _tokens[p] == AnyRun)
            {
                starP = p++;
                starV = v;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = ++starV;
            }
            else
            {
                return false;
            }
        }

        while (p < _tokens.Length && _tokens[p] == AnyRun)
        {
            p++;
        }

        return p == _tokens.Length;
    }
}

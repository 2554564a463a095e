using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>Compiled request filters: AND across filters, OR across one filter's values, wildcards in values.</summary>
internal sealed class FilterSet
{
    private readonly List<(string Name, WildcardPattern[] Patterns)> _filters;

    private FilterSet(List<(string Name, WildcardPattern[] Patterns)> filters) => _filters = filters;

    public static FilterSet None { get; } = new([]);

    public bool IsEmpty => _filters.Count == 0;

    /// <summary>Validates names (<paramref name="knownNames"/> plus <c>tag:&lt;key&gt;</c>) and values; throws InvalidParameterValue.</summary>
    public static FilterSet Compile(List<Filter>? filters, IReadOnlySet<string> knownNames, bool allowTagFilters = true)
    {
        if (filters is null || filters.Count == 0)
        {
            return None;
        }

        var compiled = new List<(string, WildcardPattern[])>(filters.Count);
        foreach (var filter in filters)
        {
            var name = filter.Name;
            if (string.IsNullOrEmpty(name))
            {
                throw Ec2Errors.InvalidParameterValue("A filter has no Name.");
            }

            var isTag = allowTagFilters && name.StartsWith("tag:", StringComparison.Ordinal) && name.Length > 4;
            if (!isTag && !knownNames.Contains(name))
            {
                throw Ec2Errors.InvalidFilter(name);
            }

            if (filter.Values is null || filter.Values.Count == 0)
            {
                throw Ec2Errors.InvalidParameterValue($"The filter '{name}' has no values.");
            }

            compiled.Add((name, filter.Values.Select(v => new WildcardPattern(v ?? string.Empty)).ToArray()));
        }

        return new FilterSet(compiled);
    }

    /// <summary>The literal values of a filter when none uses a wildcard (for index lookups); else null.</summary>
    public IReadOnlyList<string>? LiteralValues(string name)
    {
        var filter = _filters.Find(f => f.Name == name);
        if (filter.Patterns is null || filter.Patterns.Any(p => p.Literal is null))
        {
            return null;
        }

        return filter.Patterns.Select(p => p.Literal!).ToList();
    }

    public bool Matches<T>(T item, Func<T, string, IEnumerable<string?>> valuesOf)
    {
        foreach (var (name, patterns) in _filters)
        {
            var matched = false;
            foreach (var value in valuesOf(item, name))
            {
                if (Array.Exists(patterns, p => p.IsMatch(value)))
                {
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The values of <c>tag:&lt;key&gt;</c>, <c>tag-key</c> and <c>tag-value</c> filters.</summary>
    public static IEnumerable<string?> TagValues(IReadOnlyDictionary<string, string> tags, string filterName)
    {
        if (filterName.StartsWith("tag:", StringComparison.Ordinal))
        {
            return tags.TryGetValue(filterName[4..], out var value) ? [value] : [];
        }

        return filterName switch
        {
            "tag-key" => tags.Keys,
            "tag-value" => tags.Values,
            _ => [],
        };
    }
}

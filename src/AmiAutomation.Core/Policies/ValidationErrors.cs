namespace AmiAutomation.Core.Policies;

/// <summary>Collects validation errors with uniform messages.</summary>
internal sealed class ValidationErrors(string owner)
{
    private readonly List<string> _errors = [];

    public void Range(string field, int value, int min, int max, string unit = "")
    {
        if (value < min || value > max)
        {
            _errors.Add($"{owner}.{field} must be between {min} and {max}{unit} (was {value}).");
        }
    }

    public void OptionalRange(string field, int? value, int min, int max, string unit = "")
    {
        if (value is { } v && (v < min || v > max))
        {
            _errors.Add($"{owner}.{field} must be between {min} and {max}{unit}, or null to turn the rule off (was {v}).");
        }
    }

    public void Add(string message) => _errors.Add(message);

    public void Pattern(string field, string? pattern)
    {
        if (Families.FamilyResolver.ValidatePattern(pattern, $"{owner}.{field}") is { } error)
        {
            _errors.Add(error);
        }
    }

    public PolicyValidation ToResult() => _errors.Count == 0 ? PolicyValidation.Valid : new PolicyValidation(_errors);
}

namespace AmiAutomation.Core.Policies;

/// <summary>
/// The result of validating a policy: EVERY problem at once, each message naming the field and the bad value
/// ("DeprecationPolicy.KeepNewest must be between 1 and 1000 (was 0)").
/// </summary>
public sealed class PolicyValidation
{
    public PolicyValidation(IEnumerable<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = [.. errors];
    }

    /// <summary>No errors.</summary>
    public static PolicyValidation Valid { get; } = new([]);

    public IReadOnlyList<string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>Both results' errors, this one's first (for settings that validate several policies).</summary>
    public PolicyValidation Combine(PolicyValidation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsValid ? this : IsValid ? other : new PolicyValidation([.. Errors, .. other.Errors]);
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every error when invalid.</summary>
    public void ThrowIfInvalid(string parameterName)
    {
        if (!IsValid)
        {
            throw new ArgumentException(ToString(), parameterName);
        }
    }

    public override string ToString() =>
        IsValid ? "valid" : $"{Errors.Count} policy error(s): {string.Join(" ", Errors)}";
}

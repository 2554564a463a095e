namespace AmiAutomation.Core.Restorability;

/// <summary>Whether a retention rule retains a resource with given tags.</summary>
public enum RuleMatch
{
    /// <summary>The rule does not retain it.</summary>
    No,

    /// <summary>It depends on a behaviour AWS does not document (a key-only tag pair): never counted as retention we can
    /// rely on, always counted as retention that might apply.</summary>
    Uncertain,

    /// <summary>The rule retains it (when available).</summary>
    Yes,
}

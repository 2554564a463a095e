namespace AmiAutomation.Functions.Copy;

/// <summary>A validated copy input.</summary>
public sealed record CopyInvocation(CopyInvocationKind Kind, bool DryRun, string Trigger)
{
    public string? ImageId { get; init; }

    /// <summary>Manual requests: the destinations asked for; null = the tag or the policy decides.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Events: the state EventBridge reported.</summary>
    public string? EventState { get; init; }

    /// <summary>Events: EC2's error message for a failed image.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Why nothing is done (<see cref="CopyInvocationKind.NoOp"/>).</summary>
    public string? NoOpReason { get; init; }
}

using AmiAutomation.Core.OnDemand;

namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>An event read by <see cref="LaunchFailureParser"/>: a launch failure to heal, or a reason to ignore it.</summary>
public sealed record LaunchFailureParse(LaunchFailure? Failure, string? IgnoredReason, string EventId, string Kind)
{
    public static LaunchFailureParse Heal(LaunchFailure failure) => new(failure, null, failure.EventId, failure.Operation);

    public static LaunchFailureParse Ignore(string eventId, string kind, string reason) => new(null, reason, eventId, kind);
}

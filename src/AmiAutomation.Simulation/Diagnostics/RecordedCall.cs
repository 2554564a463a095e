namespace AmiAutomation.Simulation.Diagnostics;

/// <summary>One call a simulated client received. <see cref="ErrorCode"/> is null on success
/// (<c>DryRunOperation</c> for a dry run that would have succeeded; empty for a "not implemented" 500).</summary>
public sealed record RecordedCall(string Action, string Region, DateTimeOffset At, bool DryRun, string? ErrorCode)
{
    public bool Succeeded => ErrorCode is null;
}

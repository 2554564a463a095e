namespace AmiAutomation.Benchmarks.Calls;

/// <summary>Calls of one phase, per action; failed calls (throttled or otherwise; a dry run's DryRunOperation is the
/// expected answer, not a failure); simulated and real duration.</summary>
internal sealed record PhaseCalls(IReadOnlyDictionary<string, int> ByAction, int Failed, TimeSpan Simulated, TimeSpan Wall)
{
    public int Total => ByAction.Values.Sum();

    public int Of(string action) => ByAction.GetValueOrDefault(action);
}

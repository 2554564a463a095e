namespace AmiAutomation.Cli.Simulation;

/// <summary>What happened during the current simulated day (the state at its end is counted separately).</summary>
internal sealed class DayCounters
{
    public int Built { get; set; }
    public int CopiesStarted { get; set; }
    public int CopiesFinished { get; set; }
    public int Deprecated { get; set; }
    public int Expired { get; set; }
    public int Restored { get; set; }
    public double SnapshotGiBReleased { get; set; }
    public int FunctionErrors { get; set; }
}

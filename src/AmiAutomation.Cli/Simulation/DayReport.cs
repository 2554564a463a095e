namespace AmiAutomation.Cli.Simulation;

/// <summary>One simulated day: the state at its end and what happened during it.</summary>
public sealed record DayReport
{
    public required int Day { get; init; }
    public required DateOnly Date { get; init; }
    public required int Available { get; init; }
    public required int Deprecated { get; init; }
    public required int Disabled { get; init; }
    public required int InRecycleBin { get; init; }
    public required int DeregisteredForGood { get; init; }
    public int Built { get; init; }
    public int CopiesStarted { get; init; }
    public int CopiesFinished { get; init; }
    public int DeprecatedToday { get; init; }
    public int ExpiredToday { get; init; }
    public int Restored { get; init; }
    public double SnapshotGiBReleased { get; init; }
    public int FunctionErrors { get; init; }
}

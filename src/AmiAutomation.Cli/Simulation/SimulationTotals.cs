namespace AmiAutomation.Cli.Simulation;

/// <summary>What happened over the whole simulated run.</summary>
public sealed record SimulationTotals
{
    public int Invocations { get; init; }
    public int FunctionErrors { get; init; }
    public int ImagesBuilt { get; init; }
    public int CopiesStarted { get; init; }
    public int CopiesFinished { get; init; }
    public int Deprecated { get; init; }
    public int Expired { get; init; }
    public int Restored { get; init; }
    public int SnapshotsDeleted { get; init; }
    public double SnapshotGiBReleased { get; init; }
    public double EstimatedMonthlySavingUsd { get; init; }
    public int FailedActions { get; init; }
}

namespace AmiAutomation.Simulation.State;

internal sealed record BinnedSnapshot(SimSnapshot Snapshot, DateTimeOffset EnterTime, DateTimeOffset ExitTime);

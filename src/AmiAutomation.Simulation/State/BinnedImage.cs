namespace AmiAutomation.Simulation.State;

internal sealed record BinnedImage(SimImage Image, DateTimeOffset EnterTime, DateTimeOffset ExitTime);

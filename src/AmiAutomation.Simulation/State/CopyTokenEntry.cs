namespace AmiAutomation.Simulation.State;

/// <summary>What a CopyImage ClientToken was first used with, and the image it produced.</summary>
internal sealed record CopyTokenEntry(string ParameterFingerprint, string ImageId);

using AmiAutomation.Core.Planning;

namespace AmiAutomation.Core.Replication;

/// <summary>A copy decision and the CopyImage request that carries it out.</summary>
public sealed record PlannedCopy(Decision Decision, CopyRequest Request);

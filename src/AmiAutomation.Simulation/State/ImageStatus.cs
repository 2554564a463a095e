namespace AmiAutomation.Simulation.State;

/// <summary>The state a registered image can be in (deregistered images leave the store).</summary>
internal enum ImageStatus
{
    Available,
    Pending,
    Failed,
    Disabled,
}

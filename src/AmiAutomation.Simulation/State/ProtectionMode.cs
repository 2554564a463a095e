namespace AmiAutomation.Simulation.State;

internal enum ProtectionMode
{
    Disabled,
    EnabledWithCooldown,
    EnabledWithoutCooldown,
}

using AmiAutomation.Simulation.State;

namespace AmiAutomation.Simulation.Operations;

/// <summary>What an operation sees: the world (under its lock), the client's region, the time of the call, DryRun.</summary>
internal sealed class OperationContext(Ec2Simulator world, RegionState region, DateTimeOffset now, bool dryRun)
{
    public Ec2Simulator World { get; } = world;
    public RegionState Region { get; } = region;
    public DateTimeOffset Now { get; } = now;
    public bool DryRun { get; } = dryRun;

    /// <summary>The call is answered blind (<see cref="Faults.EmulatorLies.BlindAfter"/>): listings see no instance or reference.</summary>
    public bool Blind { get; init; }
    public string AccountId => World.AccountId;

    /// <summary>Call after validation, before any change or result: a dry run stops here with DryRunOperation.</summary>
    public void Commit()
    {
        if (DryRun)
        {
            throw Ec2Errors.DryRun();
        }
    }

    public RegionState RegionNamed(string name) => World.RegionLocked(name);
}

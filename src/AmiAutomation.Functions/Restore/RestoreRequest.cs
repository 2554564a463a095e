using AmiAutomation.Core.Restore;

namespace AmiAutomation.Functions.Restore;

/// <summary>A validated restore input: list the bin, or restore <see cref="Target"/> (dry run or not).</summary>
public sealed record RestoreRequest(bool IsList, RestoreTarget? Target, bool DryRun)
{
    public static RestoreRequest List(bool dryRun) => new(true, null, dryRun);

    public static RestoreRequest For(RestoreTarget target, bool dryRun) => new(false, target, dryRun);
}

using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Aws.Execution;

/// <summary>What a <see cref="IDeregistrationGuard"/> hook sees about one deregistration.</summary>
/// <param name="Plan">The plan being executed.</param>
/// <param name="Decision">The Deregister decision.</param>
/// <param name="Current">The image as re-read right before the call (tags, snapshots, launch permissions, deprecation time):
/// what the ledger must record.</param>
/// <param name="DeregisteredBefore">Images this run already deregistered (0 for the first).</param>
public sealed record DeregistrationContext(Plan Plan, Decision Decision, AmiImage Current, int DeregisteredBefore)
{
    public string Region => Plan.Region;

    public string ImageId => Current.ImageId;

    public bool IsFirst => DeregisteredBefore == 0;
}

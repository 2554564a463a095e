using AmiAutomation.Simulation;

namespace AmiAutomation.Lambda.Tests.Iam.Recording;

/// <summary>Where a recorded call was made: the simulated account and the region of the client that sent it. Reads
/// the state IAM would see (tags, snapshots) before the call changes it; a resource the simulator does not know
/// reads as untagged (the call itself then fails in the simulator too).</summary>
internal sealed record AuthorizationScope(Ec2Simulator Simulator, string Region, string Partition = "aws")
{
    public string AccountId => Simulator.AccountId;

    public string ImageArn(string imageId, string? region = null) => $"arn:{Partition}:ec2:{region ?? Region}::image/{imageId}";

    public string SnapshotArn(string snapshotId, string? region = null) => $"arn:{Partition}:ec2:{region ?? Region}::snapshot/{snapshotId}";

    public IReadOnlyDictionary<string, string> TagsOf(string resourceId, string? region = null)
    {
        try
        {
            return Simulator.TagsOf(region ?? Region, resourceId);
        }
        catch (ArgumentException)
        {
            return new Dictionary<string, string>();
        }
    }

    public IReadOnlyList<string> SnapshotsOf(string imageId, string? region = null)
    {
        try
        {
            return Simulator.SnapshotIdsOf(region ?? Region, imageId);
        }
        catch (ArgumentException)
        {
            return [];
        }
    }
}

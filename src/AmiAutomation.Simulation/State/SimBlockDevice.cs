namespace AmiAutomation.Simulation.State;

/// <summary>One block device of an image: an EBS snapshot, or an instance-store (ephemeral) volume.</summary>
internal sealed record SimBlockDevice(string DeviceName, string? SnapshotId, int VolumeSizeGiB, bool Encrypted, string? KmsKeyId)
{
    public string? VirtualName { get; init; }

    public bool IsEbs => VirtualName is null;
}

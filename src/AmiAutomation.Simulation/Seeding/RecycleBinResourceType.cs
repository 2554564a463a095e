namespace AmiAutomation.Simulation.Seeding;

/// <summary>The Recycle Bin rule resource types the simulator models (<c>EBS_VOLUME</c> is out of scope).</summary>
public enum RecycleBinResourceType
{
    /// <summary><c>EC2_IMAGE</c>: deregistered EBS-backed images.</summary>
    Ec2Image,

    /// <summary><c>EBS_SNAPSHOT</c>: deleted snapshots.</summary>
    EbsSnapshot,
}

namespace AmiAutomation.Simulation.Fleet;

/// <summary>What <see cref="FleetGenerator"/> builds. The same options and seed on a fresh simulator give the same fleet.</summary>
public sealed record FleetOptions
{
    /// <summary>Total images across all regions (originals and copies).</summary>
    public int ImageCount { get; init; } = 1_000;

    /// <summary>Regions; the first is the main build region.</summary>
    public IReadOnlyList<string> Regions { get; init; } = ["us-east-1", "eu-west-1", "ap-southeast-2"];

    public int Seed { get; init; } = 1;

    /// <summary>The fleet's "now"; defaults to the simulator's current time.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>How far back the oldest builds go.</summary>
    public double HistoryYears { get; init; } = 3;

    /// <summary>Adds a region-level EC2_IMAGE and EBS_SNAPSHOT Recycle Bin rule (<see cref="RecycleBinRetentionDays"/>) in every region.</summary>
    public bool AddRecycleBinRules { get; init; } = true;

    public int RecycleBinRetentionDays { get; init; } = 14;

    /// <summary>Fraction (0–1) of original builds shared with <see cref="ConsumerAccountId"/> (an "AMI factory" fleet).
    /// Chosen by a hash of the image name, so the rest of the fleet is the same as with 0. Default 0.</summary>
    public double SharedImageRate { get; init; }

    /// <summary>The workload account shared builds are shared with.</summary>
    public string ConsumerAccountId { get; init; } = "210987654321";

    /// <summary>Also seed the rare cases of <see cref="FleetEdgeCases"/> (their own random stream: the rest of the fleet
    /// is the same with or without). Default false.</summary>
    public bool EdgeCases { get; init; }
}

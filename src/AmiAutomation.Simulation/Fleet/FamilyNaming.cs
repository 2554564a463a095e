using System.Globalization;

namespace AmiAutomation.Simulation.Fleet;

/// <summary>Realistic build names per family style.</summary>
internal static class FamilyNaming
{
    public static readonly string[] Prefixes =
    [
        "web", "api", "worker", "base-al2023", "base-ubuntu22", "batch", "gateway", "search", "ml-train", "etl",
        "cache", "auth", "billing", "reports", "frontend", "ingest", "win2022-iis", "bastion", "proxy", "scheduler",
    ];

    public static string BuildName(FamilyPlan family, int index, DateTimeOffset created, string instanceId) => family.Style switch
    {
        FamilyStyle.DottedDate => string.Create(CultureInfo.InvariantCulture, $"{family.Name}-{created:yyyy.MM.dd}-{index}"),
        FamilyStyle.SemVer => string.Create(CultureInfo.InvariantCulture, $"{family.Name}-{1 + (index / 100)}.{index / 10 % 10}.{index % 10}"),
        FamilyStyle.BuildNumber => string.Create(CultureInfo.InvariantCulture, $"{family.Name}-build-{1000 + index}"),
        FamilyStyle.InstanceStore => string.Create(CultureInfo.InvariantCulture, $"{family.Name}-{created:yyyyMMdd}-{index}"),
        FamilyStyle.DataLifecycleManager => string.Create(CultureInfo.InvariantCulture, $"{family.Name}-dlm-{created:yyyyMMddHHmm}-{index}"),
        FamilyStyle.AwsBackup => string.Create(CultureInfo.InvariantCulture, $"AwsBackup_{instanceId}_{created:yyyyMMddHHmmss}{index:x4}"),
        FamilyStyle.ImageBuilder => string.Create(CultureInfo.InvariantCulture, $"{family.Name} 1.0.{index} {created:yyyy-MM-dd'T'HH-mm-ss}"),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family.Style, "Unknown family style."),
    };
}

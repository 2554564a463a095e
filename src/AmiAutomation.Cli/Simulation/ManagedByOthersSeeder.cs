using System.Globalization;
using AmiAutomation.Simulation;

namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// Small fleets from the generator hold only our own families; a realistic account also has images that other
/// services manage (Data Lifecycle Manager, AWS Backup, EC2 Image Builder). When none exist, this adds a few old,
/// unused ones to the home region, so the run shows the functions leaving them alone.
/// </summary>
internal static class ManagedByOthersSeeder
{
    private static readonly string[] ManagedTags = ["aws:dlm:lifecycle-policy-id", "aws:backup:source-resource", "Ec2ImageBuilderArn"];

    public static int EnsurePresent(Ec2Simulator simulator, string region, int seed)
    {
        if (simulator.Regions.Any(r => simulator.ListImages(r).Any(i => i.Tags?.Any(t => ManagedTags.Contains(t.Key)) == true)))
        {
            return 0;
        }

        var random = new Random(seed ^ 0x5eed);
        var added = 0;
        var account = simulator.AccountId;
        for (var i = 0; i < 4; i++)
        {
            var age = 20 + (i * 30) + random.Next(10);
            var created = simulator.Now.AddDays(-age);
            simulator.AddImage(region, image => image
                .Named(string.Create(CultureInfo.InvariantCulture, $"db-snapshot-dlm-{created:yyyyMMddHHmm}"))
                .CreatedAt(created)
                .WithSnapshot(50)
                .DeprecatedAt(created.AddDays(14))
                .Tagged("aws:dlm:lifecycle-policy-id", "policy-0a1b2c3d4e5f67890")
                .Tagged("aws:dlm:lifecycle-schedule-name", "Weekly"));
            var instance = string.Create(CultureInfo.InvariantCulture, $"i-0{random.NextInt64():x16}");
            simulator.AddImage(region, image => image
                .Named(string.Create(CultureInfo.InvariantCulture, $"AwsBackup_{instance}_{created:yyyyMMddHHmmss}"))
                .CreatedAt(created.AddHours(3))
                .WithSnapshot(30)
                .Tagged("aws:backup:source-resource", $"arn:aws:ec2:{region}:{account}:instance/{instance}"));
            simulator.AddImage(region, image => image
                .Named(string.Create(CultureInfo.InvariantCulture, $"golden-recipe 1.0.{i} {created:yyyy-MM-dd'T'HH-mm-ss}"))
                .CreatedAt(created.AddHours(6))
                .WithSnapshot(16)
                .DeprecatedAt(created.AddDays(10))
                .Tagged("CreatedBy", "EC2 Image Builder")
                .Tagged("Ec2ImageBuilderArn", $"arn:aws:imagebuilder:{region}:{account}:image/golden-recipe/1.0.{i}/1"));
            added += 3;
        }

        return added;
    }
}

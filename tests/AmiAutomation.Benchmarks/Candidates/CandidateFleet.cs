using AmiAutomation.Benchmarks.Simulated;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Benchmarks.Candidates;

/// <summary>
/// N owned images in families of 20 builds where exactly C are expiry candidates: older than the retention (400+
/// days) and outside their family's newest 3. Every other image is 1–20 days old, so no reference-independent rule
/// would act on it. Fleet-wide consumers: 200 running instances and 20 launch templates of 5 versions each, on
/// images picked at random (candidates among them). Recycle Bin rules for images and snapshots.
/// </summary>
internal static class CandidateFleet
{
    public const int FamilySize = 20;
    public const int KeepNewest = 3;
    public const int RetentionDays = 365;

    /// <summary>Seeds the fleet; returns the candidate count (images only the reference checks stand between and an action).</summary>
    public static int Build(Ec2Simulator simulator, int images, double candidatePercent, int seed)
    {
        var random = new Random(seed);
        var eligible = Enumerable.Range(0, images).Where(i => i % FamilySize >= KeepNewest).ToArray();
        var wanted = (int)Math.Round(images * candidatePercent / 100);
        if (wanted > eligible.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(candidatePercent), $"at most {eligible.Length} of {images} images can be candidates");
        }

        random.Shuffle(eligible);
        var old = eligible.Take(wanted).ToHashSet();
        var ids = new string[images];
        for (var i = 0; i < images; i++)
        {
            var (family, build) = Math.DivRem(i, FamilySize);
            var days = old.Contains(i) ? 400 + build : 1 + build;
            ids[i] = simulator.AddImage(SimulatedAccount.Region, b => b
                .Named($"svc{family:D5}-al2023-build-{build}")
                .CreatedDaysAgo(days + (i % 97) / 100.0)
                .Tagged("team", "team-" + (family % 8))
                .Tagged("environment", (family % 3) switch { 0 => "prod", 1 => "staging", _ => "dev" }));
        }

        for (var i = 0; i < 200; i++)
        {
            simulator.AddInstance(SimulatedAccount.Region, ids[random.Next(images)]);
        }

        for (var t = 0; t < 20; t++)
        {
            simulator.AddLaunchTemplate(SimulatedAccount.Region, $"lt-bench-{t}", [.. Enumerable.Range(0, 5).Select(_ => ids[random.Next(images)])]);
        }

        // The expire gate needs the Recycle Bin to keep images and snapshots, else it blocks the run before the re-check.
        simulator.AddRecycleBinRule(SimulatedAccount.Region, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 14));
        simulator.AddRecycleBinRule(SimulatedAccount.Region, new RecycleBinRule(RecycleBinResourceType.EbsSnapshot, 14));
        return wanted;
    }
}
